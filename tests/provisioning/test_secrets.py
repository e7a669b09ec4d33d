"""Files with a password or a key (issue 9): 0600 from their first byte, whatever the umask, never by a chmod after,
and an older file with a wider mode is replaced, not reused."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from app.counting.model import ElectionCode, Language, Station, StationId
from provisioning import letters, passwords


@pytest.fixture
def open_umask() -> Any:
    old = os.umask(0)  # the most careless setting: everything readable by everyone
    yield
    os.umask(old)


def test_a_secret_is_created_0600_and_never_chmodded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    created: list[tuple[str, int, int]] = []
    real_open = os.open

    def spy(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        created.append((str(path), flags, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    def no_chmod(*args: object, **kwargs: object) -> None:
        raise AssertionError("a secret must be created with its mode, not chmodded after")

    monkeypatch.setattr(os, "open", spy)
    monkeypatch.setattr(os, "chmod", no_chmod)
    passwords.write_secret(tmp_path / "passwords.csv", b"station,password\nA-001,SECRET\n")
    ((_name, flags, mode),) = created
    assert mode == 0o600 and flags & os.O_CREAT and flags & os.O_EXCL  # a new file, with the mode, from byte one
    assert stat.S_IMODE((tmp_path / "passwords.csv").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passwords.csv"]


def test_an_older_readable_file_is_replaced_not_reused(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "passwords.csv"
    path.write_bytes(b"old")
    path.chmod(0o644)
    passwords.write_secret(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_write_leaves_no_half_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        passwords.write_secret(tmp_path / "passwords.csv", b"secret")
    assert list(tmp_path.iterdir()) == []


def test_password_letters_are_written_0600(tmp_path: Path, open_umask: None) -> None:
    station = Station(StationId("A-001"), "Telbureau 1", ElectionCode.CK, "Antwerpen", Language.NL)
    letters.write_letters(tmp_path / "letters.pdf", [(station, "7K2QD-M9XHB-4TVW0-PZ3NE")])
    path = tmp_path / "letters.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
