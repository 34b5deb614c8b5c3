# src/http/local.mk -- value types for requests and responses; cgicc is included only here.
src_libauthgate_a_SOURCES += \
	src/http/params.h src/http/params.cpp \
	src/http/request.h src/http/request.cpp \
	src/http/request_parser.h src/http/request_parser.cpp \
	src/http/cookie_header.h src/http/cookie_header.cpp \
	src/http/response.h src/http/response.cpp \
	src/http/url.h src/http/url.cpp \
	src/http/text.h src/http/text.cpp \
	src/http/request_handler.h
