#!/usr/bin/env bash
# Set up, create the SQLite database with demo data (first time only), and start the service.
# Then open http://127.0.0.1:8000/signin (hana or tom: handlers, mei: supervisor, admin; password demo-password).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DATABASE_URL=${DATABASE_URL:-sqlite:///var/demo.sqlite3}
.venv/bin/complaintdesk init
.venv/bin/complaintdesk demo
exec .venv/bin/complaintdesk serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
