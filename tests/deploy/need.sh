# need.sh -- sourced by the deployment tests: a missing tool skips the suite (exit 77), or fails it
# when AUTHGATE_REQUIRE_SUITES=1.

# missing WHAT: the suite cannot run because WHAT is not there.
missing() {
    if [ "${AUTHGATE_REQUIRE_SUITES:-}" = 1 ]; then
        echo "FAIL: $1 (AUTHGATE_REQUIRE_SUITES=1 forbids skipping)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "skipped: $1"
    echo "0 passed, 0 failed"
    exit 77
}

# need_program PATH NAME: PATH (as configure found it, maybe empty) must be an executable.
need_program() {
    [ -n "$1" ] && command -v "$1" >/dev/null 2>&1 || missing "$2 not found (re-run configure once it is installed)"
}

# need_file PATH: PATH must exist.
need_file() {
    [ -e "$1" ] || missing "$1 not found"
}
