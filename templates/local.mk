# templates/local.mk -- page templates and static files, installed under $(pkgdatadir).
templatesdir = $(pkgdatadir)/templates
dist_templates_DATA = \
	templates/layout.tpl \
	templates/error.tpl \
	templates/register.tpl \
	templates/login.tpl \
	templates/logout.tpl \
	templates/dashboard.tpl \
	templates/profile.tpl \
	templates/settings.tpl

staticdir = $(pkgdatadir)/static
dist_static_DATA = \
	static/style.css \
	static/app.js
