{{%AUTOESCAPE context="HTML"}}{{! logout.tpl -- confirms logging out with a POST button (GET never logs out). }}
<section class="card">
  <h1>Log out</h1>
  <p>Log out of this browser?</p>
  <form method="post" action="/logout">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit">Log out</button>
  </form>
</section>
