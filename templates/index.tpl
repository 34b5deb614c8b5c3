{{%AUTOESCAPE context="HTML"}}{{! index.tpl -- the welcome page at /. }}
<section class="card">
  <h1>Welcome</h1>
  <p>This site uses authgate for accounts. <a href="/login">Log in</a> or <a href="/register">create an account</a>.</p>
</section>
