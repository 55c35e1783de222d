// Forms marked data-confirm ask before they are sent (an external script: the pages' Content-Security-Policy
// allows no inline handlers). Listening on the document also covers rows a search put in place after loading.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
