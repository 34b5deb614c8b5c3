#!/bin/sh
# hardened_binary.sh -- authgate and authgate-admin are PIE with full RELRO; authgate has a stack protector and fortified libc calls.
. "${AUTHGATE_SRCDIR:-.}/tests/deploy/need.sh"
need_program "$READELF" readelf
[ "${AUTHGATE_HARDENING:-yes}" = no ] && missing "hardening (configured with --disable-hardening)"
builddir=${AUTHGATE_BUILDDIR:-.}
passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...: one check, passing when COMMAND succeeds
    what=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
pie() { "$READELF" -h "$1" | grep -Eq '^ *Type: +DYN'; }
relro() { "$READELF" -lW "$1" | grep -q 'GNU_RELRO'; }
bind_now() { "$READELF" -dW "$1" | grep -Eq '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW'; }
stack_protector() { "$READELF" --dyn-syms -W "$1" | grep -q '__stack_chk_fail'; }
fortified() { "$READELF" --dyn-syms -W "$1" | grep -v __stack_chk_fail | grep -Eq ' __[a-z0-9_]+_chk(@| |$)'; }

for program in authgate authgate-admin; do
    binary=$builddir/$program
    [ -x "$binary" ] || { echo "FAIL: $binary was not built"; failed=$((failed + 1)); continue; }
    check "$program is a position-independent executable (Type DYN)" pie "$binary"
    check "$program has a GNU_RELRO segment" relro "$binary"
    check "$program binds every symbol at start (BIND_NOW: full RELRO)" bind_now "$binary"
done
check "authgate calls __stack_chk_fail (stack protector)" stack_protector "$builddir/authgate"
check "authgate uses fortified libc calls (__*_chk)" fortified "$builddir/authgate"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
