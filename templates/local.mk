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
	templates/settings.tpl \
	templates/forgot.tpl \
	templates/reset.tpl \
	templates/verify.tpl \
	templates/confirm_email.tpl \
	templates/link_invalid.tpl \
	templates/settings_password.tpl \
	templates/settings_email.tpl \
	templates/sessions.tpl \
	templates/settings_delete.tpl

mailtemplatesdir = $(pkgdatadir)/templates/mail
dist_mailtemplates_DATA = \
	templates/mail/reset.tpl \
	templates/mail/verify.tpl \
	templates/mail/password_changed.tpl \
	templates/mail/email_change.tpl \
	templates/mail/email_changed_notice.tpl \
	templates/mail/register_existing.tpl

staticdir = $(pkgdatadir)/static
dist_static_DATA = \
	static/style.css \
	static/app.js
