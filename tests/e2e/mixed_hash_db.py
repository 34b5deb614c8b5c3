#!/usr/bin/env python3
# mixed_hash_db.py -- writes a Flask-style users.db whose accounts hold werkzeug hashes of several
# methods (made here with hashlib, independently of authgate), and times one check of the slowest.
#
# usage: mixed_hash_db.py DB_PATH PASSWORD
# Prints one line per account, "EMAIL<TAB>METHOD", then "slowest<TAB>SECONDS": the shortest of
# three timed checks of the pbkdf2:sha512:600000 hash.
import hashlib
import secrets
import sqlite3
import sys
import time


def pbkdf2(digest, iterations, password, salt):
    return hashlib.pbkdf2_hmac(digest, password.encode(), salt.encode(), iterations).hex()


def scrypt(password, salt):
    return hashlib.scrypt(password.encode(), salt=salt.encode(), n=32768, r=8, p=1, maxmem=132 * 1024 * 1024,
                          dklen=64).hex()


def main():
    db_path, password = sys.argv[1], sys.argv[2]
    accounts = [
        ("cheap-sha1@example.com", "cheap", "pbkdf2:sha1:1000", lambda s: pbkdf2("sha1", 1000, password, s)),
        ("werkzeug22@example.com", "wz22", "pbkdf2:sha256:260000", lambda s: pbkdf2("sha256", 260000, password, s)),
        ("sha512@example.com", "big512", "pbkdf2:sha512:600000", lambda s: pbkdf2("sha512", 600000, password, s)),
        ("scrypt@example.com", "scrypted", "scrypt:32768:8:1", lambda s: scrypt(password, s)),
    ]
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE user (id INTEGER NOT NULL, email VARCHAR(120) NOT NULL, username VARCHAR(80) NOT NULL, "
               "password_hash VARCHAR(256) NOT NULL, PRIMARY KEY (id), UNIQUE (email), UNIQUE (username))")
    for email, username, method, make in accounts:
        salt = secrets.token_hex(8)
        db.execute("INSERT INTO user (email, username, password_hash) VALUES (?, ?, ?)",
                   (email, username, method + "$" + salt + "$" + make(salt)))
        print(email + "\t" + method)
    db.commit()
    db.close()
    slowest = None
    for _ in range(3):
        start = time.perf_counter()
        pbkdf2("sha512", 600000, "a wrong password", "somesalt")
        spent = time.perf_counter() - start
        slowest = spent if slowest is None else min(slowest, spent)
    print("slowest\t%.6f" % slowest)


main()
