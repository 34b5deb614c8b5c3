#!/bin/sh
# authgate.cgi -- runs authgate as a CGI program with the site's config file (see authgate-cgi.conf).
exec /usr/local/sbin/authgate --config /usr/local/etc/authgate.conf --cgi
