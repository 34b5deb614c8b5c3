# src/store/local.mk -- SQLite storage; sqlite3.h is included only here.
src_libauthgate_a_SOURCES += \
	src/store/database.h src/store/database.cpp \
	src/store/migrations.h src/store/migrations.cpp \
	src/store/records.h src/store/repositories.h src/store/sqlite_store.h \
	src/store/sqlite_user_repository.cpp \
	src/store/sqlite_session_repository.cpp \
	src/store/sqlite_remember_repository.cpp \
	src/store/sqlite_meta_repository.cpp \
	src/store/sqlite_attempt_repository.cpp
nodist_src_libauthgate_a_SOURCES = src/store/schema_sql.inc
BUILT_SOURCES += src/store/schema_sql.inc
CLEANFILES += src/store/schema_sql.inc

# schema.sql is compiled into the program as a raw string literal. The explicit dependency lets
# `make authgate` work in a fresh build directory (BUILT_SOURCES only serves `make all`).
src/store/libauthgate_a-migrations.$(OBJEXT): src/store/schema_sql.inc
src/store/schema_sql.inc: $(srcdir)/schema.sql
	$(AM_V_GEN)$(MKDIR_P) src/store && \
	{ echo 'R"authgate_schema('; cat $(srcdir)/schema.sql; echo ')authgate_schema"'; } > $@
