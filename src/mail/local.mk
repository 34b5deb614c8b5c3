# src/mail/local.mk -- MIME messages, the outbox sender and its transports (curl/curl.h only here).
src_libauthgate_a_SOURCES += \
	src/mail/mime.h src/mail/mime.cpp \
	src/mail/transport.h src/mail/transport.cpp \
	src/mail/curl_library.h src/mail/curl_library.cpp \
	src/mail/smtp_transport.h src/mail/smtp_transport.cpp \
	src/mail/sendmail_transport.h src/mail/sendmail_transport.cpp \
	src/mail/outbox_sender.h src/mail/outbox_sender.cpp
