# authgate_to_werkzeug.py -- hashes written by `authgate-admin hash-password` must be accepted by werkzeug's
# check_password_hash (True for the password, False for a wrong one). scrypt hashes are checked with
# werkzeug 3's algorithm when the installed werkzeug predates scrypt (Debian 12 ships 2.2).
import re
import sys

from crosscheck import (ASCII, UNICODE, Checks, make_rng, random_password, run_admin, werkzeug_check,
                        werkzeug_has_scrypt, werkzeug_version, wrong_password)

FORMAT = re.compile(r"^(?P<method>[a-z0-9:]+)\$[A-Za-z0-9]{16}\$[0-9a-f]+$")


def main():
    checks = Checks()
    rng = make_rng()
    print("werkzeug %s on %s%s" % (werkzeug_version(), sys.executable,
                                   "" if werkzeug_has_scrypt() else "; scrypt checked with werkzeug 3's algorithm"))
    cases = [  # (--method or None for the default, expected method in the output, password)
        (None, "pbkdf2:sha256:600000", random_password(rng, rng.randint(8, 30))),
        (None, "pbkdf2:sha256:600000", random_password(rng, rng.randint(8, 30))),
        (None, "pbkdf2:sha256:600000", random_password(rng, 12, UNICODE)),
        (None, "pbkdf2:sha256:600000", ""),
        (None, "pbkdf2:sha256:600000", random_password(rng, 200, ASCII + UNICODE)),
        ("pbkdf2:sha1:1000", "pbkdf2:sha1:1000", random_password(rng, 20)),
        ("pbkdf2:sha224:1000", "pbkdf2:sha224:1000", random_password(rng, 20)),
        ("pbkdf2:sha384:1000", "pbkdf2:sha384:1000", random_password(rng, 20, UNICODE)),
        ("pbkdf2:sha512", "pbkdf2:sha512:600000", random_password(rng, 150)),
        ("scrypt", "scrypt:32768:8:1", random_password(rng, 16, ASCII + UNICODE)),
        ("scrypt:16384:8:1", "scrypt:16384:8:1", random_password(rng, 24)),
        ("scrypt:1024:8:2", "scrypt:1024:8:2", ""),
    ]
    for method, expected, password in cases:
        args = ["hash-password"] + (["--method", method] if method else [])
        status, stored, err = run_admin(args, password)
        label = "hash-password %s" % (method or "(default)")
        match = FORMAT.match(stored)
        if not checks.check(status == 0 and match and match.group("method") == expected,
                            "%s writes %s$SALT$HEX (exit %d, %r) %s" % (label, expected, status, stored[:40], err)):
            continue
        checks.check(werkzeug_check(stored, password) is True, "%s: werkzeug accepts the password" % label)
        checks.check(werkzeug_check(stored, wrong_password(password)) is False,
                     "%s: werkzeug refuses a wrong password" % label)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
