#!/usr/bin/env bash
# Set up everything the tests need (venv, PostgreSQL, Chromium) and run the whole suite:
# lint, types, unit, integration on SQLite and PostgreSQL, and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-postgres.sh
if [ -f scripts/install-browser.sh ]; then bash scripts/install-browser.sh; fi
.venv/bin/ruff check src tests bench
.venv/bin/mypy
exec .venv/bin/pytest -p no:cacheprovider "$@"
