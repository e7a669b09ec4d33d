"""Bureau passwords (requirement P2): random, unambiguous, readable aloud, and the passwords.csv file."""

from __future__ import annotations

import csv
import io
import math
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from app.signing.bundle import PASSWORD_ALPHABET

GROUPS = 4
GROUP_SIZE = 5
# 20 symbols from a 32-symbol alphabet: 100 bits, above P2's 80, still four short groups to read out or type.
ENTROPY_BITS = GROUPS * GROUP_SIZE * math.log2(len(PASSWORD_ALPHABET))


def new_password() -> str:
    """A fresh password such as `7K2QD-M9XHB-4TVW0-PZ3NE` (hyphens and case are ignored at login)."""
    groups = ("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS))
    return "-".join(groups)


def passwords_csv(rows: Iterable[tuple[str, str]]) -> bytes:
    """The contract's passwords.csv: `station,password`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("station", "password"))
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write_secret(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (passwords, CA keys); never widen the mode of an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, 0o600)
