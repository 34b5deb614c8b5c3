#!/bin/sh
# install_tree.sh -- make install DESTDIR=... puts exactly the files of tests/deploy/installed_files in
# place, with the installation's paths substituted into the configs and units.
srcdir=${AUTHGATE_SRCDIR:-.}
builddir=${AUTHGATE_BUILDDIR:-.}
prefix=/opt/authgate-install-test
scratch=$(mktemp -d "${TMPDIR:-/tmp}/authgate-install.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM
root=$scratch/root
passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...: one check, passing when COMMAND succeeds
    what=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

installed() {
    ${MAKE:-make} -s -C "$builddir" install DESTDIR="$root" prefix="$prefix" \
        systemdsystemunitdir="$prefix/lib/systemd/system" >"$scratch/make.log" 2>&1 ||
        { sed 's/^/    /' "$scratch/make.log"; return 1; }
}
check "make install DESTDIR=... prefix=$prefix succeeds" installed

grep -v '^#' "$srcdir/tests/deploy/installed_files" | sort >"$scratch/expected"
(cd "$root$prefix" 2>/dev/null && find . -type f -o -type l | sed 's|^\./||' | sort) >"$scratch/actual"
same_tree() { diff -u "$scratch/expected" "$scratch/actual" | sed 's/^/    /' | grep -v '^    \(---\|+++\)'; cmp -s "$scratch/expected" "$scratch/actual"; }
check "the installed files are exactly those of tests/deploy/installed_files" same_tree
nothing_outside() { [ -z "$(cd "$root" && find . -type f ! -path "./${prefix#/}/*")" ]; }
check "nothing is installed outside the prefix" nothing_outside

at() { echo "$root$prefix/$1"; }
executable() { [ -x "$(at "$1")" ]; }
for program in sbin/authgate sbin/authgate-admin share/authgate/apache/authgate.cgi; do
    check "$program is executable" executable "$program"
done
no_default_paths() {  # no_default_paths FILE: the source tree's default paths were all replaced
    ! grep -n '/usr/local\|\(^\|[^a-z]\)/run/authgate\|@[a-z]*@' "$(at "$1")" | sed 's/^/    /' | grep .
}
for file in share/authgate/nginx/authgate.conf share/authgate/apache/authgate-proxy-fcgi.conf \
    share/authgate/apache/authgate-fcgid.conf share/authgate/apache/authgate-cgi.conf share/authgate/apache/authgate.cgi \
    lib/systemd/system/authgate.service lib/systemd/system/authgate.socket etc/authgate.conf; do
    check "$file names this installation's paths" no_default_paths "$file"
done
names() { grep -qF -- "$2" "$(at "$1")" || { echo "    $1 lacks $2"; return 1; }; }
check "the CGI wrapper runs the installed program" names share/authgate/apache/authgate.cgi \
    "exec $prefix/sbin/authgate --config $prefix/etc/authgate.conf --cgi"
check "the service runs the installed program" names lib/systemd/system/authgate.service \
    "ExecStart=$prefix/sbin/authgate --config $prefix/etc/authgate.conf"
check "the proxy site reaches the installed socket" names share/authgate/apache/authgate-proxy-fcgi.conf \
    "unix:$prefix/var/run/authgate/authgate.sock|fcgi://localhost/"
no_placeholders() { ! grep -n '@[a-z]*@' "$(at "$1")" | sed 's/^/    /' | grep .; }
check "the man page has its paths filled in" no_placeholders share/man/man8/authgate.8

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
