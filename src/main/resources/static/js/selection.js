// The user list's selection: "select the page" checks every row, and the bar says how many are selected (or that
// every user matching the filters is). Listening on the document also covers rows a search put in place after
// loading. Without JavaScript each row's checkbox and "All … matching" still work; only the count is not said.
(function () {
  function update(section) {
    var bar = section.querySelector('.selection-count');
    if (!bar) {
      return;
    }
    var all = section.querySelector('form.selection-bar input[name="all"]');
    var count = section.querySelectorAll('input[name="userId"]:checked').length;
    var rows = section.querySelectorAll('input[name="userId"]').length;
    var page = section.querySelector('[data-select-page]');
    if (page) {
      page.checked = rows > 0 && count === rows;
      page.indeterminate = count > 0 && count < rows;
    }
    if (all && all.checked) {
      bar.textContent = bar.getAttribute('data-all');
    } else if (count === 0) {
      bar.textContent = bar.getAttribute('data-none');
    } else {
      bar.textContent = bar.getAttribute('data-some').replace('{0}', String(count));
    }
  }

  document.addEventListener('change', function (event) {
    var box = event.target;
    var section = box.closest && box.closest('section');
    if (!section) {
      return;
    }
    if (box.matches('[data-select-page]')) {
      section.querySelectorAll('input[name="userId"]').forEach(function (row) {
        row.checked = box.checked;
      });
    }
    if (box.matches('[data-select-page], input[name="userId"], form.selection-bar input[name="all"]')) {
      update(section);
    }
  });
})();
