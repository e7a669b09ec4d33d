#!/usr/bin/env bash
# Boot smoke test (not in CI: minutes under emulation). Boots a built image in QEMU with TCG (KVM hangs in these VMs),
# OVMF with Secure Boot in setup mode (systemd-boot enrols the image's keys, then the machine resets into Secure Boot)
# and a fresh swtpm, and times the boot until the kiosk tells systemd it is ready (its login screen is shown).
#
#   image/boot-test.sh [OUT_DIR] [TIMEOUT_S]      (OUT_DIR from image/build.sh --serial-console; default image/out)
#
# Leaves in OUT_DIR/boot-test/: console.log (the serial console), login.png (a screenshot once ready, if ImageMagick's
# convert is there), and prints the seconds from power-on to READY.
set -euo pipefail
OUT=$(cd "${1:-$(dirname "$0")/out}" && pwd)
TIMEOUT=${2:-900}
WORK=$OUT/boot-test
rm -rf "$WORK"; mkdir -p "$WORK/tpm"
for tool in qemu-system-x86_64 swtpm; do
  command -v $tool >/dev/null || { echo "install qemu-system-x86 ovmf swtpm first" >&2; exit 2; }
done
cp --sparse=always "$OUT/tabula.raw" "$WORK/disk.raw"
truncate -s +3G "$WORK/disk.raw"          # free space where the first boot makes the encrypted /var
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$WORK/vars.fd"   # no keys: Secure Boot setup mode

swtpm socket --tpm2 --tpmstate dir="$WORK/tpm" --ctrl type=unixio,path="$WORK/tpm/sock" \
  --flags startup-clear --log file="$WORK/tpm/log" &
SWTPM=$!
trap 'kill $SWTPM 2>/dev/null || true; [[ -n ${QEMU:-} ]] && kill $QEMU 2>/dev/null || true' EXIT
while [[ ! -S $WORK/tpm/sock ]]; do sleep 0.05; done

START=$(date +%s.%N)
qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 3072 \
  -machine q35,smm=on -global driver=cfi.pflash01,property=secure,value=on \
  -drive if=pflash,format=raw,unit=0,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd,readonly=on \
  -drive if=pflash,format=raw,unit=1,file="$WORK/vars.fd" \
  -drive file="$WORK/disk.raw",format=raw,if=virtio \
  -chardev socket,id=chrtpm,path="$WORK/tpm/sock" -tpmdev emulator,id=tpm0,chardev=chrtpm -device tpm-tis,tpmdev=tpm0 \
  -vga std -display none -monitor unix:"$WORK/monitor",server,nowait \
  -nodefaults -serial file:"$WORK/console.log" -nic none &
QEMU=$!

ready=""
while kill -0 $QEMU 2>/dev/null; do
  if grep -q "Started.*Tabula counting-station kiosk" "$WORK/console.log" 2>/dev/null; then
    ready=$(echo "$(date +%s.%N) - $START" | bc); break
  fi
  if (($(date +%s) - ${START%.*} > TIMEOUT)); then break; fi
  sleep 0.5
done
if [[ -n $ready ]]; then
  echo "kiosk ready (login screen shown) after ${ready} s under TCG"
  sleep 5
  python3 - "$WORK/monitor" "$WORK/login.ppm" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); time.sleep(0.2); s.recv(4096)
s.sendall(f"screendump {sys.argv[2]}\n".encode()); time.sleep(2); s.close()
PY
  command -v convert >/dev/null && convert "$WORK/login.ppm" "$WORK/login.png" 2>/dev/null || true
else
  echo "no READY from the kiosk within ${TIMEOUT} s: see $WORK/console.log" >&2
fi
grep -E "Reached target|Failed|tabula|verity|tpm|Secure Boot|enroll" "$WORK/console.log" | tail -40 || true
[[ -n $ready ]]
