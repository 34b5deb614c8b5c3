#!/bin/sh
# admin_password_cli.sh -- authgate-admin's command line: help, version, exit statuses, password line input.
admin=${AUTHGATE_ADMIN_BIN:-./authgate-admin}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/authgate-admin-cli.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM
passed=0
failed=0

check() {  # check DESCRIPTION COMMAND...: counts one check, passing when COMMAND succeeds
    what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok: $what"
    else
        failed=$((failed + 1))
        echo "FAIL: $what"
        for f in "$scratch/out" "$scratch/err"; do [ -s "$f" ] && sed 's/^/    /' "$f"; done
    fi
}

# run STATUS STDIN ARGS...: runs authgate-admin with STDIN (printf format) and expects exit STATUS.
run() {
    want=$1
    input=$2
    shift 2
    # shellcheck disable=SC2059
    printf "$input" | "$admin" "$@" >"$scratch/out" 2>"$scratch/err"
    got=$?
    [ "$got" -eq "$want" ] || { echo "    exit $got, expected $want"; return 1; }
}
stdout_has() { grep -q -- "$1" "$scratch/out"; }
stderr_has() { grep -q -- "$1" "$scratch/err"; }
stderr_lines() { [ "$(wc -l <"$scratch/err")" -eq "$1" ]; }

if [ ! -x "$admin" ]; then
    echo "authgate-admin not found at $admin"
    echo "0 passed, 1 failed"
    exit 1
fi

check "--help exits 0 and lists both commands" sh -c "
    '$admin' --help >'$scratch/out' 2>'$scratch/err' && grep -q hash-password '$scratch/out' &&
    grep -q check-password '$scratch/out'"
check "--help documents 260000 for a stored pbkdf2:DIGEST" stdout_has "260000"
check "--version prints the package version" sh -c "
    '$admin' --version >'$scratch/out' && grep -Eq '^authgate-admin \\(authgate\\) [0-9]+\\.[0-9]+' '$scratch/out'"
check "no command: exit 2" run 2 ""
check "no command: usage on stderr, nothing on stdout" sh -c "
    grep -q usage '$scratch/err' && [ ! -s '$scratch/out' ]"
check "unknown command: exit 2" run 2 "" frobnicate
check "unknown command: named on stderr with the usage" sh -c "
    grep -q \"unknown command 'frobnicate'\" '$scratch/err' && grep -q usage '$scratch/err'"

check "hash-password prints a default hash" run 0 'secret\n' hash-password
check "the default hash is pbkdf2:sha256:600000 with a 16-character salt" sh -c "
    grep -Eq '^pbkdf2:sha256:600000\\\$[A-Za-z0-9]{16}\\\$[0-9a-f]{64}\$' '$scratch/out'"
stored=$(cat "$scratch/out")
check "check-password accepts the password it was made from" run 0 'secret\n' check-password "$stored"
check "check-password strips a trailing CRLF" run 0 'secret\r\n' check-password "$stored"
check "check-password accepts a last line without newline" run 0 'secret' check-password "$stored"
check "check-password keeps a lone trailing CR" run 1 'secret\r' check-password "$stored"
check "check-password keeps trailing spaces" run 1 'secret \n' check-password "$stored"
check "check-password reads only the first line" run 0 'secret\nother\n' check-password "$stored"
check "a wrong password exits 1" run 1 'Secret\n' check-password "$stored"
check "a wrong password prints nothing" sh -c "[ ! -s '$scratch/out' ] && [ ! -s '$scratch/err' ]"

check "hash-password --method scrypt:1024:8:1 writes scrypt" run 0 'pw\n' hash-password --method scrypt:1024:8:1
check "the scrypt hash has 128 hex digits" sh -c "
    grep -Eq '^scrypt:1024:8:1\\\$[A-Za-z0-9]{16}\\\$[0-9a-f]{128}\$' '$scratch/out'"
scrypt_hash=$(cat "$scratch/out")
check "the scrypt hash checks" run 0 'pw\n' check-password "$scrypt_hash"
check "--method=VALUE works too" run 0 'pw\n' hash-password --method=pbkdf2:sha1:1000
check "-m VALUE works too" run 0 'pw\n' hash-password -m pbkdf2:sha512:1000
check "an empty password line is a password" run 0 '\n' hash-password -m pbkdf2:sha256:1000
empty_hash=$(cat "$scratch/out")
check "the empty password checks" run 0 '\n' check-password "$empty_hash"
check "no input at all exits 2" run 2 '' hash-password -m pbkdf2:sha256:1000
check "no input at all is reported" stderr_has "no password"

check "a bad method exits 2" run 2 'pw\n' hash-password --method md5
check "a bad method gives one line on stderr" stderr_lines 1
check "a bad method names the method" stderr_has "unsupported hash method 'md5'"
check "out-of-bounds iterations exit 2" run 2 'pw\n' hash-password --method pbkdf2:sha256:10000001
check "an unknown option exits 2" run 2 'pw\n' hash-password --salt x

check "plain\$ hashes exit 2" run 2 'pw\n' check-password 'plain$$pw'
check "plain\$ gives the unsupported-method reason on one line" sh -c "
    [ \"\$(cat '$scratch/err')\" = \"authgate-admin: unsupported hash method 'plain'\" ]"
check "a hash without two dollar signs exits 2" run 2 'pw\n' check-password 'nodollar'
check "out-of-bounds scrypt parameters exit 2" run 2 'pw\n' check-password \
    "scrypt:1048576:8:1\$salt\$$(printf '%0128d' 0)"
check "upper-case hex exits 2" run 2 'secret\n' check-password "$(printf '%s' "$stored" | tr a-f A-F)"
check "check-password without HASH exits 2" run 2 'pw\n' check-password
check "check-password with two hashes exits 2" run 2 'pw\n' check-password "$stored" "$stored"
check "check-password --help exits 0" run 0 '' check-password --help
check "hash-password --help shows --method" sh -c "
    '$admin' hash-password --help >'$scratch/out' 2>&1 && grep -q -- --method '$scratch/out'"

# On a terminal the password is read with echo off: drive authgate-admin through a pseudo-terminal.
python=${SYSTEM_PYTHON3:-/usr/bin/python3}
no_echo() {
    "$python" - "$admin" "$stored" <<'PY'
import os, pty, sys, time
admin, stored = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.execv(admin, [admin, "check-password", stored])
seen = b""
def read_until(token, seconds=10):
    global seen
    deadline = time.time() + seconds
    while token not in seen and time.time() < deadline:
        try:
            seen += os.read(fd, 1024)
        except OSError:
            break
read_until(b"Password: ")
time.sleep(0.2)  # let the echo change take effect before typing
os.write(fd, b"secret\n")
read_until(b"\n", 10)
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
status = os.waitpid(pid, 0)[1]
print(repr(seen))
sys.exit(0 if b"Password: " in seen and b"secret" not in seen and os.WEXITSTATUS(status) == 0 else 1)
PY
}
if [ -x "$python" ]; then
    check "on a terminal: a prompt, no echo of the password, and a match" no_echo
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
