#!/bin/sh
# summarize_test.sh -- tests/summarize on fake make check trees: counts, skips, failures, stale results.
srcdir=${AUTHGATE_SRCDIR:-$(dirname "$0")/..}
summarize="$srcdir/tests/summarize"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/authgate-summarize.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM
passed=0
failed=0

# fake TREE NAME RESULT [LOG-LINE...]: a test NAME with a .trs saying RESULT ("-" for no .trs) and a
# .log holding the given lines ("-" as the only line for no .log).
fake() {
    dir=$scratch/$1/tests
    name=$2
    result=$3
    shift 3
    mkdir -p "$dir/$(dirname "$name")"
    [ "$result" = - ] || printf ':test-result: %s\n:global-test-result: %s\n' "$result" "$result" > "$dir/$name.trs"
    [ "${1:-}" = - ] && return 0
    : > "$dir/$name.log"
    for line in "$@"; do printf '%s\n' "$line" >> "$dir/$name.log"; done
}

# expect TREE LINE DESCRIPTION: summarize on TREE prints exactly LINE.
expect() {
    got=$(sh "$summarize" "$scratch/$1")
    if [ "$got" = "$2" ]; then
        passed=$((passed + 1))
        echo "ok: $3"
    else
        failed=$((failed + 1))
        echo "FAIL: $3: got '$got', expected '$2'"
    fi
}

mkdir -p "$scratch/empty/tests"
expect empty "0 passed, 0 failed, 0 skipped" "no tests: the skipped count is printed too"

fake counts unit/unit_tests PASS "Running 5 test cases..." "5 passed, 0 failed"
fake counts e2e/e2e_tests PASS "3 passed, 0 failed, 2 skipped"
fake counts cross/plain.sh PASS "all fine"
expect counts "9 passed, 0 failed, 2 skipped" "count lines add up; a passing test without one counts one pass"

fake skips browser/main_flow.py SKIP "skipped: no chromium" "0 passed, 0 failed"
fake skips fuzz/run_fuzz_smoke.sh SKIP "skipped: no clang" "0 passed, 0 failed, 1 skipped"
fake skips cross/silent.sh SKIP -
fake skips unit/unit_tests PASS "4 passed, 0 failed"
expect skips "4 passed, 0 failed, 3 skipped" "a skipped suite counts as skipped even with a 0 passed, 0 failed line"

fake failures e2e/e2e_tests FAIL "7 passed, 0 failed"
fake failures unit/unit_tests FAIL "2 passed, 3 failed"
fake failures cross/crashed.sh ERROR -
fake failures cross/hard.sh FAIL "no count"
expect failures "9 passed, 6 failed, 0 skipped" "a failed test counts at least one failure"

fake stale e2e/e2e_tests PASS "1 passed, 5 failed" "6 passed, 0 failed"
fake stale unit/old_tests - "40 passed, 2 failed"
expect stale "6 passed, 0 failed, 0 skipped" "only the last count line of a log counts; a log without a .trs is ignored"

fake rerun unit/unit_tests PASS "12 passed, 0 failed"
fake rerun browser/main_flow.py FAIL "0 passed, 1 failed"
: > "$scratch/rerun/test-suite.log"
sh "$summarize" --clean "$scratch/rerun"
expect rerun "0 passed, 0 failed, 0 skipped" "--clean removes the results of an earlier run"
if [ -e "$scratch/rerun/test-suite.log" ] || [ -n "$(find "$scratch/rerun/tests" -name '*.log' -o -name '*.trs')" ]; then
    failed=$((failed + 1))
    echo "FAIL: --clean left result files behind"
else
    passed=$((passed + 1))
    echo "ok: --clean removes every .log, .trs and test-suite.log"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
