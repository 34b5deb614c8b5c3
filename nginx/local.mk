# nginx/local.mk -- the nginx server block, installed with this installation's paths, and the private-configuration writer.
EXTRA_DIST += nginx/authgate.conf nginx/private-conf
nginxconfdir = $(pkgdatadir)/nginx

# The file in the source tree names the default paths; the installed copy names the real ones.
NGINX_CONF_PATHS = sed -e 's|/usr/local/share/authgate/static/|$(pkgdatadir)/static/|' \
	-e 's|unix:/run/authgate/authgate.sock|unix:$(runstatedir)/authgate/authgate.sock|'

INSTALL_DATA_LOCAL += install-nginx-conf install-example-config
UNINSTALL_LOCAL += uninstall-nginx-conf uninstall-example-config

install-nginx-conf:
	$(MKDIR_P) '$(DESTDIR)$(nginxconfdir)'
	$(NGINX_CONF_PATHS) $(srcdir)/nginx/authgate.conf > '$(DESTDIR)$(nginxconfdir)/authgate.conf'

uninstall-nginx-conf:
	rm -f '$(DESTDIR)$(nginxconfdir)/authgate.conf'

# The example config goes to $(sysconfdir)/authgate.conf unless the site already has one.
install-example-config:
	$(MKDIR_P) '$(DESTDIR)$(sysconfdir)'
	test -f '$(DESTDIR)$(sysconfdir)/authgate.conf' || \
	  sed -e 's|[@]pkgdatadir[@]|$(pkgdatadir)|g' -e 's|[@]localstatedir[@]|$(localstatedir)|g' \
	      -e 's|[@]runstatedir[@]|$(runstatedir)|g' $(srcdir)/authgate.conf.example > '$(DESTDIR)$(sysconfdir)/authgate.conf'

uninstall-example-config:
	if test -f '$(DESTDIR)$(sysconfdir)/authgate.conf' && \
	  sed -e 's|[@]pkgdatadir[@]|$(pkgdatadir)|g' -e 's|[@]localstatedir[@]|$(localstatedir)|g' \
	      -e 's|[@]runstatedir[@]|$(runstatedir)|g' $(srcdir)/authgate.conf.example | \
	  cmp -s - '$(DESTDIR)$(sysconfdir)/authgate.conf'; then rm -f '$(DESTDIR)$(sysconfdir)/authgate.conf'; fi

dist_pkgdata_DATA = schema.sql
EXTRA_DIST += authgate.conf.example
.PHONY: install-nginx-conf uninstall-nginx-conf install-example-config uninstall-example-config

