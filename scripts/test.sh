#!/usr/bin/env bash
# Installs everything and runs the whole test suite with the linters (ruff, mypy) first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/pytest "$@"
