"""Small helpers for durable local and stick I/O, shared by the journal, the security log and the stick writer."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path


def utc_now() -> dt.datetime:
    """The one clock of the shell (the core never reads the clock)."""
    return dt.datetime.now(dt.UTC)


def fsync_directory(path: Path) -> None:
    """Make a new or renamed entry of `path` survive a power cut.

    FAT/exFAT on some systems cannot fsync a directory (EINVAL): there is nothing more to flush there.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)
