// The user list's filters apply as soon as a choice changes, and the search as you type (after a pause of 300 ms):
// the list below the filters is fetched and put in place, so the search field keeps its focus and caret, and the
// address follows (reload and back show the same list). Enter still submits the form. Without JavaScript the
// Filter button does it all.
document.querySelectorAll('form.filters').forEach(function (form) {
  var section = form.closest('section');
  var search = form.querySelector('input[type="search"]');
  var pending = null;
  var latest = 0;

  function address() {
    var url = new URL(form.action, window.location.href);
    new FormData(form).forEach(function (value, name) {
      if (value !== '') {
        url.searchParams.set(name, value);
      }
    });
    return url;
  }

  function refresh() {
    var url = address();
    var request = ++latest;
    fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('not the list');
        }
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) {
          return; // a newer search is on its way
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('form.filters');
        if (!fresh || !section) {
          throw new Error('not the list');
        }
        // Everything after the form: the empty state, the table, the pager and the count.
        while (form.nextSibling) {
          section.removeChild(form.nextSibling);
        }
        var next = fresh.nextSibling;
        while (next) {
          var following = next.nextSibling;
          if (!(next.tagName === 'SCRIPT')) {
            section.appendChild(document.importNode(next, true));
          }
          next = following;
        }
        window.history.replaceState(null, '', url.pathname + url.search);
        // Said to screen readers: how many users match now (or that none do).
        var said = section.querySelector('.empty-state strong, .pager span, .hint span');
        var status = form.querySelector('[role="status"]');
        if (status) {
          status.textContent = said ? said.textContent : '';
        }
      })
      .catch(function () {
        form.submit(); // whatever went wrong, the page the form leads to says it
      });
  }

  form.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('change', function () {
      form.submit();
    });
  });
  if (search && section) {
    search.addEventListener('input', function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(refresh, 300);
    });
  }
  var button = form.querySelector('button[type="submit"]');
  if (button) {
    button.hidden = true;
  }
});
