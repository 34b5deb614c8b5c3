{{%AUTOESCAPE context="HTML"}}{{! dashboard.tpl -- the first page after logging in. }}
<section class="card">
  <h1>Welcome, {{USERNAME}}!</h1>
  <p>You are logged in as <strong>{{EMAIL}}</strong>.</p>
  <p><a href="/profile">Your profile</a> · <a href="/settings">Settings</a> · <a href="/private/">Private page</a></p>
</section>
