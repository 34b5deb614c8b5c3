#!/usr/bin/env python3
# driver.py -- drives tests/flask_app/app.py (through Flask's test client) on a given SQLite file
# or database URI, for the end-to-end tests of sharing one database between Flask and authgate.
#
# usage: driver.py DB_PATH|URI  < commands     (a URI, e.g. postgresql://USER@HOST:PORT/DB, goes to
#                                               SQLAlchemy as it is; PostgreSQL needs python3-psycopg2)
# One command per line, fields separated by tabs; one answer line per command, tab-separated:
#   register EMAIL USERNAME PASSWORD  -> STATUS LOCATION           (POST /register)
#   login EMAIL PASSWORD              -> STATUS LOCATION DASHBOARD  (POST /login, then GET /dashboard:
#                                        DASHBOARD is its status and whether it shows the email, e.g. 200+)
#   session EMAIL PASSWORD            -> STATUS REMEMBER LOGOUT AFTER  (POST /login with remember me:
#                                        REMEMBER is "remember" when a remember_token cookie was set;
#                                        then GET /logout (LOGOUT: status) and GET /dashboard (AFTER:
#                                        status and Location))
#   insert EMAIL USERNAME HASH        -> ok                         (a row written as the app's model does)
#   adduser EMAIL USERNAME METHOD PASSWORD -> HASH                  (hash as below, then insert)
#   hash METHOD PASSWORD              -> HASH   (werkzeug generate_password_hash; METHOD "scrypt-hashlib"
#                                                makes a werkzeug-format scrypt:32768:8:1 hash with hashlib)
#   check HASH PASSWORD               -> 1 or 0 (werkzeug check_password_hash)
import hashlib
import os
import secrets
import string
import sys
import warnings

warnings.simplefilter("ignore")
sys.dont_write_bytecode = True


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: driver.py DB_PATH|URI < commands")
    if "://" in sys.argv[1]:
        os.environ.pop("AUTHGATE_FLASK_DATABASE", None)
        os.environ["SQLALCHEMY_DATABASE_URI"] = sys.argv[1]
    else:
        os.environ["AUTHGATE_FLASK_DATABASE"] = os.path.abspath(sys.argv[1])
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import app as fixture  # noqa: E402  (reads the database from the environment on import)
    from werkzeug.security import check_password_hash, generate_password_hash

    def make_hash(method, password):
        if method == "scrypt-hashlib":
            salt = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))
            key = hashlib.scrypt(password.encode(), salt=salt.encode(), n=32768, r=8, p=1,
                                 maxmem=132 * 32768 * 8, dklen=64)
            return f"scrypt:32768:8:1${salt}${key.hex()}"
        return generate_password_hash(password, method)

    flask_app = fixture.app
    flask_app.config["TESTING"] = True

    def local(location):
        for prefix in ("http://localhost", "https://localhost"):
            if location.startswith(prefix):
                return location[len(prefix):]
        return location

    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        command, args = fields[0], fields[1:]
        if not command:
            continue
        if command == "register":
            email, username, password = args
            with flask_app.test_client() as client:
                response = client.post("/register", data={"email": email, "username": username, "password": password})
                print(f"{response.status_code}\t{local(response.headers.get('Location', ''))}")
        elif command == "login":
            email, password = args
            with flask_app.test_client() as client:
                response = client.post("/login", data={"email": email, "password": password})
                dashboard = client.get("/dashboard")
                shows = "+" if email in dashboard.get_data(as_text=True) else "-"
                print(f"{response.status_code}\t{local(response.headers.get('Location', ''))}\t"
                      f"{dashboard.status_code}{shows}")
        elif command == "session":
            email, password = args
            with flask_app.test_client() as client:
                response = client.post("/login", data={"email": email, "password": password, "remember": "on"})
                remembered = any(cookie.startswith("remember_token=")
                                 for cookie in response.headers.getlist("Set-Cookie"))
                logout = client.get("/logout")
                after = client.get("/dashboard")
                print(f"{response.status_code}\t{'remember' if remembered else 'no-remember'}\t"
                      f"{logout.status_code}\t{after.status_code} {local(after.headers.get('Location', '')).split('?')[0]}")
        elif command == "insert":
            email, username, stored = args
            with flask_app.app_context():
                fixture.db.session.add(fixture.User(email=email, username=username, password_hash=stored))
                fixture.db.session.commit()
            print("ok")
        elif command == "adduser":
            email, username, method, password = args
            stored = make_hash(method, password)
            with flask_app.app_context():
                fixture.db.session.add(fixture.User(email=email, username=username, password_hash=stored))
                fixture.db.session.commit()
            print(stored)
        elif command == "hash":
            method, password = args
            print(make_hash(method, password))
        elif command == "check":
            stored, password = args
            print("1" if check_password_hash(stored, password) else "0")
        else:
            print(f"unknown command {command}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
