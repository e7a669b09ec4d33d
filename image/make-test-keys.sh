#!/usr/bin/env bash
# TEST ONLY. Makes the development keys in image/test-keys/: a Secure Boot key (PK = KEK = db, as mkosi's
# auto-enrolment uses one key for all three) and a release key that signs the expected PCR values of a build.
# Production keys are made and kept offline by the authority (provisioning/CA-PROCEDURE.md) and never enter the repo.
set -euo pipefail
cd "$(dirname "$0")/test-keys"
if [[ -e secure-boot.key ]]; then echo "test keys exist already in $(pwd)"; exit 0; fi
openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
  -subj "/CN=Tabula TEST ONLY Secure Boot key - NOT FOR ELECTIONS/O=Tabula development" \
  -keyout secure-boot.key -out secure-boot.crt
openssl req -new -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 3650 \
  -subj "/CN=Tabula TEST ONLY release key - NOT FOR ELECTIONS/O=Tabula development" \
  -keyout release.key -out release.pem
chmod 600 secure-boot.key release.key
