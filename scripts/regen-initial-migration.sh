#!/usr/bin/env bash
# Development only, before the first release: rebuild migration 0001 from the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f var/alembic-dev.sqlite3 src/complaintdesk/adapters/db/migrations/versions/0001_initial_schema.py
mkdir -p var
.venv/bin/alembic -c alembic.ini revision --autogenerate -m "initial schema" --rev-id 0001 >/dev/null
sed -i 's/^from sqlalchemy.dialects import postgresql$/from sqlalchemy import Text\nfrom sqlalchemy.dialects import postgresql/' \
  src/complaintdesk/adapters/db/migrations/versions/0001_initial_schema.py
rm -f var/alembic-dev.sqlite3
