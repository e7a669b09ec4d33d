#!/usr/bin/env bash
# Boot smoke test (not in CI: minutes under emulation). Boots a built image twice in QEMU with TCG (KVM hangs in these
# VMs), OVMF with Secure Boot and one swtpm state kept across both boots, and times each boot until the kiosk tells
# systemd it is ready (its login screen is shown). A USB keyboard and a USB tablet (HID, like a touchscreen) sit on an
# xHCI controller, so usbguard has a USB bus to guard and devices its policy lets through.
#   boot 1: the firmware is in Secure Boot setup mode: systemd-boot enrols the image's keys and resets; then the first
#           boot proper makes the encrypted /var (TPM2 key slot) in the disk's free space.
#   boot 2: an ordinary power-on: Secure Boot enforced, /var unlocked by the TPM. This is the one U2 is about.
#
#   image/boot-test.sh [OUT_DIR] [TIMEOUT_S]      (OUT_DIR from image/build.sh --serial-console; default image/out)
#
# In a --serial-console build the image's self-check (tabula-selfcheck.service) then runs inside the guest: PySide6
# version, network interfaces, firewall, cupsd, ipp-usb, and two print jobs through simulated printers; its lines are
# shown and a FAIL fails the boot.
# Leaves in OUT_DIR/boot-test/: console-1.log and console-2.log (the serial console), login-N.png (a screenshot once
# ready; login-N.ppm if neither ImageMagick nor PIL is there to convert it). Prints the seconds to READY of each boot.
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
SWTPM="" QEMU=""
trap '[[ -n $QEMU ]] && kill $QEMU 2>/dev/null; [[ -n $SWTPM ]] && kill $SWTPM 2>/dev/null; true' EXIT

boot() {  # boot N: power on, wait for READY, take a screenshot, power off
  local n=$1 log=$WORK/console-$1.log ready=""
  rm -f "$WORK/tpm/sock"
  swtpm socket --tpm2 --tpmstate dir="$WORK/tpm" --ctrl type=unixio,path="$WORK/tpm/sock" \
    --flags startup-clear --log file="$WORK/tpm/log-$n" &
  SWTPM=$!
  while [[ ! -S $WORK/tpm/sock ]]; do sleep 0.05; done
  local start; start=$(date +%s.%N)
  qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 3072 \
    -machine q35,smm=on -global driver=cfi.pflash01,property=secure,value=on \
    -drive if=pflash,format=raw,unit=0,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd,readonly=on \
    -drive if=pflash,format=raw,unit=1,file="$WORK/vars.fd" \
    -drive file="$WORK/disk.raw",format=raw,if=virtio \
    -chardev socket,id=chrtpm,path="$WORK/tpm/sock" -tpmdev emulator,id=tpm0,chardev=chrtpm \
    -device tpm-tis,tpmdev=tpm0 -device qemu-xhci -device usb-kbd -device usb-tablet -vga none -device virtio-gpu-pci -display none -monitor unix:"$WORK/monitor-$n",server,nowait \
    -nodefaults -serial file:"$log" -nic none &
  QEMU=$!
  while kill -0 $QEMU 2>/dev/null; do
    if grep -aq "Started.*Tabula counting-station kiosk" "$log" 2>/dev/null; then
      ready=$(python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$start")
      break
    fi
    if (($(date +%s) - ${start%.*} > TIMEOUT)); then break; fi
    sleep 0.5
  done
  if [[ -n $ready ]]; then
    echo "boot $n: kiosk ready (login screen shown) after $ready s under TCG"
    sleep 20   # let the screen settle (llvmpipe under TCG is slow), then take it
    monitor "$WORK/monitor-$n" "screendump $WORK/login-$n.ppm"
    convert "$WORK/login-$n.ppm" "$WORK/login-$n.png" 2>/dev/null ||
      python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).save(sys.argv[2])" \
        "$WORK/login-$n.ppm" "$WORK/login-$n.png" 2>/dev/null || echo "(login-$n.ppm kept: nothing converts it)"
    selfcheck "$log" || ready=""
  else
    echo "boot $n: no READY from the kiosk within $TIMEOUT s: see $log" >&2
  fi
  monitor "$WORK/monitor-$n" "quit"
  wait $QEMU 2>/dev/null || true; QEMU=""
  kill $SWTPM 2>/dev/null || true; wait $SWTPM 2>/dev/null || true; SWTPM=""
  [[ -n $ready ]]
}

selfcheck() {  # selfcheck LOG: in a build with tabula.selfcheck, wait for its verdict and show its lines
  local log=$1 waited=0
  grep -aq "tabula.selfcheck" "$log" || { echo "(no self-check: build with --serial-console)"; return 0; }
  until grep -aqE "selfcheck: verdict (PASS|FAIL)" "$log"; do
    ((waited++ < 600)) || { echo "self-check: no verdict within 600 s" >&2; return 1; }
    sleep 1
  done
  tr -d '\r' < "$log" | grep -aoE "selfcheck: .*" | cut -c1-400 | awk '!seen[$0]++'
  grep -aq "selfcheck: verdict PASS" "$log"
}

monitor() {  # monitor SOCKET COMMAND: one command to QEMU's human monitor
  python3 - "$1" "$2" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1]); time.sleep(0.3); s.recv(4096)
s.sendall(sys.argv[2].encode() + b"\n"); time.sleep(2); s.close()
PY
}

status=0
boot 1 || status=1
boot 2 || status=1
for log in "$WORK"/console-*.log; do
  echo "== $log"
  sed 's/\x1b\[[0-9;=]*[a-zA-Z]//g' "$log" | tr -d '\r' | grep -aE "FAILED|DEPEND|Secure Boot|Enrolling|var\.mount|Cryptography Setup|Tabula" | head -20 || true
done
exit $status
