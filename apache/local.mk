# apache/local.mk -- the Apache httpd example sites and CGI wrapper, installed with this installation's paths.
APACHE_EXAMPLES = apache/authgate-proxy-fcgi.conf apache/authgate-fcgid.conf apache/authgate-cgi.conf
EXTRA_DIST += $(APACHE_EXAMPLES) apache/authgate.cgi
apacheexamplesdir = $(pkgdatadir)/apache

# The files in the source tree name the default paths (the tests substitute their own); the
# installed copies name the real ones.
APACHE_PATHS = sed -e 's|/usr/local/share/authgate|$(pkgdatadir)|g' \
	-e 's|/usr/local/sbin/authgate|$(sbindir)/authgate|g' \
	-e 's|/usr/local/etc/authgate.conf|$(sysconfdir)/authgate.conf|g' \
	-e 's|/usr/local/var/lib/authgate|$(localstatedir)/lib/authgate|g' \
	-e 's|/run/authgate/authgate.sock|$(runstatedir)/authgate/authgate.sock|g'

INSTALL_DATA_LOCAL += install-apache-examples
UNINSTALL_LOCAL += uninstall-apache-examples

install-apache-examples:
	$(MKDIR_P) '$(DESTDIR)$(apacheexamplesdir)'
	for file in $(APACHE_EXAMPLES); do \
	  $(APACHE_PATHS) $(srcdir)/$$file > '$(DESTDIR)$(apacheexamplesdir)'/`basename $$file` || exit 1; \
	done
	$(APACHE_PATHS) $(srcdir)/apache/authgate.cgi > '$(DESTDIR)$(apacheexamplesdir)/authgate.cgi'
	chmod 755 '$(DESTDIR)$(apacheexamplesdir)/authgate.cgi'

uninstall-apache-examples:
	for file in $(APACHE_EXAMPLES) apache/authgate.cgi; do \
	  rm -f '$(DESTDIR)$(apacheexamplesdir)'/`basename $$file`; \
	done
.PHONY: install-apache-examples uninstall-apache-examples
