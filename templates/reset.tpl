{{%AUTOESCAPE context="HTML"}}{{! reset.tpl -- choose a new password from a mailed link. }}
<section class="card">
  <h1>Choose a new password</h1>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="password">New password</label>
    <input type="password" id="password" name="password" autocomplete="new-password" required autofocus>
    <label for="password_confirm">Repeat the new password</label>
    <input type="password" id="password_confirm" name="password_confirm" autocomplete="new-password" required>
    <button type="submit">Set password</button>
  </form>
  <p class="hint">Every session of your account is signed out when the password changes.</p>
</section>
