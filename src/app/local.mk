# src/app/local.mk -- wiring: configuration, shared state, routes, main().
src_libauthgate_a_SOURCES += \
	src/app/settings.h src/app/settings.cpp \
	src/app/shared_state.h src/app/shared_state.cpp \
	src/app/audit_log.h src/app/audit_log.cpp \
	src/app/routes.h src/app/routes.cpp \
	src/app/application.h src/app/application.cpp

sbin_PROGRAMS += authgate
authgate_SOURCES = src/app/main.cpp
authgate_LDADD = $(PROGRAM_LIBS)
authgate_LDFLAGS = $(PROGRAM_LDFLAGS)
