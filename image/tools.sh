#!/usr/bin/env bash
# The image build's tools: mkosi 24 with systemd 254 (ukify, systemd-repart, systemd-measure) from bookworm-backports,
# inside a Debian 12 chroot so that the host's own systemd is never upgraded. Run as root; safe to run again.
#   image/tools.sh [TOOLS_DIR]        (default /var/cache/tabula-image/tools)
set -euo pipefail
TOOLS=${1:-${TABULA_TOOLS:-/var/cache/tabula-image/tools}}
MIRROR=${TABULA_MIRROR:-http://deb.debian.org/debian}   # http: apt checks the signatures; see image/README.md

if [[ ! -x $TOOLS/usr/bin/mkosi ]]; then
  command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq --no-install-recommends debootstrap; }
  if [[ ! -x $TOOLS/usr/bin/apt-get ]]; then
    mkdir -p "$TOOLS"
    debootstrap --variant=minbase bookworm "$TOOLS" "$MIRROR"
  fi
  cat > "$TOOLS/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $MIRROR bookworm-backports main
deb ${MIRROR%/debian}/debian-security bookworm-security main
SOURCES
  chroot "$TOOLS" apt-get update -qq
  chroot "$TOOLS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -t bookworm-backports mkosi systemd systemd-boot systemd-boot-efi systemd-container bubblewrap
  chroot "$TOOLS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    dosfstools mtools e2fsprogs erofs-utils squashfs-tools debian-archive-keyring python3 python3-pefile \
    python3-cryptography cryptsetup-bin zstd xz-utils kmod cpio sbsigntool openssl fdisk gnupg ca-certificates \
    apt dpkg
fi
# sbsign stamps the signing time into every signature: build.sh runs it under faketime at SOURCE_DATE_EPOCH, so that
# two builds of the same inputs sign byte for byte alike (reproducibility, see README)
if [[ ! -x $TOOLS/usr/bin/faketime ]]; then
  chroot "$TOOLS" apt-get update -qq
  chroot "$TOOLS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime
fi
chroot "$TOOLS" mkosi --version
