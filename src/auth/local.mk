# src/auth/local.mk -- the domain: accounts, sessions, tokens, CSRF (no HTTP, no SQL text).
src_libauthgate_a_SOURCES += \
	src/auth/validation.h src/auth/validation.cpp \
	src/auth/password_strength.h src/auth/password_strength.cpp \
	src/auth/hashing_gate.h src/auth/hashing_gate.cpp \
	src/auth/csrf.h src/auth/csrf.cpp \
	src/auth/session_settings.h src/auth/session_settings.cpp \
	src/auth/account_service.h src/auth/account_service.cpp \
	src/auth/session_service.h src/auth/session_service.cpp \
	src/auth/throttle.h src/auth/throttle.cpp \
	src/auth/audit.h src/auth/audit.cpp
