# src/auth/local.mk -- the domain: accounts, sessions, tokens, CSRF, throttling (no HTTP, no SQL text).
