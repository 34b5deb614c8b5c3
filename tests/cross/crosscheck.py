# crosscheck.py -- shared helpers for the werkzeug cross-checks: counting checks, running authgate-admin,
# random passwords, and werkzeug 3's scrypt/pbkdf2 check for a werkzeug too old to have scrypt.
import hashlib
import hmac
import os
import random
import subprocess
import sys

try:
    import werkzeug
    from werkzeug.security import check_password_hash, gen_salt, generate_password_hash
except ImportError:  # skip, or fail when AUTHGATE_REQUIRE_SUITES is set (CI must run the cross-checks)
    REASON = ("werkzeug is not importable by %s; on Debian install it with: apt-get install python3-werkzeug"
              % sys.executable)
    if os.environ.get("AUTHGATE_REQUIRE_SUITES"):
        print("FAIL: AUTHGATE_REQUIRE_SUITES is set and " + REASON)
        print("0 passed, 1 failed")
        sys.exit(1)
    print("skipped: " + REASON)
    print("0 passed, 0 failed, 1 skipped")
    sys.exit(77)


def werkzeug_version():
    try:
        from importlib.metadata import version
        return version("werkzeug")
    except Exception:
        return getattr(werkzeug, "__version__", "unknown")


class Checks:
    """Counts individual checks and prints the closing "N passed, N failed" line."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print("ok: " + what)
        else:
            self.failed += 1
            print("FAIL: " + what)
        return ok

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0


def admin_binary():
    path = os.environ.get("AUTHGATE_ADMIN_BIN", "")
    if not path or not os.access(path, os.X_OK):
        print("AUTHGATE_ADMIN_BIN (%r) is not an executable authgate-admin; run through make check" % path)
        print("0 passed, 1 failed")
        sys.exit(1)
    return path


def run_admin(args, password):
    """Runs authgate-admin with one password line on stdin; returns (exit status, stdout, stderr)."""
    done = subprocess.run([admin_binary()] + list(args), input=(password + "\n").encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return done.returncode, done.stdout.decode("utf-8", "replace").strip(), done.stderr.decode("utf-8", "replace")


def make_rng():
    """A random generator whose seed is printed, so a failure can be replayed with CROSSCHECK_SEED."""
    seed = int(os.environ.get("CROSSCHECK_SEED") or random.SystemRandom().randrange(2 ** 32))
    print("seed %d (set CROSSCHECK_SEED=%d to replay)" % (seed, seed))
    return random.Random(seed)


ASCII = "".join(chr(c) for c in range(0x20, 0x7F)) + "\t"  # printable, with $ : and space
UNICODE = "éßΩжπ日本語中文한국어😀🔑\u00a0\u200bÅçñ"


def random_password(rng, length, alphabet=ASCII):
    return "".join(rng.choice(alphabet) for _ in range(length))


def wrong_password(password):
    """A password that differs from `password` in exactly one place (or an extra character)."""
    if not password:
        return "x"
    last = password[-1]
    return password[:-1] + ("y" if last != "y" else "z")


def werkzeug_has_scrypt():
    try:
        return generate_password_hash("x", "scrypt:16384:8:1").startswith("scrypt:")
    except Exception:
        return False


def werkzeug3_hash(method, password, salt=None):
    """Hash in werkzeug 3's format with hashlib (for a werkzeug without scrypt): scrypt[:N:R:P] or
    pbkdf2:DIGEST:ITERATIONS; the method is written as given."""
    salt = salt if salt is not None else gen_salt(16)
    name, *args = method.split(":")
    if name == "scrypt":
        n, r, p = (int(a) for a in args) if args else (32768, 8, 1)
        key = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=132 * n * r * p)
    else:
        digest = args[0]
        iterations = int(args[1]) if len(args) > 1 else 260000
        key = hashlib.pbkdf2_hmac(digest, password.encode(), salt.encode(), iterations)
    return "%s$%s$%s" % (method, salt, key.hex())


def werkzeug3_check(pwhash, password):
    """werkzeug 3.x's check_password_hash for scrypt and pbkdf2 hashes (bare scrypt = 32768:8:1;
    key 64 bytes; maxmem 132*N*r*p; constant-time comparison of the hex strings)."""
    try:
        method, salt, hashval = pwhash.split("$", 2)
    except ValueError:
        return False
    name, *args = method.split(":")
    if name == "scrypt":
        n, r, p = (int(a) for a in args) if args else (32768, 8, 1)
        key = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=132 * n * r * p)
    elif name == "pbkdf2":
        key = hashlib.pbkdf2_hmac(args[0], password.encode(), salt.encode(), int(args[1]))
    else:
        raise ValueError("unsupported method " + name)
    return hmac.compare_digest(key.hex(), hashval)


def werkzeug_check(pwhash, password):
    """The installed werkzeug's check, or werkzeug 3's algorithm for scrypt when it has none."""
    if pwhash.startswith("scrypt") and not werkzeug_has_scrypt():
        return werkzeug3_check(pwhash, password)
    return check_password_hash(pwhash, password)
