Subject: Your email address was changed
Hello {{USERNAME}},

the address of your account at {{SITE}} was changed
from {{EMAIL}} to {{NEW_EMAIL}}.

If this was not you, contact the site's administrator.
