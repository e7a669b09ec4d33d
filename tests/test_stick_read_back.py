"""The read-back after writing compares every byte read from the device with what was meant to be written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app import stick
from app.errors import StorageError

STATION = "A-001"
FILES = {"votes-460.xml": b"<EML Id='460'>" + b"x" * 5000 + b"</EML>", "pv.pdf": b"%PDF " * 100}

Change = Callable[[bytes], bytes]
CHANGES: dict[str, Change] = {
    "last byte flipped": lambda data: data[:-1] + bytes([data[-1] ^ 1]),
    "one byte short": lambda data: data[:-1],
    "one byte more": lambda data: data + b"\n",
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_read_back_that_differs_anywhere_is_a_failed_write_and_the_stick_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Change
) -> None:
    real_read = os.read
    changed: set[int] = set()

    def read(fd: int, size: int) -> bytes:  # the device hands back other bytes for the 460, once per read-back
        data = real_read(fd, size)
        if data.startswith(b"<EML") and fd not in changed:
            changed.add(fd)
            return change(data)
        return data

    monkeypatch.setattr(os, "read", read)
    with pytest.raises(StorageError) as caught:
        stick.write_results(tmp_path, STATION, FILES)
    assert caught.value.key == "stick.verify_failed"
    assert list((tmp_path / stick.RESULTS_FOLDER).iterdir()) == []


def test_a_read_back_of_the_same_bytes_passes_and_the_receipt_names_every_hash(tmp_path: Path) -> None:
    receipt = stick.write_results(tmp_path, STATION, FILES)
    assert receipt.hashes == {name: stick.sha256_hex(data) for name, data in FILES.items()}
    assert stick.read_results(tmp_path, STATION) == FILES
