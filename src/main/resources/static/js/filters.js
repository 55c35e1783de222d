// The user list's filters apply as soon as a choice changes; without JavaScript the Filter button does it.
document.querySelectorAll('form.filters').forEach(function (form) {
  form.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('change', function () {
      form.submit();
    });
  });
  var button = form.querySelector('button[type="submit"]');
  if (button) {
    button.hidden = true;
  }
});
