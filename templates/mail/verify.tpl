Subject: Confirm your email address
Hello {{USERNAME}},

please confirm that {{EMAIL}} is your address at {{SITE}}
by opening this link (valid for {{HOURS}} hours) and pressing the button:

{{LINK}}

If you did not register, ignore this mail.
