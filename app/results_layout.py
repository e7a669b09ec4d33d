"""The files of a bureau's results folder and the hashes over them: printed in the PV, named in the security log
(contract; docs/results.md)."""

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


def files_listing(files: Mapping[str, bytes]) -> tuple[tuple[str, str], ...]:
    """(name, SHA-256 in hex) of every file, sorted by name: the lines `sha256sum` prints for them."""
    return tuple((name, hashlib.sha256(data).hexdigest()) for name, data in sorted(files.items()))


def files_digest(files: Mapping[str, bytes]) -> str:
    """SHA-256 over the lines `<sha256>  <name>\\n` of `files`, sorted by name (the `sha256sum` format), so anyone
    can recompute it from the files on the stick: `sha256sum <files> | sha256sum` (names sorted as bytes)."""
    listing = "".join(f"{digest}  {name}\n" for name, digest in files_listing(files))
    return hashlib.sha256(listing.encode("ascii")).hexdigest()


def covered_by_pv(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The files whose hash the PV prints (O4): every result file but the PV itself, the security log included
    (manifest.json and its signature come after the PV and cover it). A foreign file is not a result file: it is
    reported as such, not folded into this hash."""
    return {name: data for name, data in files.items() if name in RESULT_FILES and name != PV_FILE}


def eml_files(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The EML messages of the results: what the security log names in its last `results.built` record (the log
    cannot name its own hash, and the PV comes after the log)."""
    return {name: data for name, data in files.items() if name.endswith(".xml")}
