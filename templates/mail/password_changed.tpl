Subject: Your password was changed
Hello {{USERNAME}},

the password of your account at {{SITE}} was just changed {{HOW}}.
Your other sessions have been signed out.

If this was not you, choose a new password at once:
{{SITE}}forgot
