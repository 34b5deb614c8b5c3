# src/web/local.mk -- handlers and the view; ctemplate is included only here.
src_libauthgate_a_SOURCES += \
	src/web/view.h src/web/view.cpp \
	src/web/pages.h src/web/pages.cpp \
	src/web/static_files.h src/web/static_files.cpp \
	src/web/request_context.h src/web/request_context.cpp \
	src/web/page_renderer.h src/web/page_renderer.cpp \
	src/web/account_pages.h src/web/account_pages.cpp \
	src/web/member_pages.h src/web/member_pages.cpp
