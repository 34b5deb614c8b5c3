#!/bin/sh
# flows_on_postgresql.sh -- make check: the end-to-end suites that only talk HTTP, run again with
# authgate on PostgreSQL (each TestServer gets a new database on one throwaway server).
# Skips (77) without postgresql-15, or fails then when AUTHGATE_REQUIRE_SUITES=1.
set -u
suites=redirects,foundation,server_modes,busy_pool
builddir=${AUTHGATE_BUILDDIR:-.}
srcdir=${AUTHGATE_SRCDIR:-.}

dir=$(mktemp -d /tmp/authgate-pgflows-XXXXXX) || exit 1
chmod 755 "$dir"  # as root, the cluster's owner (postgres) must reach its directory inside
uri=$(sh "$srcdir/tests/support/throwaway-postgres" start "$dir/pg")
status=$?
if [ $status -ne 0 ]; then
    rm -rf "$dir"
    if [ $status -eq 77 ] && [ "${AUTHGATE_REQUIRE_SUITES:-}" != 1 ]; then
        echo "SKIP: PostgreSQL is not installed (postgresql-15)"
        exit 77
    fi
    echo "FAIL: no throwaway PostgreSQL server (exit $status)"
    exit 1
fi
trap 'sh "$srcdir/tests/support/throwaway-postgres" stop "$dir/pg"; rm -rf "$dir"' EXIT
trap 'exit 1' INT TERM
echo "authgate on $uri (one database per test server), suites $suites"
AUTHGATE_TEST_POSTGRES=${uri%/authgate} "$builddir/tests/e2e/e2e_tests" --run_test=$suites
