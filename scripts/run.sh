#!/usr/bin/env bash
# Installs everything and starts the app on the embedded default: SQLite and files under ./data,
# demo accounts and a synthetic demo catalog. Open http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export SILASTIK_DEMO="${SILASTIK_DEMO:-1}"
export DATA_DIR="${DATA_DIR:-data}"
.venv/bin/python -m core setup
exec .venv/bin/streamlit run Home.py "$@"
