# werkzeug_to_authgate.py -- hashes written by werkzeug (and hashlib, for werkzeug 3's formats) must be
# accepted by `authgate-admin check-password`: exit 0 for the password, 1 for a wrong one.
import sys

from crosscheck import (ASCII, UNICODE, Checks, make_rng, random_password, run_admin, werkzeug3_hash,
                        werkzeug_has_scrypt, werkzeug_version, wrong_password, generate_password_hash)


def main():
    checks = Checks()
    rng = make_rng()
    print("werkzeug %s on %s" % (werkzeug_version(), sys.executable))
    cases = []  # (label, stored hash, password)

    def werkzeug_case(method, password, label=None):
        try:
            stored = generate_password_hash(password, method) if method else generate_password_hash(password)
        except Exception as error:  # e.g. legacy methods in werkzeug 3
            print("werkzeug %s cannot make %s hashes (%s); not checked" % (werkzeug_version(), method, error))
            return
        cases.append(("werkzeug " + (label or method or "default"), stored, password))

    for method in ("pbkdf2:sha1:1000", "pbkdf2:sha224:1500", "pbkdf2:sha256:2000", "pbkdf2:sha384:1200",
                   "pbkdf2:sha512:1000"):
        werkzeug_case(method, random_password(rng, rng.randint(8, 40)))
    werkzeug_case("pbkdf2:sha256:3000", random_password(rng, 12, UNICODE), "pbkdf2:sha256:3000 non-ASCII")
    werkzeug_case("pbkdf2:sha512:1000", random_password(rng, 300, ASCII + UNICODE), "pbkdf2:sha512 300 chars")
    werkzeug_case("pbkdf2:sha256:1000", "", "pbkdf2:sha256 empty password")
    werkzeug_case("pbkdf2:sha1", random_password(rng, 16), "pbkdf2:sha1 (its default count)")
    werkzeug_case(None, random_password(rng, 20, ASCII + UNICODE), "default method")
    for method in ("md5", "sha1", "sha256", "sha512"):  # the pre-3.0 single-HMAC form
        werkzeug_case(method, random_password(rng, rng.randint(8, 30), ASCII + UNICODE), "legacy " + method)

    # werkzeug 3's scrypt: from werkzeug itself when it has it, otherwise its algorithm through hashlib.
    scrypt_cases = [("scrypt:16384:8:1", random_password(rng, 24)),
                    ("scrypt:16384:8:1", random_password(rng, 10, UNICODE)),
                    ("scrypt:1024:8:2", random_password(rng, 16, ASCII + UNICODE)),
                    ("scrypt", random_password(rng, 16))]
    for method, password in scrypt_cases:
        if werkzeug_has_scrypt() and method != "scrypt":
            werkzeug_case(method, password)
        else:
            source = "werkzeug 3 algorithm (hashlib)"
            cases.append(("%s %s" % (source, method), werkzeug3_hash(method, password), password))
    # A stored pbkdf2 hash without an iteration count: authgate reads it as 260000.
    password = random_password(rng, 14)
    cases.append(("hashlib pbkdf2:sha256 without count", werkzeug3_hash("pbkdf2:sha256", password), password))

    for label, stored, password in cases:
        method = stored.split("$", 1)[0]
        status, _, err = run_admin(["check-password", stored], password)
        checks.check(status == 0, "%s (%s): right password gives exit 0 (got %d) %s" % (label, method, status,
                                                                                         err.strip()))
        status, _, err = run_admin(["check-password", stored], wrong_password(password))
        checks.check(status == 1, "%s (%s): wrong password gives exit 1 (got %d) %s" % (label, method, status,
                                                                                        err.strip()))
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
