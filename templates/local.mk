# templates/local.mk -- page templates and static files, installed under $(pkgdatadir).
templatesdir = $(pkgdatadir)/templates
dist_templates_DATA = \
	templates/layout.tpl \
	templates/index.tpl \
	templates/error.tpl

staticdir = $(pkgdatadir)/static
dist_static_DATA = \
	static/style.css \
	static/app.js
