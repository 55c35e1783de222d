// Shows the password rules as the person types. Only a convenience: the server (PasswordPolicy) decides.
(function () {
  var password = document.getElementById('password');
  var confirmation = document.getElementById('passwordConfirmation');
  if (!password) { return; }
  // The limits come from the page (PasswordPolicy), never from this file.
  var min = parseInt(password.getAttribute('data-min-length'), 10), max = parseInt(password.getAttribute('maxlength'), 10);
  var email = (password.getAttribute('data-email') || '').toLowerCase();
  var checks = {
    length: function (p) { return p.length >= min && p.length <= max; },
    // Letters of any alphabet count (Ä as much as A), as on the server (PasswordPolicy).
    upper: function (p) { return /\p{Lu}/u.test(p); },
    lower: function (p) { return /\p{Ll}/u.test(p); },
    digit: function (p) { return /[0-9]/.test(p); },
    special: function (p) { return /[^\p{L}0-9\s\p{Cc}]/u.test(p); },
    email: function (p) { return p.length > 0 && (email === '' || p.toLowerCase().indexOf(email) < 0); }
  };
  function update() {
    var p = password.value;
    document.querySelectorAll('#password-rules li').forEach(function (li) {
      li.classList.toggle('ok', checks[li.getAttribute('data-rule')](p));
    });
    var match = document.getElementById('confirmation-hint');
    match.classList.toggle('ok', p.length > 0 && p === confirmation.value);
  }
  // After a refused submission, the first marked field has the focus.
  var invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) { invalid.focus(); }
  password.addEventListener('input', update);
  confirmation.addEventListener('input', update);
  update();
})();
