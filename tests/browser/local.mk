# tests/browser/local.mk -- make check: a headless chromium walks the main flows (skips without chromium).
TESTS += tests/browser/main_flow.py
EXTRA_DIST += tests/browser/main_flow.py
TEST_EXTENSIONS = .py
PY_LOG_COMPILER = $(SYSTEM_PYTHON3)

# The screenshots are test output: make clean removes them.
clean-local: clean-browser-screenshots
clean-browser-screenshots:
	-rm -rf tests/browser/screenshots
.PHONY: clean-browser-screenshots
