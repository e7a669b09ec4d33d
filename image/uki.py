"""Helpers the image build runs in the tools chroot (python3-pefile, systemd-measure 254, mtools, sfdisk).

uki.py roothash UKI                 the dm-verity root hash on the UKI's kernel command line (the system hash)
uki.py pcr11 UKI [--phases P]       PCR 11 as systemd-stub 252 and systemd-pcrphase will leave it at the login
uki.py put-on-esp IMAGE FILE...     copy files into /tabula on the image's ESP (no mount: mtools)
"""

import json
import re
import subprocess  # the build chroot's own tools (systemd-measure, sfdisk, mtools), no shell  # nosec B404
import sys
import tempfile
from pathlib import Path

import pefile

# The sections systemd-stub 252 (Debian 12's, which our UKI is built on) measures into PCR 11, in its order. ukify
# 254 adds .uname and .sbat, which that stub does not measure; .pcrsig is never measured.
STUB_252_SECTIONS = ("linux", "osrel", "cmdline", "initrd", "splash", "dtb", "pcrpkey")
ESP_TYPE = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"


def sections(uki: str) -> dict[str, bytes]:
    pe = pefile.PE(uki, fast_load=True)
    found = {}
    for section in pe.sections:
        name = section.Name.rstrip(b"\0").decode("ascii").lstrip(".")
        found[name] = section.get_data()[: section.Misc_VirtualSize]
    return found


def roothash(uki: str) -> str:
    cmdline = sections(uki)["cmdline"].rstrip(b"\0").decode()
    match = re.search(r"(?:^|\s)roothash=([0-9a-f]{64})(?:\s|$)", cmdline)
    if not match:
        sys.exit("no roothash= on the UKI's command line")
    return match.group(1)


def pcr11(uki: str, phases: str) -> str:
    found = sections(uki)
    with tempfile.TemporaryDirectory() as tmp:
        args = []
        for name in STUB_252_SECTIONS:
            if name in found:
                path = Path(tmp) / name
                path.write_bytes(found[name])
                args.append(f"--{name}={path}")
        if phases:
            args.append(f"--phase={phases}")
        out = subprocess.run(  # noqa: S603  # nosec B603
            ["/usr/lib/systemd/systemd-measure", "calculate", "--bank=sha256", "--json=short", *args],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    values = json.loads(out)["sha256"]
    return values[-1]["hash"]  # the last phase given: the state the kiosk runs in


def put_on_esp(image: str, files: list[str]) -> None:
    table = json.loads(subprocess.run(["sfdisk", "-J", image], check=True, capture_output=True, text=True).stdout)  # noqa: S603, S607  # nosec B603 B607
    esp = next(p for p in table["partitiontable"]["partitions"] if p["type"].upper() == ESP_TYPE)
    target = f"{image}@@{esp['start'] * table['partitiontable'].get('sectorsize', 512)}"
    subprocess.run(["mmd", "-D", "s", "-i", target, "::/tabula"], check=False, capture_output=True)  # noqa: S603, S607  # nosec B603 B607
    subprocess.run(["mcopy", "-o", "-i", target, *files, "::/tabula/"], check=True)  # noqa: S603, S607  # nosec B603 B607


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "roothash":
        print(roothash(rest[0]))
    elif command == "pcr11":
        print(pcr11(rest[0], rest[2] if len(rest) > 2 and rest[1] == "--phases" else ""))
    elif command == "put-on-esp":
        put_on_esp(rest[0], rest[1:])
    else:
        sys.exit(__doc__)
