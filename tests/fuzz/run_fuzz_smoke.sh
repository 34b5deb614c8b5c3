#!/bin/sh
# run_fuzz_smoke.sh -- short libFuzzer runs of the fuzz targets, as part of make check.
# usage: run_fuzz_smoke.sh [TARGET...]
#   With no TARGET, runs every executable tests/fuzz/fuzz_* in $AUTHGATE_BUILDDIR. Each target starts
#   from tests/fuzz/corpus/NAME in the source tree when that exists (new inputs go to a scratch copy).
#   FUZZ_RUNS (default 20000) and FUZZ_SECONDS (default 20) bound each run; make fuzz runs longer.
# Prints "N passed, N failed" last; exits 77 (skipped) when no target was built (no clang++ with libFuzzer),
# or fails then when AUTHGATE_REQUIRE_SUITES is set.
builddir=${AUTHGATE_BUILDDIR:-.}
srcdir=${AUTHGATE_SRCDIR:-$(dirname "$0")/../..}
runs=${FUZZ_RUNS:-20000}
seconds=${FUZZ_SECONDS:-20}

if [ $# -eq 0 ]; then
    for candidate in "$builddir"/tests/fuzz/fuzz_*; do
        case $candidate in *.o|*.log|*.trs) continue ;; esac
        [ -f "$candidate" ] && [ -x "$candidate" ] && set -- "$@" "$candidate"
    done
fi
if [ $# -eq 0 ]; then
    if [ -n "${AUTHGATE_REQUIRE_SUITES:-}" ]; then
        echo "FAIL: AUTHGATE_REQUIRE_SUITES is set and no libFuzzer target was built (install clang and libclang-rt-14-dev, then re-run configure)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "skipped: clang++ not available (no libFuzzer target was built)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 77
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/authgate-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM
passed=0
failed=0
for target in "$@"; do
    name=$(basename "$target")
    corpus=$scratch/$name
    mkdir -p "$corpus"
    seeds=$srcdir/tests/fuzz/corpus/$name
    [ -d "$seeds" ] || seeds=
    echo "fuzzing $name: at most $runs runs or $seconds s"
    # Each input is bounded by the hash module's own limits (a few seconds at worst); -timeout
    # only catches a hang. Crash reproducers land in $scratch and are printed by libFuzzer.
    if "$target" -runs="$runs" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
        -artifact_prefix="$scratch/$name-" -print_final_stats=1 "$corpus" $seeds >"$scratch/$name.out" 2>&1; then
        tail -n 12 "$scratch/$name.out"
        echo "ok: $name"
        passed=$((passed + 1))
    else
        cat "$scratch/$name.out"
        for artifact in "$scratch/$name"-*; do
            [ -f "$artifact" ] && { echo "reproducer $artifact:"; od -c "$artifact" | head -20; }
        done
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
