{{%AUTOESCAPE context="HTML"}}{{! profile.tpl -- the account's details. }}
<section class="card">
  <h1>Profile</h1>
  <table>
    <tr><th scope="row">Username</th><td>{{USERNAME}}</td></tr>
    <tr><th scope="row">Email</th><td>{{EMAIL}}</td></tr>
    <tr><th scope="row">Member since</th><td>{{CREATED_AT}}</td></tr>
    <tr><th scope="row">Last login</th><td>{{LAST_LOGIN_AT}}</td></tr>
  </table>
</section>
