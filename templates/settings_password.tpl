{{%AUTOESCAPE context="HTML"}}{{! settings_password.tpl -- change the password (current one required). }}
<section class="card">
  <h1>Change password</h1>
  <form method="post" action="/settings/password">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="current_password">Current password</label>
    <input type="password" id="current_password" name="current_password" autocomplete="current-password" required autofocus>
    <label for="password">New password</label>
    <input type="password" id="password" name="password" autocomplete="new-password" required>
    <label for="password_confirm">Repeat the new password</label>
    <input type="password" id="password_confirm" name="password_confirm" autocomplete="new-password" required>
    <button type="submit">Change password</button>
  </form>
  <p class="hint">Your other sessions are signed out when the password changes.</p>
  <p><a href="/settings">Back to settings</a></p>
</section>
