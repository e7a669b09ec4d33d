"""The security log: a hash chain closed by a signed seal, so an edited or removed line is detected (X1, O6)."""

from __future__ import annotations

import base64
import datetime as dt
import errno
import json
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from app import seclog
from app.errors import BadInput, Fixer, UntrustedData
from app.i18n import LANGUAGES, catalogue
from app.seclog import EventType, SecurityLog, Severity, verify_log
from app.signing import pki
from tests import conftest

T0 = dt.datetime(2026, 5, 1, 18, 4, 5, 123456, tzinfo=dt.UTC)
STATION = "A-001"


class StepClock:
    """A clock that moves one second per reading."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


def new_log(path: Path) -> SecurityLog:
    return SecurityLog(path, system="tabula-test", clock=StepClock())


def session(tmp_path: Path, test_pki: conftest.TestPki) -> bytes:
    """A small sealed session log: 5 lines, the last the seal."""
    log = new_log(tmp_path / "security-log.jsonl")
    log.record(EventType.STICK_INSERTED, "-")
    log.record(EventType.LOGIN_FAILED, STATION, {"attempt": 1})
    log.record(EventType.LOGIN_SUCCEEDED, STATION)
    log.record(EventType.PASS_STARTED, f"{STATION}/operator-1", {"pass": 1})
    return log.sealed_export(test_pki.signer(STATION), STATION)


def lines_of(data: bytes) -> list[bytes]:
    return data.splitlines()


def joined(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def rehashed(document: dict[str, object], prev: str | None = None) -> bytes:
    """A line after its content was changed and its hash recomputed, as a forger would do."""
    if prev is not None:
        document["prev"] = prev
    content = {k: v for k, v in document.items() if k not in {"hash", "signature"}}
    document["hash"] = seclog.content_hash(content)
    return seclog.canonical_json(document)


def rechained(lines: list[bytes]) -> list[bytes]:
    """Every line's prev and hash recomputed: a consistent chain that only the seal can expose."""
    out, prev = [], seclog.GENESIS
    for seq, line in enumerate(lines):
        document = json.loads(line)
        document["seq"] = seq
        out.append(rehashed(document, prev))
        prev = json.loads(out[-1])["hash"]
    return out


# --- a log that is intact -----------------------------------------------------------------------------------------


def test_an_intact_sealed_log_verifies(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    data = session(tmp_path, test_pki)
    assert verify_log(data, test_pki.signer(STATION).certificate) == []
    assert verify_log(data, None) == []
    assert verify_log(data.rstrip(b"\n"), None) == []  # the last newline is optional


def test_a_record_has_every_field_x1_asks_for(tmp_path: Path) -> None:
    log = new_log(tmp_path / "log.jsonl")
    record = log.record(EventType.LOGIN_FAILED, STATION, {"attempt": 2}, time=T0)
    document = json.loads(log.export())
    assert document == {
        "seq": 0,
        "time": "2026-05-01T18:04:05.123Z",
        "system": "tabula-test",
        "user": STATION,
        "severity": "warning",
        "event": "login.failed",
        "detail": {"attempt": 2},
        "prev": seclog.GENESIS,
        "hash": record.hash,
    }
    assert record.severity is Severity.WARNING
    assert log.export() == record.line()


def test_the_clock_gives_the_time_when_none_is_passed(tmp_path: Path) -> None:
    log = new_log(tmp_path / "log.jsonl")
    assert log.record(EventType.LOGOUT, STATION).time == "2026-05-01T18:04:06.123Z"


def test_times_are_utc_with_a_z() -> None:
    brussels = dt.timezone(dt.timedelta(hours=2))
    assert seclog.format_time(dt.datetime(2026, 5, 1, 20, 0, tzinfo=brussels)) == "2026-05-01T18:00:00.000Z"
    with pytest.raises(ValueError):
        seclog.format_time(dt.datetime(2026, 5, 1, 20, 0))


def test_the_system_name_defaults_to_the_host_name(tmp_path: Path) -> None:
    assert SecurityLog(tmp_path / "log.jsonl").system == socket.gethostname()


def test_the_default_clock_is_utc() -> None:
    assert seclog.utc_now().tzinfo is dt.UTC


def test_details_must_be_plain_values(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        new_log(tmp_path / "log.jsonl").record(EventType.CONFIG_LOADED, STATION, {"ratio": 0.5})  # type: ignore[dict-item]


def test_an_exception_is_logged_by_type_and_key(tmp_path: Path) -> None:
    log = new_log(tmp_path / "log.jsonl")
    ours = log.record_exception(BadInput("ballot.unknown_mark", mark="9/1"), STATION, where="entry")
    theirs = log.record_exception(ZeroDivisionError("x"), STATION)
    assert ours.detail == {"type": "BadInput", "where": "entry", "key": "ballot.unknown_mark"}
    assert theirs.detail == {"type": "ZeroDivisionError", "where": ""}
    assert ours.severity is Severity.ERROR


def test_the_seal_signature_is_over_the_seal_hash(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    signer = test_pki.signer(STATION)
    seal = new_log(tmp_path / "log.jsonl").seal(signer, STATION)
    assert seal.signature is not None
    pki.verify_bytes(signer.certificate, base64.b64decode(seal.signature), seal.hash.encode("ascii"))
    assert seal.detail["certificate_sha256"] == seclog.certificate_fingerprint(signer.certificate)


# --- resuming after a restart -------------------------------------------------------------------------------------


def test_a_reopened_log_continues_its_chain(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    path = tmp_path / "log.jsonl"
    new_log(path).record(EventType.LOGIN_SUCCEEDED, STATION)
    reopened = new_log(path)
    assert reopened.record(EventType.LOGOUT, STATION).seq == 1
    assert verify_log(reopened.sealed_export(test_pki.signer(STATION), STATION), None) == []


def test_a_line_torn_by_a_power_cut_is_dropped_and_said(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    path = tmp_path / "log.jsonl"
    new_log(path).record(EventType.LOGIN_SUCCEEDED, STATION)
    with path.open("ab") as file:
        file.write(b'{"detail":{},"ev')
    log = new_log(path)
    data = log.sealed_export(test_pki.signer(STATION), STATION)
    recovered = json.loads(lines_of(data)[1])
    assert (recovered["event"], recovered["detail"]) == ("log.recovered", {"dropped_bytes": 16})
    assert verify_log(data, test_pki.signer(STATION).certificate) == []


def test_an_empty_log_file_starts_a_new_chain(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"")
    assert new_log(path).record(EventType.LOGOUT, STATION).prev == seclog.GENESIS


def test_a_log_whose_last_line_is_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"garbage\n")
    with pytest.raises(UntrustedData) as caught:
        new_log(path)
    assert caught.value.key == "seclog.corrupt"


def test_a_failing_disk_is_a_helpdesk_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = new_log(tmp_path / "log.jsonl")

    def fail(*args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "write", fail)
    with pytest.raises(seclog.LogStorageError) as caught:
        log.record(EventType.LOGOUT, STATION)
    assert caught.value.fixer is Fixer.HELPDESK
    assert caught.value.key == "seclog.write_failed"


def test_an_unreadable_log_is_a_helpdesk_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "log.jsonl"
    log = new_log(path)
    log.record(EventType.LOGOUT, STATION)

    def fail(self: Path) -> bytes:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(seclog.LogStorageError):
        new_log(path)
    with pytest.raises(seclog.LogStorageError):
        log.export()


def test_a_log_not_yet_written_exports_nothing(tmp_path: Path) -> None:
    assert new_log(tmp_path / "log.jsonl").export() == b""


# --- tampering: one row per case ----------------------------------------------------------------------------------


def _edit_detail(lines: list[bytes]) -> list[bytes]:
    document = json.loads(lines[1])
    document["detail"] = {"attempt": 0}
    return [lines[0], seclog.canonical_json(document), *lines[2:]]


def _edit_and_rehash(lines: list[bytes]) -> list[bytes]:
    document = json.loads(lines[1])
    document["user"] = "B-002"
    return [lines[0], rehashed(document), *lines[2:]]


def _reformat(lines: list[bytes]) -> list[bytes]:
    return [lines[0], json.dumps(json.loads(lines[1]), indent=1).replace("\n", "").encode(), *lines[2:]]


def _remove_second(lines: list[bytes]) -> list[bytes]:
    return [lines[0], *lines[2:]]


def _remove_first(lines: list[bytes]) -> list[bytes]:
    return lines[1:]


def _remove_before_seal(lines: list[bytes]) -> list[bytes]:
    return [*lines[:-2], lines[-1]]


def _insert_copy(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[1], lines[1], *lines[2:]]


def _swap(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[2], lines[1], *lines[3:]]


def _not_json(lines: list[bytes]) -> list[bytes]:
    return [lines[0], b"not a record", *lines[2:]]


def _cut_seal(lines: list[bytes]) -> list[bytes]:
    return lines[:-1]


def _rechain_after_edit(lines: list[bytes]) -> list[bytes]:
    return rechained(_edit_detail(lines))


def _rechain_after_removal(lines: list[bytes]) -> list[bytes]:
    return rechained(_remove_second(lines))


def _strip_signature(lines: list[bytes]) -> list[bytes]:
    document = json.loads(lines[-1])
    del document["signature"]
    return [*lines[:-1], seclog.canonical_json(document)]


def _garble_signature(lines: list[bytes]) -> list[bytes]:
    document = json.loads(lines[-1])
    document["signature"] = "not base64!"
    return [*lines[:-1], seclog.canonical_json(document)]


TAMPERING: list[tuple[str, Callable[[list[bytes]], list[bytes]], str]] = [
    ("edited line", _edit_detail, "line 2: edited"),
    ("edited line, hash recomputed", _edit_and_rehash, "line 3: does not follow line 2"),
    ("reformatted line", _reformat, "line 2: edited"),
    ("removed line", _remove_second, "line 2: does not follow line 1"),
    ("removed first line", _remove_first, "line 1: does not follow the start of the log"),
    ("removed last event", _remove_before_seal, "line 4: does not follow line 3"),
    ("inserted line", _insert_copy, "line 3: does not follow line 2"),
    ("reordered lines", _swap, "line 2: does not follow line 1"),
    ("garbage line", _not_json, "line 2: not a log record"),
    ("seal cut off", _cut_seal, "line 4: the log does not end with a seal"),
    ("edit, whole chain rebuilt", _rechain_after_edit, "line 5: the seal's signature does not verify"),
    ("removal, whole chain rebuilt", _rechain_after_removal, "line 4: the seal's signature does not verify"),
    ("signature removed", _strip_signature, "line 5: the seal's signature does not verify"),
    ("signature garbled", _garble_signature, "line 5: the seal's signature does not verify"),
]


@pytest.mark.parametrize(("case", "tamper", "expected"), TAMPERING, ids=[row[0] for row in TAMPERING])
def test_tampering_is_detected_naming_the_line(
    tmp_path: Path, test_pki: conftest.TestPki, case: str, tamper: Callable[[list[bytes]], list[bytes]], expected: str
) -> None:
    tampered = joined(tamper(lines_of(session(tmp_path, test_pki))))
    problems = verify_log(tampered, test_pki.signer(STATION).certificate)
    assert any(problem.startswith(expected) for problem in problems), (case, problems)


def test_a_seal_by_another_bureau_does_not_verify(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    problems = verify_log(session(tmp_path, test_pki), test_pki.signer("B-002").certificate)
    assert problems == ["line 5: the seal's signature does not verify with the certificate"]


def test_without_the_certificate_a_rebuilt_chain_goes_unnoticed(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    # Why the seal matters: the chain alone can be rebuilt by whoever edits the log.
    assert verify_log(joined(_rechain_after_edit(lines_of(session(tmp_path, test_pki)))), None) == []


def test_an_empty_log_is_not_sealed(test_pki: conftest.TestPki) -> None:
    assert verify_log(b"", test_pki.signer(STATION).certificate) == ["the log is empty: it has no seal"]
    assert verify_log(b"", None) == []


# --- the event catalogue ------------------------------------------------------------------------------------------


def test_every_event_type_has_a_severity_and_a_name_in_three_languages() -> None:
    assert set(seclog.EVENTS) == set(EventType)
    for event in EventType:
        texts = catalogue()[seclog.EVENTS[event].key]
        assert all(texts[language].strip() for language in LANGUAGES), event
    assert seclog.event_name(EventType.LOGIN_FAILED, "fr") == "Échec de la connexion"


@pytest.mark.parametrize("key", ["seclog.write_failed", "seclog.corrupt"])
def test_every_log_message_is_in_three_languages(key: str) -> None:
    assert all(catalogue()[key][language].strip() for language in LANGUAGES)


def test_a_seal_with_s_replaced_by_n_minus_s_is_refused(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    """ECDSA (r, n - s) verifies too: only the low form the appliance writes is accepted (one form per byte)."""
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

    from app.signing.ecdsa import _ORDERS

    lines = lines_of(session(tmp_path, test_pki))
    seal = json.loads(lines[-1])
    r, s = decode_dss_signature(base64.b64decode(seal["signature"]))
    seal["signature"] = base64.b64encode(encode_dss_signature(r, _ORDERS["secp256r1"] - s)).decode("ascii")
    forged = joined([*lines[:-1], seclog.canonical_json(seal)])
    assert verify_log(forged, test_pki.signer(STATION).certificate) == [
        f"line {len(lines)}: the seal's signature does not verify with the certificate"
    ]


def test_a_log_line_with_a_number_out_of_range_is_not_a_record(tmp_path: Path, test_pki: conftest.TestPki) -> None:
    lines = lines_of(session(tmp_path, test_pki))
    lines[0] = lines[0].replace(b'"seq":0', b'"seq":1e999')
    problems = verify_log(joined(lines), test_pki.signer(STATION).certificate)
    assert problems[0] == "line 1: not a log record"
