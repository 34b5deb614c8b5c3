{{%AUTOESCAPE context="HTML"}}{{! settings_delete.tpl -- delete the account (current password required). }}
<section class="card">
  <h1>Delete account</h1>
  <p>This removes the account <strong>{{EMAIL}}</strong> and everything that belongs to it. It cannot be undone.</p>
  <form method="post" action="/settings/delete">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="current_password">Current password</label>
    <input type="password" id="current_password" name="current_password" autocomplete="current-password" required autofocus>
    <button type="submit" class="danger">Delete my account</button>
  </form>
  <p><a href="/settings">Back to settings</a></p>
</section>
