Subject: Confirm your new email address
Hello {{USERNAME}},

you asked to change the address of your account at {{SITE}}
from {{OLD_EMAIL}} to {{EMAIL}}.

Open this link (valid for {{HOURS}} hours) and press the button to confirm:

{{LINK}}

If you did not ask for this, ignore this mail: nothing changes.
