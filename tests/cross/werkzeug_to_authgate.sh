#!/bin/sh
# werkzeug_to_authgate.sh -- runs werkzeug_to_authgate.py with the system Python, the one that sees Debian's python3-werkzeug.
here=${AUTHGATE_SRCDIR:+$AUTHGATE_SRCDIR/tests/cross}
here=${here:-$(dirname "$0")}
PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE
exec "${SYSTEM_PYTHON3:-/usr/bin/python3}" "$here/werkzeug_to_authgate.py" "$@"
