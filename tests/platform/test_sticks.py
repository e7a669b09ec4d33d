"""Spare sticks: which mounted folder may take the results when the bureau's stick fails, and root.pem beside them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import StorageError
from app.platform.sticks import (
    ROOT_CERT_NAME,
    FakeSpareSticks,
    MountedSpareSticks,
    is_spare,
    write_root_certificate,
)
from app.station_login import MANIFEST_FILE


def test_a_master_stick_the_failed_stick_and_a_read_only_one_are_no_spare(tmp_path: Path) -> None:
    blank, master, locked = tmp_path / "blank", tmp_path / "master", tmp_path / "locked"
    for folder in (blank, master, locked):
        folder.mkdir()
    (master / MANIFEST_FILE).write_text("{}")
    locked.chmod(0o500)
    try:
        assert is_spare(blank)
        assert not is_spare(master)  # the bureau's own stick, or another bureau's master: never
        assert not is_spare(blank, exclude=blank)
        assert os.geteuid() == 0 or not is_spare(locked)
        assert not is_spare(tmp_path / "absent")
    finally:
        locked.chmod(0o700)


def test_the_root_certificate_is_written_whole_at_the_top_of_the_stick(tmp_path: Path) -> None:
    path = write_root_certificate(tmp_path, b"-----BEGIN CERTIFICATE-----\nabc\n")
    assert path == tmp_path / ROOT_CERT_NAME and path.read_bytes().endswith(b"abc\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [ROOT_CERT_NAME]  # no temp file left
    with pytest.raises(StorageError, match=r"spare\.root_failed"):
        write_root_certificate(tmp_path / "pulled", b"x")


def test_only_mount_points_under_the_mount_folders_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    media = tmp_path / "media"
    user = media / "kiosk"
    stick_a, stick_b, master, plain = media / "stick-sdb1", user / "SPARE", media / "stick-sdc1", media / "folder"
    for folder in (stick_a, stick_b, master, plain):
        folder.mkdir(parents=True)
    (master / MANIFEST_FILE).write_text("{}")
    mounted = {stick_a, stick_b, master}
    monkeypatch.setattr("app.platform.sticks.os.path.ismount", lambda p: Path(p) in mounted)
    root = tmp_path / "root.pem"
    root.write_bytes(b"PEM")
    spares = MountedSpareSticks(root, mounts=(media, tmp_path / "run-media"))
    assert set(spares.candidates()) == {stick_a, stick_b, master}
    assert spares.find() == stick_a
    assert spares.find(exclude=stick_a) == stick_b
    spares.add_root_certificate(stick_b)
    assert (stick_b / ROOT_CERT_NAME).read_bytes() == b"PEM"
    root.unlink()
    with pytest.raises(StorageError, match=r"spare\.root_missing"):
        spares.add_root_certificate(stick_b)


def test_the_fake_spare_is_a_folder_or_none(tmp_path: Path) -> None:
    assert FakeSpareSticks(None).find() is None
    spare = FakeSpareSticks(tmp_path, b"PEM")
    assert spare.find() == tmp_path and spare.find(exclude=tmp_path) is None
    spare.add_root_certificate(tmp_path)
    assert (tmp_path / ROOT_CERT_NAME).read_bytes() == b"PEM"


def test_a_spare_pulled_before_or_during_the_write_is_not_called_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick-sdd1"
    stick.mkdir()
    mounted = {stick}
    monkeypatch.setattr("app.platform.sticks.os.path.ismount", lambda p: Path(p) in mounted)
    spares = MountedSpareSticks(tmp_path / "root.pem", mounts=(tmp_path,))
    spares.confirm(stick)
    mounted.clear()  # pulled: the folder it was mounted on stays behind, empty
    with pytest.raises(StorageError, match=r"stick\.removed"):
        spares.confirm(stick)
    fake = FakeSpareSticks(stick)
    fake.confirm(stick)
    with pytest.raises(StorageError, match=r"stick\.removed"):
        FakeSpareSticks(None).confirm(stick)
