#!/usr/bin/env python3
# flask_seed_driver.py -- drives the seed tutorial's Flask app (its test client) on a given SQLite
# file, for the end-to-end test of sharing one users.db between Flask and authgate.
#
# usage: flask_seed_driver.py APP_DIR DB_PATH  < commands
# One command per line, fields separated by tabs; one answer line per command, tab-separated:
#   register EMAIL USERNAME PASSWORD  -> STATUS LOCATION           (POST /register)
#   login EMAIL PASSWORD              -> STATUS LOCATION DASHBOARD  (POST /login, then GET /dashboard:
#                                        DASHBOARD is its status and whether it shows the email, e.g. 200+)
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
    app_dir, db_path = sys.argv[1], os.path.abspath(sys.argv[2])
    os.environ["DB_URI"] = "sqlite:///" + db_path
    sys.path.insert(0, app_dir)
    import app as seed  # noqa: E402  (needs DB_URI first)
    from werkzeug.security import check_password_hash, generate_password_hash

    def make_hash(method, password):
        if method == "scrypt-hashlib":
            salt = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))
            key = hashlib.scrypt(password.encode(), salt=salt.encode(), n=32768, r=8, p=1,
                                 maxmem=132 * 32768 * 8, dklen=64)
            return f"scrypt:32768:8:1${salt}${key.hex()}"
        return generate_password_hash(password, method)

    flask_app = seed.app
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
        elif command == "insert":
            email, username, stored = args
            with flask_app.app_context():
                seed.db.session.add(seed.User(email=email, username=username, password_hash=stored))
                seed.db.session.commit()
            print("ok")
        elif command == "adduser":
            email, username, method, password = args
            stored = make_hash(method, password)
            with flask_app.app_context():
                seed.db.session.add(seed.User(email=email, username=username, password_hash=stored))
                seed.db.session.commit()
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
