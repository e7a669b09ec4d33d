#!/usr/bin/env python3
"""Audit the locked dependencies (X4, M3) and say plainly what could not be audited.

1. pip-audit (if `--pip-audit PATH` is given) against requirements.lock: where its vulnerability database is
   reachable this is the audit. It exits 0 even when it audited nothing ("Dependency not found on PyPI and could not
   be audited" for every package, as on a network that answers PyPI's per-version JSON with 404): so its skip list
   is counted here, and a package it skipped is not audited.
2. For the packages pip-audit skipped: PyPI's un-versioned JSON (`/pypi/<name>/json`), whose `vulnerabilities`
   concern the latest release only, audits a package whose pinned version IS the latest; any other stays
   "not audited (pinned X, latest Y)".

Prints one line per package; exit 0 when every package was audited and none has a known vulnerability, 1 when one
has, 3 when some could not be audited (a result that must not be read as "no vulnerabilities").
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess  # nosec B404  # runs pip-audit, a tool the caller names
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^ \\]+)", re.MULTILINE)


def pins(lock: Path) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(lock.read_text("utf-8"))}


def pip_audit(tool: str, lock: Path) -> tuple[dict[str, list[str]], set[str]]:
    """(vulnerabilities by package, packages pip-audit skipped)."""
    run = subprocess.run(  # noqa: S603  # nosec B603
        [tool, "-r", str(lock), "--require-hashes", "--disable-pip", "--progress-spinner", "off", "-f", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        report = json.loads(run.stdout)
    except ValueError:
        return {}, set()
    found: dict[str, list[str]] = {}
    skipped: set[str] = set()
    for dependency in report.get("dependencies", []):
        name = dependency["name"].lower().replace("_", "-")
        if "skip_reason" in dependency:
            skipped.add(name)
        else:
            found[name] = [v["id"] for v in dependency.get("vulns", [])]
    return found, skipped


def latest_only(name: str, version: str) -> tuple[str, list[str]]:
    """('audited' | 'not audited (...)', vulnerability ids) from PyPI's un-versioned JSON."""
    try:
        url = f"https://pypi.org/pypi/{name}/json"  # fixed scheme and host: the name comes from our own lock
        with urllib.request.urlopen(url, timeout=30) as response:  # nosec B310
            data = json.load(response)
    except (OSError, ValueError) as error:
        return f"not audited ({type(error).__name__})", []
    latest = data.get("info", {}).get("version")
    if latest != version:
        return f"not audited (pinned {version}, latest {latest})", []
    return "audited (latest release)", [v.get("id", "?") for v in data.get("vulnerabilities", [])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--pip-audit", help="the pip-audit executable (e.g. from a separate tool venv)")
    args = parser.parse_args()
    locked = pins(args.lock)
    found, skipped = pip_audit(args.pip_audit, args.lock) if args.pip_audit else ({}, set(locked))
    status = 0
    counts = {"pip-audit": 0, "latest": 0, "not audited": 0, "vulnerable": 0}
    for name, version in sorted(locked.items()):
        if name in found and name not in skipped:
            how, vulns = "audited (pip-audit)", found[name]
            counts["pip-audit"] += 1
        else:
            how, vulns = latest_only(name, version)
            counts["latest" if how.startswith("audited") else "not audited"] += 1
        if vulns:
            counts["vulnerable"] += 1
            status = 1
        elif how.startswith("not audited") and status == 0:
            status = 3
        verdict = ", ".join(vulns) if vulns else "no known vulnerability" if how.startswith("audited") else "-"
        print(f"{name}=={version}: {how}; {verdict}")
    print(f"summary: {len(locked)} packages; audited by pip-audit {counts['pip-audit']}, by PyPI (latest release) "
          f"{counts['latest']}, NOT audited {counts['not audited']}; with a known vulnerability {counts['vulnerable']}")
    return status


if __name__ == "__main__":
    sys.exit(main())
