# tests/deploy/local.mk -- make check: Apache httpd sites, systemd units and socket activation, the
# hardened binary, and the installed tree. Each suite skips (77) when its tool is missing.
check_PROGRAMS += tests/deploy/deploy_tests
tests_deploy_deploy_tests_SOURCES = $(TEST_SUPPORT) tests/deploy/main.cpp \
	tests/support/text_util.h tests/support/text_util.cpp \
	tests/support/http_client.h tests/support/http_client.cpp \
	tests/support/test_server.h tests/support/test_server.cpp \
	tests/support/postgres_server.h tests/support/postgres_server.cpp \
	tests/support/auth_flow.h tests/support/auth_flow.cpp \
	tests/support/apache_server.h tests/support/apache_server.cpp \
	tests/deploy/login_flow.h tests/deploy/login_flow.cpp \
	tests/deploy/apache_test.cpp \
	tests/deploy/socket_activation_test.cpp
tests_deploy_deploy_tests_CPPFLAGS = $(TEST_CPPFLAGS)
tests_deploy_deploy_tests_LDADD = $(TEST_LIBS)

DEPLOY_TESTS = \
	tests/deploy/apache.sh \
	tests/deploy/socket_activation.sh \
	tests/deploy/systemd_units.sh \
	tests/deploy/hardened_binary.sh \
	tests/deploy/install_tree.sh
TESTS += $(DEPLOY_TESTS)
EXTRA_DIST += $(DEPLOY_TESTS) tests/deploy/need.sh tests/deploy/installed_files
