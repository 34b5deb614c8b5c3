{{%AUTOESCAPE context="HTML"}}{{! confirm_email.tpl -- the button that switches the account to its new address. }}
<section class="card">
  <h1>Confirm your new address</h1>
  <p>Your account's address will become <strong>{{NEW_EMAIL}}</strong>.</p>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit">Use this address</button>
  </form>
</section>
