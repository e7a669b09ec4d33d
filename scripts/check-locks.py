#!/usr/bin/env python3
"""Where requirements.lock (development, CI) and image/requirements.lock (the appliance) pin a runtime package to
different versions. Prints one line per difference; exit 1 if there is any. The appliance must run what was tested."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^ \\]+)", re.MULTILINE)


def pins(path: Path) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(path.read_text("utf-8"))}


def main() -> int:
    development, appliance = pins(ROOT / "requirements.lock"), pins(ROOT / "image" / "requirements.lock")
    differences = [
        f"{name}: requirements.lock {development.get(name, '-')}, image/requirements.lock {version}"
        for name, version in sorted(appliance.items())
        if development.get(name) != version
    ]
    for line in differences:
        print(line)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
