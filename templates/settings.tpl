{{%AUTOESCAPE context="HTML"}}{{! settings.tpl -- account settings (reached only after a fresh login). }}
<section class="card">
  <h1>Settings</h1>
  <p>Signed in as <strong>{{USERNAME}}</strong> ({{EMAIL}}).</p>
  <p class="hint">This page asks for your password again when your login was restored by "remember me"
  or your connection changed, so nobody borrowing your browser can change your account.</p>
  <ul class="settings-links">
    <li><a href="/settings/password">Change password</a></li>
    <li><a href="/settings/email">Change email</a></li>
    <li><a href="/settings/sessions">Your sessions</a></li>
    <li><a href="/settings/delete">Delete account</a></li>
  </ul>
</section>
