{{%AUTOESCAPE context="HTML"}}{{! verify.tpl -- the button that confirms an address (opening the link changes nothing by itself). }}
<section class="card">
  <h1>Confirm your address</h1>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit">Confirm my email address</button>
  </form>
</section>
