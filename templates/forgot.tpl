{{%AUTOESCAPE context="HTML"}}{{! forgot.tpl -- ask for a password reset link (the same answer whether or not the address is known). }}
<section class="card">
  <h1>Forgot password</h1>
  <p>Enter the email address of your account. If it has one, we send it a link to choose a new password.</p>
  <form method="post" action="/forgot">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="email">Email</label>
    <input type="email" id="email" name="email" autocomplete="email" required autofocus>
    <button type="submit">Send reset link</button>
  </form>
  <p><a href="/login">Back to log in</a></p>
</section>
