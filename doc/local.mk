# doc/local.mk -- manual pages; authgate.8 gets this installation's paths filled in.
dist_man8_MANS = doc/authgate-admin.8
nodist_man8_MANS = doc/authgate.8
EXTRA_DIST += doc/design.md doc/authgate.8.in
CLEANFILES += doc/authgate.8

doc/authgate.8: $(srcdir)/doc/authgate.8.in
	$(AM_V_GEN)$(MKDIR_P) doc && sed -e 's|[@]sysconfdir[@]|$(sysconfdir)|g' -e 's|@pkgdatadir@|$(pkgdatadir)|g' \
	  $(srcdir)/doc/authgate.8.in > $@
