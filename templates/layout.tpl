{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
{{! layout.tpl -- the frame of every page: head, site header with navigation, flash messages, content. }}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · authgate</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">authgate</a>
  <nav class="site-nav" aria-label="Main">
    {{#SIGNED_IN}}
    <a href="/dashboard">Dashboard</a>
    <a href="/profile">Profile</a>
    <a href="/settings">Settings</a>
    <form class="inline" method="post" action="/logout">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="link-button">Log out</button>
    </form>
    {{/SIGNED_IN}}
    {{#SIGNED_OUT}}
    <a href="/login">Log in</a>
    <a href="/register">Register</a>
    {{/SIGNED_OUT}}
  </nav>
</header>
<main class="page">
  {{#FLASH}}<div class="flash {{CATEGORY}}" role="status">{{MESSAGE}}</div>
  {{/FLASH}}
  {{>CONTENT}}
</main>
<footer class="site-footer">authgate</footer>
</body>
</html>
