{{%AUTOESCAPE context="HTML"}}{{! login.tpl -- the login form: email, password, remember me. }}
<section class="card">
  <h1>Log in</h1>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="email">Email</label>
    <input type="email" id="email" name="email" autocomplete="email" required autofocus>
    <label for="password">Password</label>
    <div class="password-row">
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <button type="button" class="toggle" data-target="password" aria-controls="password" aria-pressed="false" hidden>Show</button>
    </div>
    <label class="check"><input type="checkbox" id="remember" name="remember" value="on"> Remember me</label>
    <button type="submit">Log in</button>
  </form>
  <p><a href="/forgot">Forgot your password?</a></p>
  {{#RESEND}}
  <form method="post" action="/verify/resend">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="email" value="{{EMAIL}}">
    <button type="submit">Send a new confirmation link</button>
  </form>
  {{/RESEND}}
  <p>Don't have an account? <a href="/register">Register</a></p>
</section>
