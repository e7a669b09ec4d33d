#!/usr/bin/env bash
# Set up everything Tabula needs on a fresh Debian 12 machine (run as root): system packages, a virtual
# environment in .venv, and the project with its test and dev tools. Safe to run again.
# Python packages come only from requirements.lock, each file checked against its SHA-256 (--require-hashes), the
# build tools included (requirements-build.lock, then --no-build-isolation): nothing is fetched unchecked.
# Regenerate the locks with scripts/lock.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  python3 python3-venv python3-dev gcc linux-libc-dev
  fonts-dejavu-core poppler-utils xmlsec1 libnss3-tools xvfb
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-util1 libxcb-xinerama0
  libtss2-dev pkg-config swtpm   # tpm2-pytss builds against tss2-esys (sdist only); the TPM tests run against swtpm
  libfuse2 fuse3 fusefat dosfstools   # tests/faultfs.py (fusepy needs libfuse2, fusermount) and a FAT image
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
"${pip[@]}" --require-hashes --no-deps -r requirements-build.lock
"${pip[@]}" --require-hashes --no-build-isolation -r requirements.lock
"${pip[@]}" --no-deps --no-build-isolation -e .   # Tabula itself, from this folder
# a dependency named in pyproject.toml but missing from the lock would only show as an ImportError later
.venv/bin/python -m pip check -q >/dev/null || {
  .venv/bin/python -m pip check >&2
  echo "setup: requirements.lock does not hold every dependency of pyproject.toml: run scripts/lock.sh" >&2
  exit 1
}
