// Forms marked data-confirm ask before they are sent (an external script: the pages' Content-Security-Policy
// allows no inline handlers).
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
});
