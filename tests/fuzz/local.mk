# tests/fuzz/local.mk -- libFuzzer targets for the parsers of untrusted request input (cgicc forms and
# cookies, paths, redirects, the request pipeline) with their seed corpora, the data of the
# hostile-input end-to-end suite (tests/e2e/hostile_input_test.cpp), and the ThreadSanitizer check.

# Compiled straight into each target with clang (like the crypto target): the http value types,
# and for the pipeline target the server's request pipeline.
HOSTILE_FUZZ_HTTP_FILES = \
	src/http/params.h src/http/params.cpp \
	src/http/request.h src/http/request.cpp \
	src/http/request_parser.h src/http/request_parser.cpp \
	src/http/cookie_header.h src/http/cookie_header.cpp \
	src/http/response.h src/http/response.cpp \
	src/http/url.h src/http/url.cpp \
	src/http/text.h src/http/text.cpp \
	src/http/request_handler.h
HOSTILE_FUZZ_PIPELINE_FILES = $(HOSTILE_FUZZ_HTTP_FILES) \
	src/server/request_pipeline.h src/server/request_pipeline.cpp
HOSTILE_FUZZ_NAMES = fuzz_request_parser fuzz_form_cookie fuzz_next_check fuzz_request_pipeline

EXTRA_DIST += tests/fuzz/request_input.h \
	$(addprefix tests/fuzz/,$(addsuffix .cpp,$(HOSTILE_FUZZ_NAMES))) \
	$(addprefix tests/fuzz/corpus/,$(HOSTILE_FUZZ_NAMES)) \
	tests/hostile/strings.txt \
	tests/sanitizers/tsan_check
CLEANFILES += $(addprefix tests/fuzz/,$(HOSTILE_FUZZ_NAMES))

# make check builds them (check_SCRIPTS, first set in src/crypto/local.mk, which is included before
# this file) and tests/fuzz/run_fuzz_smoke.sh smokes them; tests/local.mk adds $(HOSTILE_FUZZ_TARGETS)
# to FUZZ_TARGETS for "make fuzz".
HOSTILE_FUZZ_TARGETS =
if ENABLE_FUZZING
HOSTILE_FUZZ_TARGETS += $(addprefix tests/fuzz/,$(HOSTILE_FUZZ_NAMES))
HOSTILE_FUZZ_CXXFLAGS = -std=c++17 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
HOSTILE_FUZZ_BUILD = $(CLANGXX) $(HOSTILE_FUZZ_CXXFLAGS) -I$(srcdir)/src -I$(srcdir)/tests/fuzz $(CGICC_CFLAGS) -o $@

tests/fuzz/fuzz_request_parser: $(srcdir)/tests/fuzz/fuzz_request_parser.cpp $(srcdir)/tests/fuzz/request_input.h \
		$(addprefix $(srcdir)/,$(HOSTILE_FUZZ_HTTP_FILES))
	@$(MKDIR_P) tests/fuzz
	$(AM_V_CXXLD)$(HOSTILE_FUZZ_BUILD) $(srcdir)/tests/fuzz/fuzz_request_parser.cpp \
	  $(addprefix $(srcdir)/,$(filter %.cpp,$(HOSTILE_FUZZ_HTTP_FILES))) $(CGICC_LIBS)

tests/fuzz/fuzz_form_cookie: $(srcdir)/tests/fuzz/fuzz_form_cookie.cpp $(srcdir)/tests/fuzz/request_input.h \
		$(addprefix $(srcdir)/,$(HOSTILE_FUZZ_HTTP_FILES))
	@$(MKDIR_P) tests/fuzz
	$(AM_V_CXXLD)$(HOSTILE_FUZZ_BUILD) $(srcdir)/tests/fuzz/fuzz_form_cookie.cpp \
	  $(addprefix $(srcdir)/,$(filter %.cpp,$(HOSTILE_FUZZ_HTTP_FILES))) $(CGICC_LIBS)

tests/fuzz/fuzz_next_check: $(srcdir)/tests/fuzz/fuzz_next_check.cpp $(srcdir)/tests/fuzz/request_input.h \
		$(addprefix $(srcdir)/,$(HOSTILE_FUZZ_HTTP_FILES))
	@$(MKDIR_P) tests/fuzz
	$(AM_V_CXXLD)$(HOSTILE_FUZZ_BUILD) $(srcdir)/tests/fuzz/fuzz_next_check.cpp \
	  $(addprefix $(srcdir)/,$(filter %.cpp,$(HOSTILE_FUZZ_HTTP_FILES))) $(CGICC_LIBS)

tests/fuzz/fuzz_request_pipeline: $(srcdir)/tests/fuzz/fuzz_request_pipeline.cpp $(srcdir)/tests/fuzz/request_input.h \
		$(addprefix $(srcdir)/,$(HOSTILE_FUZZ_PIPELINE_FILES))
	@$(MKDIR_P) tests/fuzz
	$(AM_V_CXXLD)$(HOSTILE_FUZZ_BUILD) $(srcdir)/tests/fuzz/fuzz_request_pipeline.cpp \
	  $(addprefix $(srcdir)/,$(filter %.cpp,$(HOSTILE_FUZZ_PIPELINE_FILES))) $(CGICC_LIBS)
endif
check_SCRIPTS += $(HOSTILE_FUZZ_TARGETS)

# A ThreadSanitizer build in a temporary directory and the multi-threaded tests: make tsan-check.
tsan-check:
	$(SHELL) $(srcdir)/tests/sanitizers/tsan_check
.PHONY: tsan-check
