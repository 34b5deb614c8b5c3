{{%AUTOESCAPE context="HTML"}}{{! sessions.tpl -- the user's own sessions, each with a sign-out button. }}
<section class="card">
  <h1>Your sessions</h1>
  <table class="sessions">
    <tr><th>Browser</th><th>Address</th><th>Signed in</th><th>Last seen</th><th></th></tr>
    {{#SESSION}}
    <tr>
      <td>{{BROWSER}}</td><td>{{ADDRESS}}</td><td>{{SIGNED_IN}}</td><td>{{LAST_SEEN}}</td>
      <td>{{#CURRENT}}<strong>This session</strong>{{/CURRENT}}
        <form method="post" action="/settings/sessions/revoke" class="inline">
          <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="session" value="{{PUBLIC_ID}}">
          <button type="submit">Sign out</button>
        </form>
      </td>
    </tr>
    {{/SESSION}}
  </table>
  {{#HAS_OTHERS}}
  <form method="post" action="/settings/sessions/revoke">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="all_others" value="1">
    <button type="submit">Sign out all other sessions</button>
  </form>
  {{/HAS_OTHERS}}
  <p><a href="/settings">Back to settings</a></p>
</section>
