{{%AUTOESCAPE context="HTML"}}{{! settings.tpl -- account settings (reached only after a fresh login). }}
<section class="card">
  <h1>Settings</h1>
  <p>Signed in as <strong>{{USERNAME}}</strong> ({{EMAIL}}).</p>
  <p class="hint">This page asks for your password again when your login was restored by "remember me"
  or your connection changed, so nobody borrowing your browser can change your account.</p>
</section>
