"""The security log of a session (requirement X1), kept on the appliance and exported with the results (O6).

One JSON object per line (`security-log.jsonl`), in canonical form (keys sorted, no spaces, ASCII):

    {"detail":{...},"event":"login.succeeded","hash":"…","prev":"…","seq":0,"severity":"info",
     "system":"tabula-17","time":"2026-05-01T18:04:05.123Z","user":"A-001"}

`hash` is the SHA-256 (hex) of the canonical JSON of the record without `hash` (and without `signature`), and
`prev` is the `hash` of the line before (64 zeros for the first): a hash chain, so an edited line no longer matches
its hash and a removed, inserted or moved line breaks the chain. A chain alone can be rebuilt by whoever edits it,
so the log ends with a `log.sealed` record whose `signature` (base64) is the bureau key's signature over the ASCII
hex `hash` of that seal record — which covers every line before it. Anyone with the bureau's certificate checks it
(`verify_log`); only the key holder can make it. Lines after the last seal are not protected: export seals first.

The event catalogue (`EVENTS`) is data: each event type has a severity and the message key of its display name.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
import socket
from collections.abc import Callable, Mapping
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from app import safe_json
from app.durable import fsync_directory, utc_now
from app.errors import Fixer, StorageError, TabulaError, UntrustedData
from app.i18n import translate
from app.signing import ecdsa
from app.signing.pki import verify_bytes
from app.signing.signer import Signer

LOG_FILE_NAME = "security-log.jsonl"
GENESIS = "0" * 64  # the `prev` of the first record

Scalar = str | int | bool | None
Detail = Mapping[str, Scalar]
Clock = Callable[[], dt.datetime]


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class EventType(enum.Enum):
    LOGIN_SUCCEEDED = "login.succeeded"
    LOGIN_FAILED = "login.failed"
    LOGIN_THROTTLED = "login.throttled"  # X5: repeated wrong passwords are slowed down and logged
    LOGOUT = "logout"
    EXCEPTION = "exception"
    STICK_INSERTED = "stick.inserted"
    STICK_REMOVED = "stick.removed"
    CONFIG_LOADED = "config.loaded"
    PASS_STARTED = "pass.started"  # an entry pass, not a password  # noqa: S105  # nosec B105
    PASS_FINISHED = "pass.finished"  # noqa: S105  # nosec B105
    DIFFERENCE_DECIDED = "difference.decided"
    BALLOT_OVERRULED = "ballot.overruled"  # C5: a ballot decided against what both passes agreed on, one per ballot
    RESULTS_BUILT = "results.built"  # the control number and files hash, sealed with the log they end
    RESULTS_WRITTEN = "results.written"
    RESULTS_WRITE_FAILED = "results.write_failed"
    REPLAY_STARTED = "replay.started"
    REPLAY_FINISHED = "replay.finished"
    LOG_RECOVERED = "log.recovered"  # a torn last line (power cut mid-write) was dropped on resume
    LOG_SEALED = "log.sealed"
    PLATFORM_MEASURED = "platform.measured"  # X2: software version, system hash, PCRs and mode, at login
    PLATFORM_REFUSED = "platform.refused"  # X2: the signer refused (a modified platform): no results were written
    KIOSK_LOCK = "kiosk.lock"  # the idle lock: detail action "locked" (after how long) or "unlocked" (by whom)


@dataclasses.dataclass(frozen=True)
class EventSpec:
    severity: Severity
    key: str  # message key of the event's display name


def _spec(event: EventType, severity: Severity) -> tuple[EventType, EventSpec]:
    return event, EventSpec(severity, f"seclog.event.{event.value}")


EVENTS: Mapping[EventType, EventSpec] = dict(
    [
        _spec(EventType.LOGIN_SUCCEEDED, Severity.INFO),
        _spec(EventType.LOGIN_FAILED, Severity.WARNING),
        _spec(EventType.LOGIN_THROTTLED, Severity.WARNING),
        _spec(EventType.LOGOUT, Severity.INFO),
        _spec(EventType.EXCEPTION, Severity.ERROR),
        _spec(EventType.STICK_INSERTED, Severity.INFO),
        _spec(EventType.STICK_REMOVED, Severity.INFO),
        _spec(EventType.CONFIG_LOADED, Severity.INFO),
        _spec(EventType.PASS_STARTED, Severity.INFO),
        _spec(EventType.PASS_FINISHED, Severity.INFO),
        _spec(EventType.DIFFERENCE_DECIDED, Severity.INFO),
        _spec(EventType.BALLOT_OVERRULED, Severity.WARNING),
        _spec(EventType.RESULTS_BUILT, Severity.INFO),
        _spec(EventType.RESULTS_WRITTEN, Severity.INFO),
        _spec(EventType.RESULTS_WRITE_FAILED, Severity.ERROR),
        _spec(EventType.REPLAY_STARTED, Severity.INFO),
        _spec(EventType.REPLAY_FINISHED, Severity.INFO),
        _spec(EventType.LOG_RECOVERED, Severity.WARNING),
        _spec(EventType.LOG_SEALED, Severity.INFO),
        _spec(EventType.PLATFORM_MEASURED, Severity.INFO),
        _spec(EventType.PLATFORM_REFUSED, Severity.ERROR),
        _spec(EventType.KIOSK_LOCK, Severity.INFO),
    ]
)


def event_name(event: EventType, language: str) -> str:
    """The display name of an event type in `language`."""
    return translate(EVENTS[event].key, language)


class LogStorageError(StorageError):
    """The appliance's own disk refused the security log: not something the bureau can fix."""

    fixer = Fixer.HELPDESK


# --- the pure core: records, hashes, verification -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Record:
    """One line of the log."""

    seq: int
    time: str
    system: str
    user: str
    event: EventType
    detail: Detail = dataclasses.field(default_factory=dict)
    prev: str = GENESIS
    hash: str = ""
    signature: str | None = None

    @property
    def severity(self) -> Severity:
        return EVENTS[self.event].severity

    def content(self) -> dict[str, object]:
        """The hashed fields."""
        return {
            "seq": self.seq,
            "time": self.time,
            "system": self.system,
            "user": self.user,
            "severity": self.severity.value,
            "event": self.event.value,
            "detail": dict(self.detail),
            "prev": self.prev,
        }

    def line(self) -> bytes:
        """The record as one canonical JSON line, newline included."""
        document = {**self.content(), "hash": self.hash}
        if self.signature is not None:
            document["signature"] = self.signature
        return canonical_json(document) + b"\n"


def canonical_json(document: Mapping[str, object]) -> bytes:
    """Keys sorted, no whitespace, ASCII only: the same content always gives the same bytes."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode()


def content_hash(content: Mapping[str, object]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def format_time(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with a `Z`, to the millisecond; a time without a zone is a programming error."""
    if moment.tzinfo is None:
        raise ValueError("the security log needs an aware datetime")
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _checked_detail(detail: Detail) -> dict[str, Scalar]:
    for key, value in detail.items():
        # floats are refused: their text form is not canonical across tools
        if not isinstance(key, str) or not (value is None or isinstance(value, str | int | bool)):
            raise TypeError(f"security log detail {key!r} must be str, int, bool or None")
    return dict(detail)


def make_record(
    *, seq: int, prev: str, time: dt.datetime, system: str, user: str, event: EventType, detail: Detail
) -> Record:
    """The next record of a chain, its hash filled in."""
    record = Record(seq, format_time(time), system, user, event, _checked_detail(detail), prev)
    return dataclasses.replace(record, hash=content_hash(record.content()))


def seal_message(record_hash: str) -> bytes:
    """What the seal's signature is over: the ASCII hex hash of the seal record."""
    return record_hash.encode("ascii")


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def make_seal(*, seq: int, prev: str, time: dt.datetime, system: str, user: str, signer: Signer) -> Record:
    """A seal record closing the chain so far, signed by the bureau key."""
    detail: dict[str, Scalar] = {"certificate_sha256": certificate_fingerprint(signer.certificate), "records": seq}
    record = make_record(
        seq=seq, prev=prev, time=time, system=system, user=user, event=EventType.LOG_SEALED, detail=detail
    )
    signature = base64.b64encode(ecdsa.sign(signer, seal_message(record.hash))).decode("ascii")
    return dataclasses.replace(record, signature=signature)


def _parse_line(raw: bytes) -> dict[str, object] | None:
    try:
        document = safe_json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _seal_problem(
    number: int, document: Mapping[str, object], digest: str, certificate: x509.Certificate
) -> str | None:
    signature = document.get("signature")
    try:
        if not isinstance(signature, str):
            raise ValueError("no signature")
        value = base64.b64decode(signature, validate=True)
        verify_bytes(certificate, value, seal_message(digest))
        if not ecdsa.is_low_der(certificate.public_key(), value):  # (r, n - s) verifies too: one form only
            raise ValueError("not the canonical form of the signature")
    except (ValueError, binascii.Error, UntrustedData):
        return LogProblem(
            f"line {number}: the seal's signature does not verify with the certificate",
            "seclog.problem.bad_seal",
            line=number,
        )
    return None


class LogProblem(str):
    """A problem of a log: its English text (for logs and tests), and a message key with parameters so that
    `tabula verify` can say it in the reader's language."""

    key: str
    params: dict[str, object]

    def __new__(cls, text: str, key: str, **params: object) -> LogProblem:
        problem = super().__new__(cls, text)
        problem.key, problem.params = key, params
        return problem


def _line_problems(number: int, raw: bytes, document: dict[str, object], prev: str, seq: int) -> list[str]:
    problems: list[str] = []
    content = {k: v for k, v in document.items() if k not in {"hash", "signature"}}
    if document.get("hash") != content_hash(content):
        problems.append(
            LogProblem(
                f"line {number}: edited (its content does not match its hash)", "seclog.problem.edited", line=number
            )
        )
    elif raw != canonical_json(document):
        problems.append(
            LogProblem(
                f"line {number}: edited (not in the form it was written in)", "seclog.problem.edited", line=number
            )
        )
    if document.get("prev") != prev or document.get("seq") != seq:
        where = "the start of the log" if number == 1 else f"line {number - 1}"
        problems.append(
            LogProblem(
                f"line {number}: does not follow {where} (a line was removed, inserted or moved)",
                "seclog.problem.out_of_order",
                line=number,
            )
        )
    return problems


def verify_log(lines: bytes, certificate: x509.Certificate | None) -> list[str]:
    """Problems with a security log, empty when it is intact; each names the line at fault (1-based).

    Detects an edited line, a removed, inserted or moved line, and — with the bureau's certificate — a seal whose
    signature does not verify or a log that does not end with a seal (its end cut off or lines added after it).
    Without a certificate only the chain is checked, which whoever edits the log can rebuild.
    """
    problems: list[str] = []
    prev, seq, last_event = GENESIS, 0, None
    raw_lines = lines.split(b"\n")
    if raw_lines[-1] == b"":  # the newline ending the last line
        raw_lines.pop()
    for number, raw in enumerate(raw_lines, start=1):
        document = _parse_line(raw)
        if document is None:
            problems.append(LogProblem(f"line {number}: not a log record", "seclog.problem.not_a_record", line=number))
            prev, seq, last_event = "", -1, None
            continue
        problems += _line_problems(number, raw, document, prev, seq)
        digest = content_hash({k: v for k, v in document.items() if k not in {"hash", "signature"}})
        last_event = document.get("event")
        if last_event == EventType.LOG_SEALED.value and certificate is not None:
            problem = _seal_problem(number, document, digest, certificate)
            problems += [problem] if problem else []
        prev = str(document.get("hash"))
        stored_seq = document.get("seq")
        seq = stored_seq + 1 if isinstance(stored_seq, int) else -1
    if certificate is not None and not raw_lines:
        problems.append(LogProblem("the log is empty: it has no seal", "seclog.problem.empty"))
    elif certificate is not None and last_event != EventType.LOG_SEALED.value:
        problems.append(
            LogProblem(
                f"line {len(raw_lines)}: the log does not end with a seal (its end may have been cut off)",
                "seclog.problem.no_final_seal",
                line=len(raw_lines),
            )
        )
    return problems


# --- the imperative shell: a log file on the appliance ------------------------------------------------------------


class SecurityLog:
    """The session's security log, appended to a local JSON-lines file with an fsync per record.

    Opening an existing file continues its chain (after a restart the log goes on where it stood). A last line torn
    by a power cut is dropped and a `log.recovered` record says how many bytes were lost.
    """

    def __init__(self, path: Path, *, system: str | None = None, clock: Clock = utc_now) -> None:
        self.path = path
        self.system = socket.gethostname() if system is None else system
        self._clock = clock
        try:
            dropped = self._drop_torn_tail()
            self._seq, self._prev = self._resume()
        except OSError as exc:
            raise LogStorageError("seclog.write_failed") from exc
        if dropped:
            self.record(EventType.LOG_RECOVERED, "-", {"dropped_bytes": dropped})

    def _drop_torn_tail(self) -> int:
        if not self.path.exists():
            return 0
        data = self.path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep == len(data):
            return 0
        os.truncate(self.path, keep)
        return len(data) - keep

    def _resume(self) -> tuple[int, str]:
        if not self.path.exists():
            return 0, GENESIS
        data = self.path.read_bytes()
        if not data:
            return 0, GENESIS
        document = _parse_line(data.rstrip(b"\n").rsplit(b"\n", 1)[-1])
        seq, digest = (document or {}).get("seq"), (document or {}).get("hash")
        if not isinstance(seq, int) or not isinstance(digest, str):
            raise UntrustedData("seclog.corrupt")
        return seq + 1, digest

    def _append(self, record: Record) -> Record:
        created = not self.path.exists()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, record.line())
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                fsync_directory(self.path.parent)
        except OSError as exc:
            raise LogStorageError("seclog.write_failed") from exc
        self._seq, self._prev = record.seq + 1, record.hash
        return record

    def _time(self, time: dt.datetime | None) -> dt.datetime:
        return self._clock() if time is None else time

    def record(
        self, event: EventType, user: str, detail: Detail | None = None, *, time: dt.datetime | None = None
    ) -> Record:
        """Append one event, durably, and return it. `user` is the station id and/or operator ("-" if none)."""
        record = make_record(
            seq=self._seq,
            prev=self._prev,
            time=self._time(time),
            system=self.system,
            user=user,
            event=event,
            detail=detail or {},
        )
        return self._append(record)

    def record_exception(self, error: BaseException, user: str, *, where: str = "") -> Record:
        """An exception, by type and message key when it is one of ours (never its stack or free text)."""
        detail: dict[str, Scalar] = {"type": type(error).__name__, "where": where}
        if isinstance(error, TabulaError):
            detail["key"] = error.key
        return self.record(EventType.EXCEPTION, user, detail)

    def seal(self, signer: Signer, user: str, *, time: dt.datetime | None = None) -> Record:
        """Append a seal signed with the bureau key: everything logged so far can no longer change unseen."""
        record = make_seal(
            seq=self._seq, prev=self._prev, time=self._time(time), system=self.system, user=user, signer=signer
        )
        return self._append(record)

    def export(self) -> bytes:
        """The log as it stands, for the stick (seal it first)."""
        try:
            return self.path.read_bytes() if self.path.exists() else b""
        except OSError as exc:
            raise LogStorageError("seclog.write_failed") from exc

    def sealed_export(self, signer: Signer, user: str, *, time: dt.datetime | None = None) -> bytes:
        """Seal, then export: what `write_results` gets as `security-log.jsonl`."""
        self.seal(signer, user, time=time)
        return self.export()
