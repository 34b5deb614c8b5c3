{{%AUTOESCAPE context="HTML"}}{{! error.tpl -- every error page (400, 403, 404, 405, 413, 429, 500). }}
<section class="card error-page">
  <h1>{{TITLE}}</h1>
  <p>{{EXPLANATION}}</p>
  <p><a href="/">Back to the start page</a></p>
</section>
