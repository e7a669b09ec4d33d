#!/usr/bin/env bash
# Build the Tabula appliance image (see image/README.md). Run as root on Debian 12, from anywhere:
#
#   image/build.sh --root-pem ca/root.pem [--out DIR] [--commit REV] [--serial-console] [--expect-pcr 7=HEX]...
#                  [--secure-boot-key K --secure-boot-cert C] [--release-key K --release-cert C]
#
# Without the four key options it signs with the TEST ONLY keys of image/test-keys (and says so). It prints the
# system hash (the dm-verity root hash) at the end and leaves in DIR (default image/out):
#   tabula.raw             the disk image (ESP with the signed UKI + expected PCRs, verity root, verity hash)
#   tabula.efi             the signed UKI
#   build-record.json      what went in: the hash of every Debian package and every wheel, the system hash,
#                          the predicted PCR 11, the image hashes (an SBOM in our own, plain format)
#   expected-pcrs.json(.sig)  the values the app compares the measured boot with (also on the ESP)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
TOOLS=${TABULA_TOOLS:-/var/cache/tabula-image/tools}
OUT=$HERE/out
ROOT_PEM="" SERIAL=0 EXPECT=() REV=HEAD
SB_KEY=$HERE/test-keys/secure-boot.key SB_CERT=$HERE/test-keys/secure-boot.crt
REL_KEY=$HERE/test-keys/release.key REL_CERT=$HERE/test-keys/release.pem
while (($#)); do
  case $1 in
    --root-pem) ROOT_PEM=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --commit) REV=$2; shift 2 ;;
    --serial-console) SERIAL=1; shift ;;
    --expect-pcr) EXPECT+=("$2"); shift 2 ;;
    --secure-boot-key) SB_KEY=$2; shift 2 ;;
    --secure-boot-cert) SB_CERT=$2; shift 2 ;;
    --release-key) REL_KEY=$2; shift 2 ;;
    --release-cert) REL_CERT=$2; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
[[ -f $ROOT_PEM ]] || { echo "--root-pem: the authority's root certificate is required (/etc/tabula/root.pem)" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "run as root (debootstrap, chroot, loop-free image assembly)" >&2; exit 2; }
if [[ $SB_KEY == "$HERE/test-keys/"* || $REL_KEY == "$HERE/test-keys/"* ]]; then
  echo "!!! signing with the TEST ONLY keys of image/test-keys: this image must never count an election !!!"
fi
# the commit whose app goes into the image (our wheel is built from it, not from the working tree)
COMMIT=$(git -C "$REPO" rev-parse --verify "$REV^{commit}") || { echo "--commit $REV: no such commit" >&2; exit 2; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct "$COMMIT")}
START=$(date +%s)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
STAGE=$TOOLS/build          # everything the chroot sees lives under here
rm -rf "$STAGE/image" "$STAGE/wheels" "$STAGE/extra" "$STAGE/keys"
mkdir -p "$STAGE/wheels" "$STAGE/extra/etc/tabula" "$STAGE/keys" "$STAGE/cache"

step() { echo "== $(($(date +%s) - START)) s: $*"; }

step "tools (mkosi 24 in a Debian 12 chroot)"
"$HERE/tools.sh" "$TOOLS" >/dev/null

step "wheels: ours, and every dependency checked against image/requirements.lock"
# the appliance runs exactly what the tests ran: the same versions as the app's requirements.lock
python3 "$REPO/scripts/check-locks.py" || { echo "image/requirements.lock differs from requirements.lock: run image/lock.sh" >&2; exit 2; }
PYENV=$STAGE/pyenv
[[ -x $PYENV/bin/pip ]] || /usr/bin/python3 -m venv "$PYENV"
# --isolated: no pip.conf or PIP_* of this machine (extra indexes, find-links) may slip another file in
PIP=("$PYENV/bin/pip" --isolated --disable-pip-version-check -q)
# CFLAGS=-g0: the two wheels compiled here (tpm2-pytss, evdev) would otherwise carry pip's random build folder in
# their debug information, and so differ from one build to the next (reproducibility, see README)
CFLAGS=-g0 "${PIP[@]}" wheel --require-hashes --no-deps -r "$HERE/requirements.lock" -w "$STAGE/wheels"
# ours from a commit, never from the working tree: the image is exactly that commit (and not what someone is
# editing in this checkout right now), and the build record names it
git -C "$REPO" diff --quiet "$COMMIT" -- app provisioning pyproject.toml ||
  echo "note: the working tree's app/, provisioning/ or pyproject.toml differ from commit $COMMIT: not in this image"
rm -rf "$STAGE/src" && mkdir -p "$STAGE/src"
git -C "$REPO" archive "$COMMIT" | tar -x -C "$STAGE/src"
"${PIP[@]}" wheel --no-deps "$STAGE/src" -w "$STAGE/wheels"
(cd "$STAGE/wheels" && sha256sum ./*.whl) > "$OUT/wheels.sha256"

step "root.pem, release.pem and the signing keys"
install -m 0644 "$ROOT_PEM" "$STAGE/extra/etc/tabula/root.pem"
install -m 0644 "$REL_CERT" "$STAGE/extra/etc/tabula/release.pem"
install -m 0600 "$SB_KEY" "$STAGE/keys/secure-boot.key"
install -m 0644 "$SB_CERT" "$STAGE/keys/secure-boot.crt"
cp -a "$HERE/." "$STAGE/image/"
rm -rf "$STAGE/image/out" "$STAGE/image/test-keys"

MOUNTS=()
cleanup() { for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
bind() { mount "$@"; MOUNTS+=("${@: -1}"); }
# mkosi asks findmnt about "/": the tree must be a mount point of its own
findmnt -n "$TOOLS" >/dev/null || bind --bind "$TOOLS" "$TOOLS"
for m in proc sys dev; do findmnt -n "$TOOLS/$m" >/dev/null || bind --rbind "/$m" "$TOOLS/$m"; done

step "mkosi build (Debian packages from the mirror, UKI, verity, Secure Boot signatures)"
# sbsign, as mkosi calls it, with the clock stopped at SOURCE_DATE_EPOCH (the signing time is in every signature)
install -d "$TOOLS/usr/local/bin"
printf '#!/bin/sh\nexec faketime -f "%s" /usr/bin/sbsign "$@"\n' "$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')" \
  > "$TOOLS/usr/local/bin/sbsign"
chmod 0755 "$TOOLS/usr/local/bin/sbsign"
CMDLINE_EXTRA=()
# test builds: the serial console, and the self-check that prints what the boot test looks for (tabula-selfcheck.service)
((SERIAL)) && CMDLINE_EXTRA+=(--kernel-command-line="console=ttyS0 systemd.show_status=1 systemd.journald.forward_to_console=1 tabula.selfcheck")
chroot "$TOOLS" env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TZ=UTC SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" \
  sh -c 'cd /build/image && exec mkosi --force --incremental=yes --cache-dir=/build/cache --build-sources=/build/wheels:wheels \
    --extra-tree=/build/extra --secure-boot-key=/build/keys/secure-boot.key \
    --secure-boot-certificate=/build/keys/secure-boot.crt "$@" build' mkosi "${CMDLINE_EXTRA[@]}"

step "system hash and the expected PCR 11"
IMG=$STAGE/image/out
SYSTEM_HASH=$(chroot "$TOOLS" python3 /build/image/uki.py roothash /build/image/out/tabula.efi)
PCR11=$(chroot "$TOOLS" python3 /build/image/uki.py pcr11 /build/image/out/tabula.efi)
VERSION=$("$PYENV/bin/python" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$STAGE/src/pyproject.toml")
"$PYENV/bin/python" "$HERE/record.py" expected --version "$VERSION" --system-hash "$SYSTEM_HASH" --pcr "11=$PCR11" \
  "${EXPECT[@]/#/--pcr=}" > "$OUT/expected-pcrs.json"
openssl dgst -sha256 -sign "$REL_KEY" -out "$OUT/expected-pcrs.json.sig" "$OUT/expected-pcrs.json"
openssl dgst -sha256 -verify <(openssl x509 -in "$REL_CERT" -pubkey -noout) \
  -signature "$OUT/expected-pcrs.json.sig" "$OUT/expected-pcrs.json" >/dev/null

step "expected PCRs onto the ESP"
cp "$OUT/expected-pcrs.json" "$OUT/expected-pcrs.json.sig" "$STAGE/"
chroot "$TOOLS" python3 /build/image/uki.py put-on-esp /build/image/out/tabula.raw /build/expected-pcrs.json \
  /build/expected-pcrs.json.sig

step "build record"
mv "$IMG/tabula.raw" "$IMG/tabula.efi" "$OUT/"
cp "$IMG/tabula.manifest" "$OUT/"
"$PYENV/bin/python" "$HERE/record.py" record --out "$OUT" --cache "$TOOLS/var/cache/mkosi" --wheels "$OUT/wheels.sha256" \
  --version "$VERSION" --commit "$COMMIT" --system-hash "$SYSTEM_HASH" --pcr11 "$PCR11" \
  --seconds $(($(date +%s) - START)) \
  > "$OUT/build-record.json"
step "done: $(du -h "$OUT/tabula.raw" | cut -f1) disk image in $OUT"
echo "software version: $VERSION (commit $COMMIT)"
echo "system hash:      $SYSTEM_HASH"
