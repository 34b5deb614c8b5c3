# tests/local.mk -- make check: Boost.Test unit and end-to-end suites, cross-checks, fuzz smoke runs.
TEST_SUPPORT = tests/support/summary_observer.h tests/support/summary_observer.cpp

check_PROGRAMS += tests/unit/unit_tests tests/e2e/e2e_tests tests/store/store_tests
tests_unit_unit_tests_SOURCES = $(TEST_SUPPORT) tests/unit/main.cpp \
	tests/unit/domain_fixture.h tests/unit/domain_fixture.cpp \
	tests/unit/http_url_test.cpp \
	tests/unit/http_params_test.cpp \
	tests/unit/http_response_test.cpp \
	tests/unit/http_request_parser_test.cpp \
	tests/unit/store_sqlite_test.cpp \
	tests/unit/store_database_name_test.cpp \
	tests/unit/app_routes_test.cpp \
	tests/unit/auth_validation_test.cpp \
	tests/unit/auth_csrf_test.cpp \
	tests/unit/auth_password_strength_test.cpp \
	tests/unit/auth_throttle_test.cpp \
	tests/unit/auth_audit_test.cpp \
	tests/unit/auth_hash_pool_test.cpp \
	tests/unit/auth_signed_value_test.cpp \
	tests/unit/auth_resolve_visit_test.cpp \
	tests/unit/auth_login_test.cpp \
	tests/unit/auth_register_test.cpp \
	tests/unit/auth_logout_test.cpp \
	tests/unit/web_flash_cookie_test.cpp \
	tests/unit/web_view_test.cpp \
	tests/unit/web_time_text_test.cpp \
	tests/unit/mail_mime_test.cpp \
	$(CRYPTO_UNIT_TEST_SOURCES)
tests_unit_unit_tests_CPPFLAGS = $(TEST_CPPFLAGS)
tests_unit_unit_tests_LDADD = $(TEST_LIBS)

# Every repository on a SQLite file and on a throwaway PostgreSQL server (tests/support/postgres_server).
tests_store_store_tests_SOURCES = $(TEST_SUPPORT) tests/store/main.cpp \
	tests/support/test_server.h tests/support/test_server.cpp \
	tests/support/postgres_server.h tests/support/postgres_server.cpp \
	tests/support/parallel.h \
	tests/store/backend.h tests/store/backend.cpp \
	tests/store/users_test.cpp \
	tests/store/sessions_test.cpp \
	tests/store/attempts_test.cpp \
	tests/store/mail_test.cpp \
	tests/store/migrations_test.cpp
tests_store_store_tests_CPPFLAGS = $(TEST_CPPFLAGS)
tests_store_store_tests_LDADD = $(TEST_LIBS)

tests_e2e_e2e_tests_SOURCES = $(TEST_SUPPORT) tests/e2e/main.cpp \
	tests/support/text_util.h tests/support/text_util.cpp \
	tests/support/http_client.h tests/support/http_client.cpp \
	tests/support/fcgi_client.h tests/support/fcgi_client.cpp \
	tests/support/test_server.h tests/support/test_server.cpp \
	tests/e2e/foundation_test.cpp \
	tests/e2e/server_modes_test.cpp \
	tests/e2e/hardening_test.cpp \
	tests/e2e/uniform_timing_test.cpp \
	tests/support/sqlite_peek.h tests/support/sqlite_peek.cpp \
	tests/support/auth_flow.h tests/support/auth_flow.cpp \
	tests/e2e/register_test.cpp \
	tests/e2e/login_test.cpp \
	tests/e2e/logout_test.cpp \
	tests/e2e/protected_pages_test.cpp \
	tests/e2e/sessions_test.cpp \
	tests/e2e/remember_test.cpp \
	tests/e2e/session_protection_test.cpp \
	tests/e2e/csrf_test.cpp \
	tests/e2e/redirect_test.cpp \
	tests/e2e/gate_test.cpp \
	tests/e2e/apache_authorizer_test.cpp \
	tests/e2e/concurrency_test.cpp \
	tests/e2e/flask_driver.h tests/e2e/flask_driver.cpp \
	tests/e2e/flask_database_test.cpp \
	tests/support/raw_http.h tests/support/raw_http.cpp \
	tests/e2e/hostile_input_test.cpp \
	tests/e2e/admin_cli_test.cpp \
	tests/support/smtp_sink.h tests/support/smtp_sink.cpp \
	tests/e2e/mail_test.cpp \
	tests/e2e/mail_account_test.cpp \
	tests/e2e/mail_transport_test.cpp \
	tests/e2e/mail_settings_test.cpp \
	tests/e2e/file_modes_test.cpp \
	tests/support/parallel.h \
	tests/e2e/throttle_race_test.cpp \
	tests/e2e/anonymous_writes_test.cpp \
	tests/e2e/uniform_cost_test.cpp \
	tests/e2e/busy_pool_test.cpp \
	tests/e2e/database_busy_test.cpp \
	tests/support/postgres_server.h tests/support/postgres_server.cpp \
	tests/e2e/postgres_site.h tests/e2e/postgres_site.cpp \
	tests/e2e/postgresql_test.cpp \
	tests/e2e/postgresql_hosts_test.cpp \
	tests/e2e/postgresql_restart_test.cpp \
	tests/e2e/postgresql_flask_test.cpp \
	tests/e2e/postgresql_copy_test.cpp \
	tests/e2e/postgresql_mail_test.cpp
tests_e2e_e2e_tests_CPPFLAGS = $(TEST_CPPFLAGS)
tests_e2e_e2e_tests_LDADD = $(TEST_LIBS)

TESTS += tests/unit/unit_tests tests/store/store_tests tests/e2e/e2e_tests tests/e2e/flows_on_postgresql.sh \
	tests/summarize_test.sh

# Longer fuzzing runs of every libFuzzer target: make fuzz (needs clang).
FUZZ_TARGETS = $(CRYPTO_FUZZ_TARGETS) $(HOSTILE_FUZZ_TARGETS)
fuzz: $(FUZZ_TARGETS)
	@test -n "$(FUZZ_TARGETS)" || { echo "fuzzing is disabled: install clang and re-run configure"; exit 1; }
	@for target in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$target for $${FUZZ_SECONDS:-300} s"; \
	  $$target -max_total_time=$${FUZZ_SECONDS:-300} -timeout=10 -rss_limit_mb=2048 || exit 1; \
	done
.PHONY: fuzz

EXTRA_DIST += tests/summarize tests/summarize_test.sh tests/e2e/flows_on_postgresql.sh
EXTRA_DIST += tests/flask_app/app.py tests/flask_app/driver.py \
	tests/flask_app/templates/base.html tests/flask_app/templates/login.html \
	tests/flask_app/templates/register.html tests/flask_app/templates/dashboard.html
EXTRA_DIST += tests/support/smtp_sink.py tests/support/throwaway-postgres
EXTRA_DIST += tests/e2e/mixed_hash_db.py
