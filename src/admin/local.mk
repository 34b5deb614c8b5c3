# src/admin/local.mk -- authgate-admin, the operator's command-line tool (one file per command group).
sbin_PROGRAMS += authgate-admin
authgate_admin_SOURCES = \
	src/admin/main.cpp \
	src/admin/command.h src/admin/command.cpp \
	src/admin/context.h src/admin/context.cpp \
	src/admin/output.h src/admin/output.cpp \
	src/admin/results.h src/admin/results.cpp \
	src/admin/password_input.h src/admin/password_input.cpp \
	src/admin/password_commands.h src/admin/password_commands.cpp \
	src/admin/database_commands.h \
	src/admin/user_commands.cpp \
	src/admin/group_session_commands.cpp \
	src/admin/maintenance_commands.cpp \
	src/admin/mail_commands.h src/admin/mail_commands.cpp \
	src/admin/copy_command.h src/admin/copy_command.cpp
authgate_admin_LDADD = $(AUTHGATE_LIBS)
