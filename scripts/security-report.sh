#!/usr/bin/env bash
# Write docs/security-report.md (X3): static analysis, the dynamic security tests, the dependency lock and audit,
# each measured by this run. Options: --long (the soak of 50 SIGKILLs of a 2,400-ballot replay and the fault sweep
# at every call, about 20 minutes more), --pip-audit PATH (a pip-audit kept outside the project's venv, e.g.
# `python3 -m venv /tmp/audit && /tmp/audit/bin/pip install pip-audit==2.10.1`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
exec .venv/bin/python scripts/security_report.py "$@"
