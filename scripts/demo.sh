#!/usr/bin/env bash
# Set up and start the kiosk app on the embedded demo election (a virtual screen is started when none exists).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/tabula demo "$@"
