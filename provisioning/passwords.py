"""Bureau passwords (requirement P2): random, unambiguous, readable aloud, and the passwords.csv file."""

from __future__ import annotations

import contextlib
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
    """Write a file only its owner can read (passwords, letters, CA keys), 0600 from its first byte.

    The bytes go into a new file created 0600 (O_EXCL: never an existing file, whose wider mode O_CREAT would keep)
    beside `path`, which then replaces `path` in one rename: no moment when a secret sits in a readable file, and
    no chmod afterwards. A failure removes the new file and leaves `path` as it was."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
