Subject: Someone tried to register with your address
Hello {{USERNAME}},

someone tried to register a new account at {{SITE}} with your address
{{EMAIL}}. Your account already uses it, so nothing was created.

If that was you and you forgot your password, you can choose a new one here:
{{LINK}}

Otherwise you can ignore this mail.
