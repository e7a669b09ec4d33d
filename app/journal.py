"""The durable journal of a count (requirement C7): every event is on local storage before the next is accepted.

An append-only table of events in SQLite (WAL, `synchronous=FULL`): `append` first checks the event against the
count (`apply`), then commits it, and only then returns, so a ballot confirmed on screen survives a crash or power
cut. `open_journal` replays the events through `apply`, which restores the exact state the count stood in.

Every row also carries a SHA-256 chained over all previous rows, so a row edited or removed by hand is noticed on
replay; events are JSON with sorted keys, so the same event is always stored as the same text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from app.counting.bureau import BureauRecord
from app.counting.checks import Finding, PollingStationCount, Severity
from app.counting.count import EVENT_TYPES, Count, Event, apply, new_count
from app.counting.double_entry import Decision, Pass
from app.counting.model import (
    Ballot,
    Box,
    Declaration,
    Election,
    InvalidReason,
    ListNumber,
    Mark,
    PileKind,
    Position,
    StationId,
    Status,
)
from app.durable import fsync_directory
from app.errors import StorageError, TabulaError, UntrustedData

FORMAT = "tabula-journal/1"
_GENESIS = "0" * 64  # the digest "before" the first row

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, event TEXT NOT NULL, digest TEXT NOT NULL)",
)


class Journal(Protocol):
    """The port the screens and the CLI use: the current count, and a durable way to move it on."""

    @property
    def count(self) -> Count: ...

    def append(self, event: Event) -> Count: ...


class MemoryJournal:
    """A journal that keeps nothing: for tests and the replay command, where durability is not needed."""

    def __init__(self, election: Election) -> None:
        self._count = new_count(election)
        self.events: list[Event] = []

    @property
    def count(self) -> Count:
        return self._count

    def append(self, event: Event) -> Count:
        self._count = apply(self._count, event)
        self.events.append(event)
        return self._count


class SqliteJournal:
    """The journal on local storage. Use `open_journal`; one process at a time holds it (exclusive lock)."""

    def __init__(self, connection: sqlite3.Connection, count: Count, seq: int, digest: str) -> None:
        self._connection = connection
        self._count = count
        self._seq = seq
        self._digest = digest

    @property
    def count(self) -> Count:
        return self._count

    @property
    def length(self) -> int:
        """The number of events stored."""
        return self._seq

    def append(self, event: Event) -> Count:
        """Apply `event`, store it durably, and only then return the new count.

        A refused event raises its typed error and stores nothing; a failed write raises StorageError and leaves the
        count as it was, so the screen can ask the operator to confirm the ballot again.
        """
        count = apply(self._count, event)
        text = encode_event(event)
        digest = _chain(self._digest, text)
        try:
            with self._connection:  # BEGIN ... COMMIT; the commit returns after the fsync of the WAL
                self._connection.execute(
                    "INSERT INTO events (seq, event, digest) VALUES (?, ?, ?)", (self._seq + 1, text, digest)
                )
        except sqlite3.Error as error:
            raise StorageError("journal.write_failed") from error
        self._count, self._seq, self._digest = count, self._seq + 1, digest
        return count

    def events(self) -> Iterator[Event]:
        """The stored events in order (for the audit and the PV)."""
        for (text,) in self._connection.execute("SELECT event FROM events ORDER BY seq"):
            yield decode_event(text)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> SqliteJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_journal(path: Path, election: Election, station_id: StationId) -> SqliteJournal:
    """Open (or create) the journal of this bureau's count and restore the count from it.

    Refuses a journal of another bureau or another election (UntrustedData: the helpdesk must look at the appliance)
    and a journal whose rows do not replay exactly.
    """
    created = not path.exists()
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=1.0)
    except sqlite3.Error as error:
        raise StorageError("journal.unreadable") from error
    try:
        _configure(connection)
        _check_identity(connection, election, station_id)
        count, seq, digest = _replay(connection, election)
    except sqlite3.OperationalError as error:
        connection.close()
        raise StorageError("journal.busy" if "locked" in str(error) else "journal.unreadable") from error
    except sqlite3.DatabaseError as error:
        connection.close()
        raise UntrustedData("journal.unreadable") from error
    except TabulaError:
        connection.close()
        raise
    if created:
        fsync_directory(path.parent)  # the new file's name must survive a power cut too
    return SqliteJournal(connection, count, seq, digest)


def _configure(connection: sqlite3.Connection) -> None:
    # One kiosk process owns the journal: an exclusive lock keeps a second instance out, and WAL needs no
    # shared-memory index then.
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageError("journal.unreadable")
    # FULL: every commit fsyncs the WAL, so a committed event survives a power cut (C7).
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("BEGIN EXCLUSIVE")  # take the lock now, not at the first write
    connection.execute("COMMIT")
    with connection:
        for statement in _SCHEMA:
            connection.execute(statement)


def _check_identity(connection: sqlite3.Connection, election: Election, station_id: StationId) -> None:
    expected = {"format": FORMAT, "station": str(station_id), "election": election_fingerprint(election)}
    stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if not stored:
        with connection:
            connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(expected.items()))
        return
    if stored.get("format") != FORMAT:
        raise UntrustedData("journal.unreadable")
    if stored.get("station") != expected["station"]:
        raise UntrustedData("journal.other_station", station=stored.get("station"), expected=expected["station"])
    if stored.get("election") != expected["election"]:
        raise UntrustedData("journal.other_election", station=expected["station"])


def _replay(connection: sqlite3.Connection, election: Election) -> tuple[Count, int, str]:
    count, seq, digest = new_count(election), 0, _GENESIS
    for row_seq, text, row_digest in connection.execute("SELECT seq, event, digest FROM events ORDER BY seq"):
        seq += 1
        digest = _chain(digest, text)
        if row_seq != seq or row_digest != digest:
            raise UntrustedData("journal.corrupt", seq=row_seq)
        try:
            count = apply(count, decode_event(text))
        except (TabulaError, KeyError, TypeError, ValueError) as error:
            raise UntrustedData("journal.corrupt", seq=row_seq) from error
    return count, seq, digest


def _chain(previous: str, text: str) -> str:
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def election_fingerprint(election: Election) -> str:
    """A digest of everything in the election that the journal's events depend on."""
    body = {
        "code": election.code.value,
        "constituency": election.constituency,
        "has_successors": election.has_successors,
        "lists": [
            [lst.number, lst.name, [c.name for c in lst.titulars], [c.name for c in lst.successors]]
            for lst in election.lists
        ],
    }
    return hashlib.sha256(_dumps(body).encode()).hexdigest()


# --- event serialisation ----------------------------------------------------------------------------------------------
# Events are encoded field by field; a field name means the same type in every event, so one table per direction
# covers them all.

JSON = Any


def encode_event(event: Event) -> str:
    """The stable JSON text of an event (sorted keys, no spaces, UTF-8)."""
    body: dict[str, JSON] = {"type": type(event).__name__}
    for f in dataclasses.fields(event):
        body[f.name] = _ENCODERS[f.name](getattr(event, f.name))
    return _dumps(body)


def decode_event(text: str) -> Event:
    """The event back from `encode_event`'s text; KeyError/TypeError/ValueError for text it did not write."""
    body = json.loads(text)
    cls = _EVENT_BY_NAME[body["type"]]
    # a field added later with a default (a pile's declaration) may be absent from older rows
    values = {
        f.name: _DECODERS[f.name](body[f.name])
        for f in dataclasses.fields(cls)
        if f.name in body or f.default is dataclasses.MISSING
    }
    event: Event = cls(**values)
    return event


def _dumps(body: JSON) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _encode_ballot(ballot: Ballot) -> JSON:
    return {
        "marks": [[m.list_number, m.box.value, m.position] for m in ballot.sorted_marks()],
        "status": ballot.status.value,
        "reason": None if ballot.invalid_reason is None else ballot.invalid_reason.value,
    }


def _decode_ballot(raw: JSON) -> Ballot:
    marks = frozenset(Mark(ListNumber(_int(n)), Box(box), Position(_int(p))) for n, box, p in raw["marks"])
    reason = None if raw["reason"] is None else InvalidReason(raw["reason"])
    return Ballot(marks, Status(raw["status"]), reason)


def _encode_decision(decision: Decision) -> JSON:
    return {
        "pile": decision.pile,
        "ballots": [_encode_ballot(b) for b in decision.ballots],
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat(),
        "note": decision.note,
    }


def _decode_decision(raw: JSON) -> Decision:
    return Decision(
        _int(raw["pile"]),
        tuple(_decode_ballot(b) for b in raw["ballots"]),
        _str(raw["decided_by"]),
        dt.datetime.fromisoformat(_str(raw["decided_at"])),
        _str(raw["note"]),
    )


def _encode_declaration(declaration: Declaration) -> JSON:
    return {"kind": declaration.kind.value, "list": declaration.list_number}


def _decode_declaration(raw: JSON) -> Declaration:
    number = _optional_int(raw["list"])
    return Declaration(PileKind(raw["kind"]), None if number is None else ListNumber(number))


def _encode_findings(findings: tuple[Finding, ...]) -> JSON:
    return [
        {"code": f.code, "severity": f.severity.value, "fields": list(f.fields), "params": _scalars(f.params)}
        for f in findings
    ]


def _decode_findings(raw: JSON) -> tuple[Finding, ...]:
    return tuple(
        Finding(_str(f["code"]), Severity(f["severity"]), tuple(_str(x) for x in f["fields"]), dict(f["params"]))
        for f in raw
    )


def _scalars(params: Any) -> dict[str, JSON]:
    """Finding parameters are stored as they are; only JSON scalars come back identical."""
    for key, value in params.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            raise TypeError(f"finding parameter {key} is not a JSON scalar")
    return dict(params)


def _encode_record(record: BureauRecord) -> JSON:
    return {
        "polling_stations": [[p.name, p.per_pv, p.counted] for p in record.polling_stations],
        "received_total": record.received_total,
        "president": record.president,
        "secretary": record.secretary,
        "assessors": list(record.assessors),
        "witnesses": list(record.witnesses),
        "canton": record.canton,
        "remarks": list(record.remarks),
        "explanations": [[code, text] for code, text in record.explanations],
    }


def _decode_record(raw: JSON) -> BureauRecord:
    return BureauRecord(
        tuple(PollingStationCount(_str(n), _int(v), _optional_int(c)) for n, v, c in raw["polling_stations"]),
        _optional_int(raw["received_total"]),
        _str(raw["president"]),
        _str(raw["secretary"]),
        tuple(_str(x) for x in raw["assessors"]),
        tuple(_str(x) for x in raw["witnesses"]),
        None if raw["canton"] is None else _str(raw["canton"]),
        tuple(_str(x) for x in raw["remarks"]),
        # absent in a journal written before the bureau could explain its warnings
        tuple((_str(code), _str(text)) for code, text in raw.get("explanations", [])),
    )


def _int(raw: JSON) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise TypeError("integer expected")
    return raw


def _str(raw: JSON) -> str:
    if not isinstance(raw, str):
        raise TypeError("text expected")
    return raw


def _optional_int(raw: JSON) -> int | None:
    return None if raw is None else _int(raw)


def _same(raw: JSON) -> JSON:
    return raw


_ENCODERS: dict[str, Callable[[Any], JSON]] = {
    "pile": _same,
    "position": _same,
    "operator": _same,
    "code": _same,
    "counted_by_hand": _same,
    "pass_no": int,
    "ballot": _encode_ballot,
    "decision": _encode_decision,
    "findings": _encode_findings,
    "record": _encode_record,
    "declaration": _encode_declaration,
}
_DECODERS: dict[str, Callable[[JSON], Any]] = {
    "pile": _int,
    "position": _int,
    "operator": _str,
    "code": _str,
    "counted_by_hand": _optional_int,
    "pass_no": lambda raw: Pass(_int(raw)),
    "ballot": _decode_ballot,
    "decision": _decode_decision,
    "findings": _decode_findings,
    "record": _decode_record,
    "declaration": _decode_declaration,
}
_EVENT_BY_NAME: dict[str, type[Event]] = {cls.__name__: cls for cls in EVENT_TYPES}
