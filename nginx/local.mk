# nginx/local.mk -- the nginx server block, the gate's snippets and examples (installed with this installation's paths), and the private-configuration writer.
NGINX_SNIPPETS = nginx/authgate.conf nginx/authgate-gate.conf nginx/authgate-protect.conf nginx/demo-private.conf \
	nginx/examples/static-site.conf nginx/examples/proxied-app.conf nginx/examples/php-app.conf nginx/examples/api.conf \
	nginx/examples/several-hosts.conf
EXTRA_DIST += $(NGINX_SNIPPETS) nginx/private-conf
nginxconfdir = $(pkgdatadir)/nginx

# The file in the source tree names the default paths; the installed copy names the real ones.
NGINX_CONF_PATHS = sed -e 's|/usr/local/share/authgate/|$(pkgdatadir)/|g' \
	-e 's|unix:/run/authgate/|unix:$(runstatedir)/authgate/|'

INSTALL_DATA_LOCAL += install-nginx-conf install-example-config
UNINSTALL_LOCAL += uninstall-nginx-conf uninstall-example-config

install-nginx-conf:
	$(MKDIR_P) '$(DESTDIR)$(nginxconfdir)/examples'
	for file in $(NGINX_SNIPPETS); do \
	  $(NGINX_CONF_PATHS) $(srcdir)/$$file > '$(DESTDIR)$(pkgdatadir)/'$$file || exit 1; \
	done

uninstall-nginx-conf:
	for file in $(NGINX_SNIPPETS); do rm -f '$(DESTDIR)$(pkgdatadir)/'$$file; done

# Apache: the FastCGI authorizer configuration.
apacheconfdir = $(pkgdatadir)/apache
dist_apacheconf_DATA = apache/authgate-authorizer.conf

# The page quickstart's demo puts behind the gate (nginx/demo-private.conf).
demoprivatedir = $(pkgdatadir)/demo/private
dist_demoprivate_DATA = demo/private/index.html

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

