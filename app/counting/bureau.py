"""What the bureau records besides the ballots: receipts per polling station, its members, remarks, and its
explanations of warnings (C4, O3).

It is part of the count's state, entered through an event, so it is journaled like a ballot (C7): a figure typed on
the checks screen is not lost by a crash, and the PV prints exactly what the checks used.

`parse_bureau_file` reads the bureau file of `tabula replay --bureau` (contract: "Bureau file") from its parsed JSON
value; every problem is a BadInput naming the field (`polling_stations[1].received`), so nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.counting.checks import RULES, PollingStationCount, Severity
from app.counting.model import Election
from app.errors import BadInput

MAX_TEXT = 500  # a name or a remark; the PV has room for this, and the journal stays small
MAX_EXPLANATION = 2000  # the bureau's explanation of one warning, as it writes it into the PV
MAX_BALLOTS = 100_000  # more than any polling station hands over: an extra digit typed by mistake is caught
MAX_ROWS = 200  # polling stations, members or remark lines in one bureau file


@dataclass(frozen=True)
class BureauRecord:
    polling_stations: tuple[PollingStationCount, ...] = ()
    received_total: int | None = None  # when only the total is known (replay --received)
    president: str = ""
    secretary: str = ""
    assessors: tuple[str, ...] = ()
    witnesses: tuple[str, ...] = ()
    canton: str | None = None
    remarks: tuple[str, ...] = ()
    explanations: tuple[tuple[str, str], ...] = ()  # (warning code, the bureau's explanation), printed in the PV

    def __post_init__(self) -> None:
        numbers = [self.received_total] + [n for p in self.polling_stations for n in (p.per_pv, p.counted)]
        if any(n is not None and not 0 <= n <= MAX_BALLOTS for n in numbers):
            raise ValueError(f"ballot numbers are between 0 and {MAX_BALLOTS}")
        texts = [self.president, self.secretary, *self.assessors, *self.witnesses, *self.remarks, self.canton or ""]
        if any(len(t) > MAX_TEXT for t in texts) or any(len(e) > MAX_EXPLANATION for _, e in self.explanations):
            raise ValueError("text too long")
        codes = [code for code, _ in self.explanations]
        if len(codes) != len(set(codes)):
            raise ValueError("one explanation per warning")

    @property
    def operators(self) -> tuple[str, ...]:
        """The members who may enter ballots: president, secretary and assessors (witnesses only watch)."""
        return tuple(name for name in (self.president, self.secretary, *self.assessors) if name.strip())

    def explanation(self, code: str) -> str | None:
        """The bureau's explanation of the warning `code`, if it wrote one."""
        return next((text for c, text in self.explanations if c == code), None)


# --- the bureau file (tabula replay --bureau) ------------------------------------------------------------------------

FILE_KEYS = ("polling_stations", "members", "remarks", "explanations")
STATION_KEYS = ("id", "received", "counted")
MEMBER_KEYS = ("role", "name", "list")
ROLES = ("president", "secretary", "assessor", "witness")
WARNING_CODES = tuple(rule.code for rule in RULES if rule.severity is Severity.WARNING)

WitnessLabel = Callable[[str, int], str]  # a witness's name and list number as the PV prints them


@dataclass(frozen=True)
class _Reader:
    """Reads one bureau file; `file` names it in every message."""

    file: str

    def fail(self, key: str, field: str, **params: object) -> BadInput:
        return BadInput(f"bureau_file.{key}", file=self.file, field=field, **params)

    def mapping(self, value: object, field: str, known: Sequence[str]) -> Mapping[str, object]:
        if not isinstance(value, dict):
            raise self.fail("not_object", field)
        for key in value:
            if key not in known:
                raise self.fail("unknown_key", _join(field, key), known=", ".join(known))
        return value

    def rows(self, value: object, field: str) -> list[object]:
        if not isinstance(value, list) or len(value) > MAX_ROWS:
            raise self.fail("not_list", field, maximum=MAX_ROWS)
        return value

    def count(self, value: object, field: str) -> int:
        # bool is an int in Python; 800.0 and "800" are not counts either
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_BALLOTS:
            raise self.fail("not_count", field, value=_shown(value), maximum=MAX_BALLOTS)
        return value

    def text(self, value: object, field: str, maximum: int = MAX_TEXT) -> str:
        if not isinstance(value, str):
            raise self.fail("not_text", field, maximum=maximum)
        text = " ".join(value.split())  # as the kiosk's fields keep it: no stray spaces or line breaks
        if not text or len(text) > maximum:
            raise self.fail("not_text", field, maximum=maximum)
        return text

    def required(self, row: Mapping[str, object], key: str, field: str) -> object:
        if key not in row:
            raise self.fail("missing", _join(field, key))
        return row[key]


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _shown(value: object) -> str:
    """A refused value for the message: short, and never a whole nested structure."""
    text = str(value) if isinstance(value, bool | int | float | str) or value is None else type(value).__name__
    return text[:40]


def parse_bureau_file(value: object, election: Election, file: str, witness_label: WitnessLabel) -> BureauRecord:
    """The bureau's record from a bureau file's JSON value (contract: "Bureau file"); BadInput names the field."""
    reader = _Reader(file)
    if not isinstance(value, dict):
        raise reader.fail("top_not_object", "")
    top = reader.mapping(value, "", FILE_KEYS)
    stations = _polling_stations(reader, top.get("polling_stations", []))
    president, secretary, assessors, witnesses = _members(reader, top.get("members", []), election, witness_label)
    remarks: tuple[str, ...] = ()
    if "remarks" in top:
        raw = top["remarks"]
        if not isinstance(raw, str):
            raise reader.fail("not_text", "remarks", maximum=MAX_TEXT)
        lines = [" ".join(line.split()) for line in raw.splitlines()]
        remarks = tuple(reader.text(line, f"remarks (line {n})") for n, line in enumerate(lines, 1) if line)
    explanations = _explanations(reader, top.get("explanations", {}))
    return BureauRecord(
        polling_stations=stations,
        president=president,
        secretary=secretary,
        assessors=assessors,
        witnesses=witnesses,
        remarks=remarks,
        explanations=explanations,
    )


def _polling_stations(reader: _Reader, value: object) -> tuple[PollingStationCount, ...]:
    stations: list[PollingStationCount] = []
    for i, item in enumerate(reader.rows(value, "polling_stations")):
        field = f"polling_stations[{i}]"
        row = reader.mapping(item, field, STATION_KEYS)
        name = reader.text(reader.required(row, "id", field), f"{field}.id")
        if any(s.name.casefold() == name.casefold() for s in stations):
            raise reader.fail("station_twice", f"{field}.id", value=name)
        received = reader.count(reader.required(row, "received", field), f"{field}.received")
        counted = row.get("counted")
        stations.append(
            PollingStationCount(name, received, None if counted is None else reader.count(counted, f"{field}.counted"))
        )
    return tuple(stations)


def _members(
    reader: _Reader, value: object, election: Election, witness_label: WitnessLabel
) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """President, secretary, assessors and witnesses, in the order of the file."""
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for i, item in enumerate(reader.rows(value, "members")):
        field = f"members[{i}]"
        row = reader.mapping(item, field, MEMBER_KEYS)
        role = reader.required(row, "role", field)
        if role not in ROLES:
            raise reader.fail("bad_role", f"{field}.role", value=_shown(role), roles=", ".join(ROLES))
        assert isinstance(role, str)
        if role in ("president", "secretary") and by_role[role]:
            raise reader.fail("role_twice", f"{field}.role", value=role)
        name = reader.text(reader.required(row, "name", field), f"{field}.name")
        if "list" in row:
            number = row["list"]
            if role != "witness":
                raise reader.fail("list_not_witness", f"{field}.list")
            if not isinstance(number, int) or isinstance(number, bool) or election.list_by_number(number) is None:
                raise reader.fail("unknown_list", f"{field}.list", value=_shown(number))
            name = witness_label(name, number)
            if len(name) > MAX_TEXT:
                raise reader.fail("not_text", f"{field}.name", maximum=MAX_TEXT)
        by_role[role].append(name)
    president, secretary = (next(iter(by_role[role]), "") for role in ("president", "secretary"))
    return president, secretary, tuple(by_role["assessor"]), tuple(by_role["witness"])


def _explanations(reader: _Reader, value: object) -> tuple[tuple[str, str], ...]:
    explanations = reader.mapping(value, "explanations", WARNING_CODES)
    return tuple(
        (code, reader.text(explanations[code], f"explanations.{code}", MAX_EXPLANATION))
        for code in WARNING_CODES
        if code in explanations
    )
