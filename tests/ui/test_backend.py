"""The kiosk's real backend: finding the stick, logging in with the appliance's root, logging failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import BadInput, StorageError, UntrustedData
from app.i18n import describe_error
from app.seclog import SecurityLog
from app.station_login import LoadedStation, LoginThrottle
from app.ui import backend as backend_module
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


# --- a damaged or foreign stick, at login or inserted while the kiosk runs ----------------------------------------


@pytest.fixture(scope="module")
def other_master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    """A master made under another root: another authority's, or a training set."""
    return build_test_master(tmp_path_factory.mktemp("other"))


def _flip(path: Path, position: int) -> None:
    data = bytearray(path.read_bytes())
    data[position] ^= 0x01
    path.write_bytes(bytes(data))


def _refusals(log_path: Path) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line.get("event") == "stick.inserted"]


@pytest.mark.parametrize(
    ("damage", "key", "file"),
    [
        (lambda stick: _flip(stick / "issuing.pem", 400), "master.damaged", "issuing.pem"),
        (lambda stick: _flip(stick / "master.json", 200), "master.damaged", "master.json"),
        (lambda stick: (stick / "issuing.pem").write_bytes(b"\x00" * 10), "master.damaged", "issuing.pem"),
        (lambda stick: (stick / "master.sig").unlink(), "master.file_missing", "master.sig"),
    ],
    ids=["issuing-byte", "manifest-byte", "issuing-garbage", "signature-missing"],
)
def test_a_damaged_stick_inserted_while_running_is_refused_named_and_logged_once(
    master: Master, tmp_path: Path, damage: Callable[[Path], None], key: str, file: str
) -> None:
    log = SecurityLog(tmp_path / "kiosk-log.jsonl", system="kiosk")
    stick = master.stick(tmp_path / "stick")
    backend = StickBackend(stick, master.root_pem, tmp_path / "state", security_log=log)
    assert backend.bureaus() and backend.stick_problem() is None
    damage(stick)
    for _ in range(3):  # the poll looks again and again: never an exception
        assert backend.bureaus() == ()
    problem = backend.stick_problem()
    assert isinstance(problem, UntrustedData) and (problem.key, problem.params["file"]) == (key, file)
    for language in ("nl", "fr", "de"):
        text = describe_error(problem, language).lower()
        assert "helpdesk" in text and ("kopie" in text or "copie" in text)
    _, progress = steps()
    with pytest.raises(UntrustedData) as caught:  # the login names the same cause, as a message and not a crash
        backend.login("A-001", PASSWORD, progress)
    assert caught.value.key == key
    refusals = _refusals(tmp_path / "kiosk-log.jsonl")
    assert len(refusals) == 1
    detail = refusals[0]["detail"]
    assert isinstance(detail, dict) and (detail["accepted"], detail["problem"], detail["file"]) == (False, key, file)


def test_a_stick_of_another_authority_is_called_foreign(master: Master, other_master: Master, tmp_path: Path) -> None:
    log = SecurityLog(tmp_path / "kiosk-log.jsonl", system="kiosk")
    stick = other_master.stick(tmp_path / "stick")
    backend = StickBackend(stick, master.root_pem, tmp_path / "state", security_log=log)
    assert backend.bureaus() == ()
    problem = backend.stick_problem()
    assert problem is not None and problem.key == "master.foreign"
    assert len(_refusals(tmp_path / "kiosk-log.jsonl")) == 1


def test_whatever_the_stick_parser_raises_the_poll_goes_on(
    master: Master, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> object:
        raise RuntimeError("a parser fault")

    monkeypatch.setattr(backend_module, "open_stick", explode)
    backend = StickBackend(master.stick(tmp_path / "stick"), master.root_pem, tmp_path / "state")
    assert backend.bureaus() == ()
    problem = backend.stick_problem()
    assert problem is not None and problem.key == "master.damaged" and problem.params["cause"] == "RuntimeError"


def test_a_stick_taken_out_clears_the_problem(master: Master, tmp_path: Path) -> None:
    stick = master.stick(tmp_path / "stick")
    backend = StickBackend(stick, master.root_pem, tmp_path / "state")
    (stick / "master.sig").write_bytes(b"")
    assert backend.bureaus() == () and backend.stick_problem() is not None
    (stick / "master.json").unlink()
    assert backend.bureaus() == () and backend.stick_problem() is None


def test_a_stick_that_fails_to_be_read_is_no_stick_for_the_poll(
    master: Master, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = master.stick(tmp_path / "media" / "STICK")
    real_is_file, real_iterdir = Path.is_file, Path.iterdir

    def failing_is_file(self: Path) -> bool:
        if self.parent == stick:
            raise OSError(5, "Input/output error")  # a dying stick
        return real_is_file(self)

    def failing_iterdir(self: Path) -> object:
        if self.name == "LOCKED":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    (tmp_path / "media" / "LOCKED").mkdir()
    monkeypatch.setattr(Path, "is_file", failing_is_file)
    monkeypatch.setattr(Path, "iterdir", failing_iterdir)
    assert StickBackend(stick, master.root_pem, tmp_path / "state").stick_folder() is None
    assert find_master((tmp_path / "media",)) is None
    monkeypatch.setattr(Path, "is_file", real_is_file)
    assert find_master((tmp_path / "media",)) == stick  # a folder it cannot read does not hide the others
