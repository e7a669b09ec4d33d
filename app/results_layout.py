"""The files of a bureau's results folder and the hash over them printed in the PV (contract; docs/results.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

VOTES_FILE = "votes-460.xml"
COUNT_FILE = "count-510.xml"
PV_FILE = "pv.pdf"
LOG_FILE = "security-log.jsonl"
# The readings of pass 1 and pass 2, every ballot as entered (contract: names end in -pass1.xml / -pass2.xml).
PASS_FILES: dict[int, str] = {1: "votes-460-pass1.xml", 2: "votes-460-pass2.xml"}
RESULT_FILES = frozenset({VOTES_FILE, COUNT_FILE, PV_FILE, LOG_FILE, *PASS_FILES.values()})  # and manifest.json


def files_digest(files: Mapping[str, bytes]) -> str:
    """SHA-256 over the EML result files, as printed in the PV (O4): over the lines `<sha256>  <name>\\n`,
    sorted by name (the `sha256sum` format), so anyone can recompute it from the files on the stick."""
    eml = sorted((name, data) for name, data in files.items() if name.endswith(".xml"))
    listing = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in eml)
    return hashlib.sha256(listing.encode("ascii")).hexdigest()
