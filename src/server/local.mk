# src/server/local.mk -- the FastCGI/CGI front; fcgiapp.h is included only here.
src_libauthgate_a_SOURCES += \
	src/server/listen_socket.h src/server/listen_socket.cpp \
	src/server/request_pipeline.h src/server/request_pipeline.cpp \
	src/server/fcgi_server.h src/server/fcgi_server.cpp \
	src/server/cgi_runner.h src/server/cgi_runner.cpp \
	src/server/signals.h src/server/signals.cpp \
	src/server/data_files.h src/server/data_files.cpp
