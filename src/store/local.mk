# src/store/local.mk -- the unit of work and repository interfaces; the SQLite backend (sqlite3.h only in
# store/sqlite/) and the PostgreSQL backend (libpq-fe.h only in store/postgresql/).
src_libauthgate_a_SOURCES += \
	src/store/records.h src/store/repositories.h src/store/store.h src/store/unix_time.h \
	src/store/admin_records.h src/store/admin_repository.h src/store/group_repository.h \
	src/store/outbox_repository.h src/store/token_repository.h src/store/account_repository.h \
	src/store/sqlite/mail_repositories.h \
	src/store/sqlite/outbox_repository.cpp src/store/sqlite/token_repository.cpp \
	src/store/sqlite/account_repository.cpp \
	src/store/sqlite/connection.h src/store/sqlite/connection.cpp \
	src/store/sqlite/migrations.h src/store/sqlite/migrations.cpp \
	src/store/sqlite/sqlite_store.h src/store/sqlite/sqlite_store.cpp src/store/sqlite/user_rows.h \
	src/store/sqlite/user_repository.cpp \
	src/store/sqlite/session_repository.cpp \
	src/store/sqlite/remember_repository.cpp \
	src/store/sqlite/meta_repository.cpp \
	src/store/sqlite/attempt_repository.cpp \
	src/store/sqlite/admin_repositories.h \
	src/store/sqlite/admin_repository.cpp \
	src/store/sqlite/group_repository.cpp \
	src/store/open_store.cpp \
	src/store/copy_store.h src/store/copy_store.cpp \
	src/store/sqlite/dump.h src/store/sqlite/dump.cpp \
	src/store/postgresql/load_dump.h src/store/postgresql/load_dump.cpp \
	src/store/postgresql/libpq_library.h src/store/postgresql/libpq_library.cpp \
	src/store/postgresql/connection.h src/store/postgresql/connection.cpp \
	src/store/postgresql/write_lock.h \
	src/store/postgresql/migrations.h src/store/postgresql/migrations.cpp \
	src/store/postgresql/repositories.h src/store/postgresql/user_rows.h \
	src/store/postgresql/postgres_store.h src/store/postgresql/postgres_store.cpp \
	src/store/postgresql/user_repository.cpp \
	src/store/postgresql/session_repository.cpp \
	src/store/postgresql/remember_repository.cpp \
	src/store/postgresql/attempt_repository.cpp \
	src/store/postgresql/meta_repository.cpp \
	src/store/postgresql/group_repository.cpp \
	src/store/postgresql/admin_repository.cpp \
	src/store/postgresql/outbox_repository.cpp \
	src/store/postgresql/token_repository.cpp \
	src/store/postgresql/account_repository.cpp
nodist_src_libauthgate_a_SOURCES = src/store/schema_sql.inc
BUILT_SOURCES += src/store/schema_sql.inc
CLEANFILES += src/store/schema_sql.inc

# schema.sql is compiled into the program as a raw string literal. The explicit dependency lets
# `make authgate` work in a fresh build directory (BUILT_SOURCES only serves `make all`).
src/store/sqlite/libauthgate_a-migrations.$(OBJEXT): src/store/schema_sql.inc
src/store/schema_sql.inc: $(srcdir)/schema.sql
	$(AM_V_GEN)$(MKDIR_P) src/store && \
	{ echo 'R"authgate_schema('; cat $(srcdir)/schema.sql; echo ')authgate_schema"'; } > $@
