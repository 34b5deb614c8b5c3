{{%AUTOESCAPE context="HTML"}}{{! link_invalid.tpl -- a mailed link that is expired, used, or no longer matches the account. }}
<section class="card">
  <h1>{{TITLE}}</h1>
  <p>{{MESSAGE}}</p>
  <p><a href="/forgot">Ask for a new password link</a> &middot; <a href="/login">Log in</a></p>
</section>
