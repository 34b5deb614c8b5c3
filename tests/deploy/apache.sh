#!/bin/sh
# apache.sh -- the login flow through Apache httpd with each shipped apache/ site (mod_proxy_fcgi, mod_fcgid, CGI).
. "${AUTHGATE_SRCDIR:-.}/tests/deploy/need.sh"
need_program "$APACHE2" apache2
for module in mpm_event authz_core alias mime proxy proxy_fcgi fcgid cgid; do
    need_file "/usr/lib/apache2/modules/mod_$module.so"
done
need_file /etc/mime.types
if [ "$(id -u)" -eq 0 ]; then
    id www-data >/dev/null 2>&1 || missing "user www-data (Apache's children run as it when the tests run as root)"
fi
exec "${AUTHGATE_BUILDDIR:-.}/tests/deploy/deploy_tests" --run_test=apache
