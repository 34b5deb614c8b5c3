-- schema.sql -- authgate's database. The `user` table is exactly the one Flask-SQLAlchemy creates
-- for the tutorial's model, so a Flask app's users.db is used in place; authgate's extra user
-- columns are added by numbered migrations (PRAGMA user_version) inside the program.
-- Every statement is idempotent: authgate applies this file at every start.

CREATE TABLE IF NOT EXISTS user (
	id INTEGER NOT NULL,
	email VARCHAR(120) NOT NULL,
	username VARCHAR(80) NOT NULL,
	password_hash VARCHAR(256) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (email),
	UNIQUE (username)
);

-- Keys and settings authgate keeps for itself (e.g. the CSRF key).
CREATE TABLE IF NOT EXISTS authgate_meta (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- Server-side sessions of signed-in users. The cookie carries a random token; only its SHA-256 is
-- stored. (Migration 3 adds remember_selector: the remember chain a session was opened from.)
CREATE TABLE IF NOT EXISTS authgate_session (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER REFERENCES user(id) ON DELETE CASCADE,
	fresh INTEGER NOT NULL DEFAULT 0,
	identifier TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	remote_addr TEXT NOT NULL DEFAULT '',
	user_agent TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS authgate_session_user ON authgate_session(user_id);
CREATE INDEX IF NOT EXISTS authgate_session_seen ON authgate_session(last_seen_at);

-- "Remember me": the cookie is selector:validator; the selector finds the row, the validator is
-- stored as its SHA-256 and replaced at every use. expires_at counts from the password login.
-- (Migration 3 adds previous_validator_hash and rotated_at, for the grace window.)
CREATE TABLE IF NOT EXISTS authgate_remember (
	selector TEXT PRIMARY KEY,
	validator_hash TEXT NOT NULL,
	user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS authgate_remember_user ON authgate_remember(user_id);

-- Recent attempts, for throttling: failed logins per account (the submitted email, known or not)
-- and per client address, and registrations per address. Rows older than an hour are pruned.
CREATE TABLE IF NOT EXISTS authgate_attempt (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	key TEXT NOT NULL,
	at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS authgate_attempt_key ON authgate_attempt(kind, key, at);
CREATE INDEX IF NOT EXISTS authgate_attempt_at ON authgate_attempt(at);
