# systemd/local.mk -- the socket-activated systemd units, installed with this installation's paths.
EXTRA_DIST += systemd/authgate.socket systemd/authgate.service

# The files in the source tree name the default paths; the installed copies name the real ones
# (the database stays in systemd's state directory, /var/lib/authgate).
SYSTEMD_UNIT_PATHS = sed -e 's|/usr/local/sbin/authgate|$(sbindir)/authgate|g' \
	-e 's|/usr/local/etc/authgate.conf|$(sysconfdir)/authgate.conf|g' \
	-e 's|ListenStream=/run/authgate/|ListenStream=$(runstatedir)/authgate/|'

if INSTALL_SYSTEMD_UNITS
INSTALL_DATA_LOCAL += install-systemd-units
UNINSTALL_LOCAL += uninstall-systemd-units
endif

install-systemd-units:
	$(MKDIR_P) '$(DESTDIR)$(systemdsystemunitdir)'
	for unit in authgate.socket authgate.service; do \
	  $(SYSTEMD_UNIT_PATHS) $(srcdir)/systemd/$$unit > '$(DESTDIR)$(systemdsystemunitdir)'/$$unit || exit 1; \
	done

uninstall-systemd-units:
	rm -f '$(DESTDIR)$(systemdsystemunitdir)/authgate.socket' '$(DESTDIR)$(systemdsystemunitdir)/authgate.service'

# distcheck installs as an ordinary user: keep the units inside its prefix.
AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir='$${dc_install_base}/lib/systemd/system'
.PHONY: install-systemd-units uninstall-systemd-units
