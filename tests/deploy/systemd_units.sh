#!/bin/sh
# systemd_units.sh -- the installed systemd units: configured paths substituted, sandboxing in place,
# accepted by systemd-analyze verify and rated by systemd-analyze security.
. "${AUTHGATE_SRCDIR:-.}/tests/deploy/need.sh"
need_program "$SYSTEMD_ANALYZE" systemd-analyze
builddir=${AUTHGATE_BUILDDIR:-.}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/authgate-units.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM
passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...: one check, passing when COMMAND succeeds
    what=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
has() { grep -qx -- "$2" "$scratch/units/$1" || { echo "    $1 lacks: $2"; return 1; }; }

# The install rule itself, with directories of this test's choosing.
${MAKE:-make} -s -C "$builddir" install-systemd-units DESTDIR="$scratch" systemdsystemunitdir=/units \
    sbindir=/opt/ag/sbin sysconfdir=/opt/ag/etc runstatedir=/opt/ag/run >"$scratch/make.log" 2>&1 ||
    { cat "$scratch/make.log"; echo "FAIL: make install-systemd-units"; echo "0 passed, 1 failed"; exit 1; }

check "ExecStart names the configured program and config file" has authgate.service \
    "ExecStart=/opt/ag/sbin/authgate --config /opt/ag/etc/authgate.conf --database /var/lib/authgate/authgate.db"
check "the socket is under the configured runstatedir" has authgate.socket "ListenStream=/opt/ag/run/authgate/authgate.sock"
check "no default /usr/local path is left" sh -c "! grep -n /usr/local '$scratch/units/authgate.service' '$scratch/units/authgate.socket'"
for line in SocketUser=www-data SocketGroup=www-data SocketMode=0660; do
    check "socket: $line" has authgate.socket "$line"
done
for line in User=authgate DynamicUser=no ProtectSystem=strict ReadWritePaths=/var/lib/authgate StateDirectory=authgate \
    NoNewPrivileges=yes PrivateTmp=yes ProtectHome=yes PrivateDevices=yes \
    "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6" SystemCallFilter=@system-service CapabilityBoundingSet=; do
    check "service: $line" has authgate.service "$line"
done

# verify needs the program to exist and its man page to be found: point them at the build.
mkdir -p "$scratch/verify" "$scratch/man/man8"
sed "s|/opt/ag/sbin/authgate|${AUTHGATE_BIN:-$builddir/authgate}|" "$scratch/units/authgate.service" >"$scratch/verify/authgate.service"
cp "$scratch/units/authgate.socket" "$scratch/verify/"
cp "$builddir/doc/authgate.8" "$scratch/man/man8/"
verified() {
    MANPATH="$scratch/man" "$SYSTEMD_ANALYZE" verify "$scratch/verify/authgate.socket" "$scratch/verify/authgate.service" \
        >"$scratch/verify.log" 2>&1
    status=$?
    # Unknown keys and bad values are only warnings: any output counts as a failure.
    [ "$status" -eq 0 ] && [ ! -s "$scratch/verify.log" ] || { sed 's/^/    /' "$scratch/verify.log"; return 1; }
}
check "systemd-analyze verify accepts both units without a warning" verified
secure() {
    "$SYSTEMD_ANALYZE" security --offline=yes --threshold=20 "$scratch/verify/authgate.service" >"$scratch/security.log" 2>&1 ||
        { tail -n 3 "$scratch/security.log"; return 1; }
}
check "systemd-analyze security rates the service's exposure 2.0 or lower" secure

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
