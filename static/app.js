// app.js -- progressive enhancement only: the show/hide toggle for password fields.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.toggle[data-target]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-target'));
    if (!input) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.textContent = show ? 'Hide' : 'Show';
      button.setAttribute('aria-pressed', show ? 'true' : 'false');
    });
  });
});
