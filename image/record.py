"""The build's records, with the standard library only (runs before the app is installed anywhere).

record.py expected --version V --system-hash H --pcr 11=HEX [--pcr 7=HEX]   expected-pcrs.json on stdout, in the
    format app/platform/tpm.py reads (`load_expected`; a test checks that it reads this output)
record.py record --out DIR --cache DIR --wheels FILE --version V --commit C --system-hash H --pcr11 HEX --seconds N
    build-record.json on stdout: every Debian package with its version and the SHA-256 of its .deb, every wheel
    with its SHA-256, the image's and the UKI's SHA-256, the system hash and the expected PCR 11
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

FORMAT = "tabula-expected-pcrs/1"


def expected(args: argparse.Namespace) -> None:
    pcrs = {}
    for item in args.pcr:
        index, _, value = item.partition("=")
        if not (index.isdigit() and 0 <= int(index) < 24 and len(bytes.fromhex(value)) == 32):
            sys.exit(f"--pcr {item}: want INDEX=64 hex digits")
        pcrs[str(int(index))] = value.lower()
    raw = {
        "format": FORMAT,
        "bank": "sha256",
        "pcrs": dict(sorted(pcrs.items(), key=lambda item: int(item[0]))),
        "software_version": args.version,
        "system_hash": args.system_hash.lower(),
    }
    sys.stdout.write(json.dumps(raw, sort_keys=True, indent=2) + "\n")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record(args: argparse.Namespace) -> None:
    out = Path(args.out)
    packages = {}
    manifest = json.loads((out / "tabula.manifest").read_text())
    for package in manifest["packages"]:
        packages[package["name"]] = {
            "version": package["version"],
            "architecture": package["architecture"],
            "deb_sha256": None,
        }
    for deb in Path(args.cache).rglob("*.deb"):
        name, version, _arch = deb.stem.split("_")
        version = version.replace("%3a", ":")
        if name in packages and packages[name]["version"] == version:
            packages[name]["deb_sha256"] = sha256(deb)
    wheels = {}
    for line in Path(args.wheels).read_text().splitlines():
        digest, name = line.split()
        wheels[name.removeprefix("./")] = digest
    raw = {
        "software_version": args.version,
        "commit": args.commit,
        "system_hash": args.system_hash,
        "expected_pcr11": args.pcr11,
        "build_seconds": args.seconds,
        "image_sha256": sha256(out / "tabula.raw"),
        "uki_sha256": sha256(out / "tabula.efi"),
        "wheels": wheels,
        "debian_packages": packages,
        "packages_without_deb_hash": sorted(n for n, p in packages.items() if p["deb_sha256"] is None),
    }
    sys.stdout.write(json.dumps(raw, sort_keys=True, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("expected")
    exp.add_argument("--version", required=True)
    exp.add_argument("--system-hash", required=True)
    exp.add_argument("--pcr", action="append", default=[])
    rec = sub.add_parser("record")
    for name in ("out", "cache", "wheels", "version", "commit", "system-hash", "pcr11", "seconds"):
        rec.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    expected(args) if args.command == "expected" else record(args)


if __name__ == "__main__":
    main()
