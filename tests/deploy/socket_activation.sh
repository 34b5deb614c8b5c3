#!/bin/sh
# socket_activation.sh -- authgate under systemd-socket-activate (LISTEN_FDS on fd 3) behind nginx: the login flow.
. "${AUTHGATE_SRCDIR:-.}/tests/deploy/need.sh"
need_program "$SYSTEMD_SOCKET_ACTIVATE" systemd-socket-activate
need_program "$NGINX" nginx
exec "${AUTHGATE_BUILDDIR:-.}/tests/deploy/deploy_tests" --run_test=socket_activation
