{{%AUTOESCAPE context="HTML"}}{{! register.tpl -- the registration form (email, username, password twice). }}
<section class="card">
  <h1>Create an account</h1>
  <form method="post" action="/register" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="email">Email</label>
    <input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" maxlength="120" required autofocus>
    <label for="username">Username</label>
    <input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="username"
           minlength="3" maxlength="80" pattern="[A-Za-z0-9_.\-]{3,80}" required>
    <p class="hint">3 to 80 characters: letters, digits, dots, underscores or hyphens.</p>
    <label for="password">Password</label>
    <div class="password-row">
      <input type="password" id="password" name="password" autocomplete="new-password" minlength="8" maxlength="128" required>
      <button type="button" class="toggle" data-target="password" aria-controls="password" aria-pressed="false" hidden>Show</button>
    </div>
    <p class="hint">At least 8 characters. A long phrase is easier to remember and harder to guess.</p>
    <label for="password_confirm">Confirm password</label>
    <div class="password-row">
      <input type="password" id="password_confirm" name="password_confirm" autocomplete="new-password" minlength="8" maxlength="128" required>
      <button type="button" class="toggle" data-target="password_confirm" aria-controls="password_confirm" aria-pressed="false" hidden>Show</button>
    </div>
    <button type="submit">Register</button>
  </form>
  <p>Already have an account? <a href="/login">Log in</a></p>
</section>
