# src/web/local.mk -- handlers and the view; ctemplate is included only here.
src_libauthgate_a_SOURCES += \
	src/web/view.h src/web/view.cpp \
	src/web/pages.h src/web/pages.cpp \
	src/web/static_files.h src/web/static_files.cpp
