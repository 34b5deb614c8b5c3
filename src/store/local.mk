# src/store/local.mk -- the unit of work and repository interfaces; the SQLite backend (sqlite3.h only in store/sqlite/).
src_libauthgate_a_SOURCES += \
	src/store/records.h src/store/repositories.h src/store/group_repository.h src/store/store.h \
	src/store/sqlite/connection.h src/store/sqlite/connection.cpp \
	src/store/sqlite/migrations.h src/store/sqlite/migrations.cpp \
	src/store/sqlite/sqlite_store.h src/store/sqlite/sqlite_store.cpp src/store/sqlite/user_rows.h \
	src/store/sqlite/user_repository.cpp \
	src/store/sqlite/session_repository.cpp \
	src/store/sqlite/remember_repository.cpp \
	src/store/sqlite/meta_repository.cpp \
	src/store/sqlite/group_repository.cpp \
	src/store/sqlite/attempt_repository.cpp
nodist_src_libauthgate_a_SOURCES = src/store/schema_sql.inc
BUILT_SOURCES += src/store/schema_sql.inc
CLEANFILES += src/store/schema_sql.inc

# schema.sql is compiled into the program as a raw string literal. The explicit dependency lets
# `make authgate` work in a fresh build directory (BUILT_SOURCES only serves `make all`).
src/store/sqlite/libauthgate_a-migrations.$(OBJEXT): src/store/schema_sql.inc
src/store/schema_sql.inc: $(srcdir)/schema.sql
	$(AM_V_GEN)$(MKDIR_P) src/store && \
	{ echo 'R"authgate_schema('; cat $(srcdir)/schema.sql; echo ')authgate_schema"'; } > $@
