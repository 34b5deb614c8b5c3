# src/auth/local.mk -- the domain: use cases and their policies (no HTTP, no SQL text).
src_libauthgate_a_SOURCES += \
	src/auth/validation.h src/auth/validation.cpp \
	src/auth/password_strength.h src/auth/password_strength.cpp \
	src/auth/csrf.h src/auth/csrf.cpp \
	src/auth/signed_value.h src/auth/signed_value.cpp \
	src/auth/session_settings.h src/auth/session_settings.cpp \
	src/auth/throttle.h src/auth/throttle.cpp \
	src/auth/audit.h src/auth/audit.cpp \
	src/auth/user_view.h src/auth/user_view.cpp \
	src/auth/hash_pool.h src/auth/hash_pool.cpp \
	src/auth/hash_costs.h src/auth/hash_costs.cpp \
	src/auth/password_verifier.h src/auth/password_verifier.cpp \
	src/auth/services.h \
	src/auth/session_tokens.h src/auth/session_tokens.cpp \
	src/auth/session_check.h src/auth/session_check.cpp \
	src/auth/resolve_visit.h src/auth/resolve_visit.cpp \
	src/auth/authorize.h src/auth/authorize.cpp \
	src/auth/login.h src/auth/login.cpp \
	src/auth/register.h src/auth/register.cpp \
	src/auth/logout.h src/auth/logout.cpp \
	src/auth/admin_accounts.h src/auth/admin_accounts.cpp \
	src/auth/mailer.h src/auth/mailer.cpp \
	src/auth/mail_tokens.h src/auth/mail_tokens.cpp \
	src/auth/confirm_password.h src/auth/confirm_password.cpp \
	src/auth/email_verification.h src/auth/email_verification.cpp \
	src/auth/password_reset.h src/auth/password_reset.cpp \
	src/auth/account_settings.h src/auth/account_settings.cpp
