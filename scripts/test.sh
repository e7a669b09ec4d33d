#!/usr/bin/env bash
# Set up and run every quality gate: ruff, mypy --strict on app and provisioning, bandit, and the whole test suite
# with branch coverage (fails under 85 %).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check app provisioning tests bench
echo "== mypy --strict"; .venv/bin/mypy --strict app provisioning
echo "== bandit"; .venv/bin/bandit -q -r app provisioning -c pyproject.toml
echo "== pytest"
.venv/bin/pytest --cov=app --cov=provisioning --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=85 "$@"
