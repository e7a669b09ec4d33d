"""The kiosk's real backend: finding the stick, logging in with the appliance's root, logging failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import BadInput, StorageError, UntrustedData
from app.seclog import SecurityLog
from app.station_login import LoadedStation, LoginThrottle
from app.ui.backend import StickBackend, find_master
from tests.contract_fixtures import PASSWORD, Master, build_test_master


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


def steps() -> tuple[list[str], object]:
    seen: list[str] = []
    return seen, lambda fraction, key: seen.append(key)


def test_login_with_the_right_password_opens_a_session_that_resumes(master: Master, tmp_path: Path) -> None:
    stick = master.stick(tmp_path / "stick")
    backend = StickBackend(stick, master.root_pem, tmp_path / "state")
    seen, progress = steps()
    loaded = backend.login("A-001", PASSWORD.lower().replace("-", " "), progress)  # typed loosely: still accepted
    assert isinstance(loaded, LoadedStation) and loaded.station.id == "A-001"
    assert seen[0] == "auth.step.manifest" and seen[-1] == "auth.step.done"
    session = backend.open_session(loaded)
    assert session.station.id == "A-001"
    assert (tmp_path / "state" / "A-001.journal.sqlite").exists()


def test_wrong_password_is_bad_input_and_logged_then_throttled(master: Master, tmp_path: Path) -> None:
    log = SecurityLog(tmp_path / "kiosk-log.jsonl", system="kiosk")
    backend = StickBackend(master.stick(tmp_path / "stick"), master.root_pem, tmp_path / "state", security_log=log)
    waits: list[float] = []
    backend.throttle = LoginThrottle(sleep=waits.append)  # record the waits instead of sleeping
    _, progress = steps()
    for _ in range(4):
        with pytest.raises(BadInput):
            backend.login("A-001", "WRONG-WRONG-WRONG-WRONG", progress)
    assert len(waits) == 1 and waits[0] > 1  # the third failure makes the fourth attempt wait
    text = (tmp_path / "kiosk-log.jsonl").read_text(encoding="utf-8")
    assert text.count('"login.failed"') == 4 and '"login.throttled"' in text


def test_no_stick_and_no_root_are_told_apart(master: Master, tmp_path: Path) -> None:
    _, progress = steps()
    with pytest.raises(StorageError):
        StickBackend(tmp_path / "empty", master.root_pem, tmp_path / "state").login("A-001", PASSWORD, progress)
    stick = master.stick(tmp_path / "stick")
    with pytest.raises(UntrustedData) as info:
        StickBackend(stick, tmp_path / "no-root.pem", tmp_path / "state").login("A-001", PASSWORD, progress)
    assert info.value.key == "ui.root_missing"


def test_the_master_is_found_under_the_automount_folders(master: Master, tmp_path: Path) -> None:
    mounts = tmp_path / "media"
    (mounts / "root" / "EMPTY").mkdir(parents=True)
    assert find_master((mounts, tmp_path / "missing")) is None
    stick = master.stick(mounts / "root" / "STICK")
    assert find_master((tmp_path / "missing", mounts)) == stick
    backend = StickBackend(None, master.root_pem, tmp_path / "state", mounts=(mounts,))
    assert backend.stick_folder() == stick and backend.throttle_remaining() == 0


def test_the_picker_lists_the_bureaus_of_a_verified_master_only(master: Master, tmp_path: Path) -> None:
    stick = master.stick(tmp_path / "stick")
    backend = StickBackend(stick, master.root_pem, tmp_path / "state")
    listed = backend.bureaus()
    assert listed and [b.station for b in listed] == sorted(b.station for b in listed)
    assert "A-001" in [b.station for b in listed]
    assert StickBackend(stick, tmp_path / "no-root.pem", tmp_path / "state").bureaus() == ()
    assert StickBackend(tmp_path / "empty", master.root_pem, tmp_path / "state").bureaus() == ()
    manifest = stick / "master.json"
    manifest.write_bytes(manifest.read_bytes().replace(b"A-001", b"A-666"))  # a tampered list is not offered
    assert backend.bureaus() == ()
