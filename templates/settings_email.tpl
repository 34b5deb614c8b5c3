{{%AUTOESCAPE context="HTML"}}{{! settings_email.tpl -- change the address (confirmed from a link sent to the new one). }}
<section class="card">
  <h1>Change email</h1>
  <p>Your address now: <strong>{{EMAIL}}</strong></p>
  <form method="post" action="/settings/email">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="email">New email</label>
    <input type="email" id="email" name="email" autocomplete="email" required autofocus>
    <label for="current_password">Current password</label>
    <input type="password" id="current_password" name="current_password" autocomplete="current-password" required>
    <button type="submit">Send confirmation link</button>
  </form>
  <p><a href="/settings">Back to settings</a></p>
</section>
