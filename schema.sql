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
