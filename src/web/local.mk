# src/web/local.mk -- handlers, user-facing texts and the view; ctemplate is included only in view.cpp.
src_libauthgate_a_SOURCES += \
	src/web/view.h src/web/view.cpp \
	src/web/messages.h src/web/messages.cpp \
	src/web/pages.h src/web/pages.cpp \
	src/web/flash_cookie.h src/web/flash_cookie.cpp \
	src/web/static_files.h src/web/static_files.cpp \
	src/web/request_context.h src/web/request_context.cpp \
	src/web/page.h src/web/page.cpp \
	src/web/account_pages.h src/web/account_pages.cpp \
	src/web/member_pages.h src/web/member_pages.cpp \
	src/web/time_text.h src/web/time_text.cpp \
	src/web/mail_texts.h src/web/mail_texts.cpp \
	src/web/browser_summary.h src/web/browser_summary.cpp \
	src/web/recovery_pages.h src/web/recovery_pages.cpp \
	src/web/settings_pages.h src/web/settings_pages.cpp \
	src/web/gate.h src/web/gate.cpp
