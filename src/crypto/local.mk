# src/crypto/local.mk -- werkzeug password hashes, PBKDF2/scrypt, random tokens, digests (Crypto++ only here),
# with their unit tests, werkzeug cross-checks, fuzz target and benchmark.

CRYPTO_SOURCES = \
	src/crypto/digest.h src/crypto/digest.cpp \
	src/crypto/keyed_hmac.h src/crypto/keyed_hmac.cpp \
	src/crypto/hex.h src/crypto/hex.cpp \
	src/crypto/random.h src/crypto/random.cpp \
	src/crypto/secure_clear.h src/crypto/secure_clear.cpp \
	src/crypto/pbkdf2.h src/crypto/pbkdf2.cpp \
	src/crypto/scrypt.h src/crypto/scrypt.cpp \
	src/crypto/hash_method.h src/crypto/hash_method.cpp \
	src/crypto/stored_hash.h src/crypto/stored_hash.cpp \
	src/crypto/password_hash.h src/crypto/password_hash.cpp
src_libauthgate_a_SOURCES += $(CRYPTO_SOURCES)

# Unit tests for tests/unit/unit_tests. tests/local.mk adds $(CRYPTO_UNIT_TEST_SOURCES) to
# tests_unit_unit_tests_SOURCES: automake refuses a "+=" before the variable's first "=", and
# tests/local.mk is included after this file.
CRYPTO_UNIT_TEST_SOURCES = \
	tests/unit/crypto_test_print.h \
	tests/unit/crypto_digest_test.cpp \
	tests/unit/crypto_hex_test.cpp \
	tests/unit/crypto_random_test.cpp \
	tests/unit/crypto_pbkdf2_test.cpp \
	tests/unit/crypto_scrypt_test.cpp \
	tests/unit/crypto_hash_policy_test.cpp \
	tests/unit/crypto_password_hash_test.cpp

# Cross-implementation checks against Python's werkzeug (run with $(SYSTEM_PYTHON3)).
CRYPTO_CROSS_TESTS = \
	tests/cross/werkzeug_to_authgate.sh \
	tests/cross/authgate_to_werkzeug.sh \
	tests/cross/admin_password_cli.sh
TESTS += $(CRYPTO_CROSS_TESTS) tests/fuzz/run_fuzz_smoke.sh
EXTRA_DIST += $(CRYPTO_CROSS_TESTS) \
	tests/cross/crosscheck.py \
	tests/cross/werkzeug_to_authgate.py \
	tests/cross/authgate_to_werkzeug.py \
	tests/fuzz/run_fuzz_smoke.sh \
	tests/fuzz/fuzz_password_hash.cpp \
	tests/fuzz/corpus/fuzz_password_hash \
	bench/hash/run

# libFuzzer target, built with clang straight from the crypto sources. tests/local.mk adds
# $(CRYPTO_FUZZ_TARGETS) to FUZZ_TARGETS (for "make fuzz"); make check runs a short smoke of it.
CRYPTO_FUZZ_TARGETS =
if ENABLE_FUZZING
CRYPTO_FUZZ_TARGETS += tests/fuzz/fuzz_password_hash
CRYPTO_FUZZ_CXXFLAGS = -std=c++17 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
tests/fuzz/fuzz_password_hash: $(srcdir)/tests/fuzz/fuzz_password_hash.cpp $(addprefix $(srcdir)/,$(CRYPTO_SOURCES))
	@$(MKDIR_P) tests/fuzz
	$(AM_V_CXXLD)$(CLANGXX) $(CRYPTO_FUZZ_CXXFLAGS) -I$(srcdir)/src $(CRYPTOPP_CFLAGS) -o $@ \
	  $(srcdir)/tests/fuzz/fuzz_password_hash.cpp $(addprefix $(srcdir)/,$(filter %.cpp,$(CRYPTO_SOURCES))) \
	  $(CRYPTOPP_LIBS)
endif
# Built by make check before the tests run; run_fuzz_smoke.sh smokes every tests/fuzz/fuzz_* it finds.
check_SCRIPTS = $(CRYPTO_FUZZ_TARGETS)
CLEANFILES += tests/fuzz/fuzz_password_hash

# Hashing benchmark: make bench-hash (prints timings and ratios; never fails on speed).
# bench_probe.cpp times Crypto++'s SHA256::Transform and is linked into the benchmark only.
noinst_PROGRAMS += bench/hash/hash_bench
bench_hash_hash_bench_SOURCES = bench/hash/hash_bench.cpp src/crypto/bench_probe.h src/crypto/bench_probe.cpp
bench_hash_hash_bench_CPPFLAGS = $(AM_CPPFLAGS) $(CRYPTOPP_CFLAGS)
bench_hash_hash_bench_LDADD = $(AUTHGATE_LIBS)
bench-hash: bench/hash/hash_bench$(EXEEXT)
	SYSTEM_PYTHON3='$(SYSTEM_PYTHON3)' $(SHELL) $(srcdir)/bench/hash/run .
.PHONY: bench-hash
