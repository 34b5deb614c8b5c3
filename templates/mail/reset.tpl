Subject: Choose a new password
Hello {{USERNAME}},

someone (hopefully you) asked to reset the password of your account at
{{SITE}}

Open this link to choose a new password (valid for {{MINUTES}} minutes, once):

{{LINK}}

If you did not ask for this, ignore this mail: your password stays as it is.
