# bench/local.mk -- benchmark scripts (run by hand; they print ratios, never pass/fail).
EXTRA_DIST += bench/README.md bench/http bench/trivial_responder.c bench/storm bench/count_statuses.lua bench/postgres
