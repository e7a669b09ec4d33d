"""Batch import of stations.csv and candidates.csv (requirement P5; formats in the contract).

Every problem is a BadInput naming the file, the physical line (header = line 1) and the column, so the
provisioning staff can fix the file. Names are kept byte-exact: no stripping, no Unicode normalisation; so what could
hide in a name is refused instead (issue 9): characters that reorder the text around them (bidi overrides and
isolates), invisible ones (zero-width, other format characters, spaces other than the ordinary one), and names
longer than MAX_TEXT characters. A message never echoes such a value as it is (`shown`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from app.counting.model import (
    Candidate,
    CandidateList,
    Election,
    ElectionCode,
    Kind,
    Language,
    ListNumber,
    Position,
    Station,
    StationId,
)
from app.eml import candidates as eml_candidates
from app.errors import BadInput
from app.stick import name_problem

STATION_COLUMNS = ("station", "name", "election", "constituency", "language")
CANDIDATE_COLUMNS = ("election", "constituency", "list", "list_name", "kind", "position", "name")
# Optional: the constituency's official name in each language (contract); `constituency` stays the key.
NAME_COLUMNS = {Language.NL: "constituency_nl", Language.FR: "constituency_fr", Language.DE: "constituency_de"}
STATION_ID = re.compile(r"[A-Za-z0-9-]{1,32}")
MAX_NUMBER = 999  # list numbers and positions: the mark notation (`12:T999`) and every ballot have room for this
# Names of candidates, lists, bureaus and constituencies: the longest official Belgian name is far shorter, and the
# screens and the PV must show every name whole.
MAX_TEXT = 120
# Characters that change the display order of the text around them (Unicode bidi controls): a name could show
# as another name, or move the text after it in a PV line.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters outside the format category: combining grapheme joiner, Hangul and Khmer fillers, braille
# blank. Together with every format character (Cf: zero-width space and joiners, soft hyphen, word joiner, BOM...)
# and every space but U+0020, they could make two names that look alike differ, or hide text.
INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\u2800")
# By law the Brussels and German-speaking Community parliaments have no successor candidates.
NO_SUCCESSORS = frozenset({ElectionCode.BR, ElectionCode.DE})


@dataclass(frozen=True)
class Row:
    """One data row: its file, its first physical line, and its values by column."""

    file: str
    line: int
    values: dict[str, str]

    def error(self, key: str, column: str, **params: object) -> BadInput:
        value = self.values.get(column, "")
        return BadInput(key, file=self.file, line=self.line, column=column, value=shown(value), **params)


@dataclass(frozen=True)
class Imported:
    """The validated content of one provisioning run: every bureau and the elections they count."""

    stations: tuple[Station, ...]
    elections: dict[tuple[ElectionCode, str], Election]
    warnings: tuple[BadInput, ...] = ()  # not errors: the authority should look, the data still decides

    def election_of(self, station: Station) -> Election:
        return self.elections[(station.election, station.constituency)]


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8-sig")  # UTF-8 with or without a byte-order mark
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadInput("import.bad_encoding", file=file, line=line) from exc


def read_rows(path: Path, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> Iterator[Row]:
    """The rows of a CSV file that must have (at least) `columns`, with the `optional` columns it has; blank lines
    are skipped."""
    file = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput("import.unreadable", file=str(path)) from exc
    reader = csv.reader(io.StringIO(_decode(data, file), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise BadInput("import.missing_column", file=file, line=1, column=columns[0])
        for column in columns:
            if column not in header:
                raise BadInput("import.missing_column", file=file, line=1, column=column)
        index = {column: header.index(column) for column in (*columns, *optional) if column in header}
        line = reader.line_num + 1
        for record in reader:
            if record:
                missing = next((c for c in index if index[c] >= len(record)), None)
                if missing is not None:  # a short row; one that only lacks columns we ignore is fine
                    raise BadInput("import.missing_value", file=file, line=line, column=missing, value="")
                yield Row(file, line, {c: record[i] for c, i in index.items()})
            line = reader.line_num + 1
    except csv.Error as exc:
        raise BadInput("import.bad_csv", file=file, line=reader.line_num) from exc


def _required(row: Row, column: str) -> str:
    value = row.values[column]
    if value == "":
        raise row.error("import.missing_value", column)
    problem = text_problem(value)
    if problem is not None:
        raise row.error(problem, column, **problem_params(value))
    return value


def text_problem(value: str) -> str | None:
    """The message key of what is wrong with a name, or None. Names stay byte-exact and EML readers strip, so a
    hidden space would change the control number on the way; control characters do not belong in a name; nor do
    characters that reorder or hide text, nor names longer than MAX_TEXT (see the module docstring)."""
    if len(value) > MAX_TEXT:
        return "import.too_long"
    if any(ch in BIDI_CONTROLS for ch in value):
        return "import.bidi_control"
    if value != value.strip():
        return "import.surrounding_space"
    if any(_unprintable(ch) for ch in value):
        return "import.control_character"
    if any(_invisible(ch) for ch in value):
        return "import.invisible_character"
    return None


def problem_params(value: str) -> dict[str, object]:
    """What the messages of `text_problem` show: the length and the limit, the first offending character."""
    odd = next((ch for ch in value if ch in BIDI_CONTROLS or _invisible(ch) or _unprintable(ch)), None)
    return {"length": len(value), "limit": MAX_TEXT, "char": "" if odd is None else f"U+{ord(odd):04X}"}


def shown(value: str, limit: int = 60) -> str:
    """A value as a message may show it: every control, format or unusual space character as <U+XXXX>, and cut to
    `limit` characters, so that a message can neither be reordered nor flooded by what it reports."""
    out = []
    for ch in value[:limit]:
        odd = ch in BIDI_CONTROLS or _invisible(ch) or _unprintable(ch) or unicodedata.category(ch) in ("Zl", "Zp")
        out.append(f"<U+{ord(ch):04X}>" if odd else ch)
    return "".join(out) + ("…" if len(value) > limit else "")


def _invisible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category == "Cf" or ch in INVISIBLE or (category in ("Zs", "Zl", "Zp") and ch != " ")


def _unprintable(ch: str) -> bool:
    """Control characters (XML 1.0 cannot carry most of them; none belongs in a name) and non-characters."""
    return unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") or ch in "\ufffe\uffff"


def _election(row: Row) -> ElectionCode:
    try:
        return ElectionCode(row.values["election"])
    except ValueError:
        raise row.error("import.unknown_election", "election") from None


def _positive(row: Row, column: str) -> int:
    value = row.values[column]
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_NUMBER:
        raise row.error("import.bad_number", column)
    return int(value)


# --- candidates.csv ---


@dataclass(frozen=True)
class _CandidateRow:
    row: Row
    election: ElectionCode
    constituency: str
    list_number: int
    list_name: str
    kind: Kind
    position: int
    name: str
    names: tuple[tuple[Language, str], ...]  # the constituency per language, as far as this row gives it


def _constituency_names(row: Row) -> tuple[tuple[Language, str], ...]:
    names = []
    for language, column in NAME_COLUMNS.items():
        value = row.values.get(column, "")
        if value:
            problem = text_problem(value)
            if problem is not None:
                raise row.error(problem, column, **problem_params(value))
            names.append((language, value))
    return tuple(names)


def _candidate_row(row: Row) -> _CandidateRow:
    election = _election(row)
    kind_value = row.values["kind"]
    if kind_value not in ("T", "S"):
        raise row.error("import.bad_kind", "kind")
    kind = Kind(kind_value)
    return _CandidateRow(
        row,
        election,
        _required(row, "constituency"),
        _positive(row, "list"),
        _required(row, "list_name"),
        kind,
        _positive(row, "position"),
        _required(row, "name"),
        _constituency_names(row),
    )


def _group(rows: list[_CandidateRow], number: int, kind: Kind) -> tuple[Candidate, ...]:
    """The candidates of one kind on one list, checked to be numbered 1..n without gaps or repeats."""
    mine = sorted((r for r in rows if r.kind is kind), key=lambda r: (r.position, r.row.line))
    for expected, r in enumerate(mine, start=1):
        if r.position < expected:
            raise r.row.error("import.duplicate_position", "position", position=r.position)
        if r.position > expected:
            raise r.row.error("import.position_gap", "position", position=r.position, missing=expected)
    return tuple(Candidate(ListNumber(number), kind, Position(r.position), r.name) for r in mine)


def _candidate_list(rows: list[_CandidateRow]) -> CandidateList:
    first = min(rows, key=lambda r: r.row.line)
    for r in rows:
        if r.list_name != first.list_name:
            raise r.row.error("import.list_name_mismatch", "list_name", expected=first.list_name)
    titulars = _group(rows, first.list_number, Kind.TITULAR)
    if not titulars:
        raise first.row.error("import.no_titulars", "list")
    return CandidateList(
        ListNumber(first.list_number), first.list_name, titulars, _group(rows, first.list_number, Kind.SUCCESSOR)
    )


def _names_of(rows: list[_CandidateRow]) -> tuple[tuple[Language, str], ...]:
    """The constituency's name per language: a row may leave a name out, but two rows may not disagree."""
    found: dict[Language, tuple[str, _CandidateRow]] = {}
    for r in sorted(rows, key=lambda r: r.row.line):
        for language, name in r.names:
            first = found.setdefault(language, (name, r))
            if first[0] != name:
                raise r.row.error("import.constituency_name_mismatch", NAME_COLUMNS[language], expected=first[0],
                                  first_line=first[1].row.line)  # fmt: skip
    return tuple((language, found[language][0]) for language in Language if language in found)


def read_candidates(path: Path) -> dict[tuple[ElectionCode, str], Election]:
    """Every election of candidates.csv, by (election code, constituency)."""
    rows = [_candidate_row(row) for row in read_rows(path, CANDIDATE_COLUMNS, tuple(NAME_COLUMNS.values()))]
    if not rows:
        raise BadInput("import.no_rows", file=path.name)
    # Contract: an election has successors if any of its rows (in any constituency) has kind S.
    with_successors = {r.election for r in rows if r.kind is Kind.SUCCESSOR}
    by_list: dict[tuple[ElectionCode, str], dict[int, list[_CandidateRow]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by_list[(r.election, r.constituency)][r.list_number].append(r)
    return {
        key: Election(
            key[0],
            key[1],
            tuple(_candidate_list(lists[n]) for n in sorted(lists)),
            key[0] in with_successors,
            _names_of([r for group in lists.values() for r in group]),
        )
        for key, lists in by_list.items()
    }


# --- stations.csv ---


def _station(row: Row) -> Station:
    station_id = row.values["station"]
    if not STATION_ID.fullmatch(station_id) or name_problem(station_id) is not None:
        # the id names the bureau's results folder: no CON, NUL, COM1... that Windows cannot open
        raise row.error("import.bad_station_id", "station")
    election = _election(row)
    try:
        language = Language(row.values["language"])
    except ValueError:
        raise row.error("import.bad_language", "language") from None
    return Station(StationId(station_id), _required(row, "name"), election, _required(row, "constituency"), language)


def read_stations(path: Path, elections: dict[tuple[ElectionCode, str], Election]) -> tuple[Station, ...]:
    """The bureaus of stations.csv, each checked against the elections it counts."""
    seen: dict[str, Row] = {}
    stations = []
    for row in read_rows(path, STATION_COLUMNS):
        station = _station(row)
        # Sticks are FAT32/exFAT, whose names ignore case: "A-1" and "a-1" would share a results folder.
        folded = station.id.casefold()
        if folded in seen:
            raise row.error("import.duplicate_station", "station", first_line=seen[folded].line)
        seen[folded] = row
        if (station.election, station.constituency) not in elections:
            raise row.error("import.no_lists", "constituency", election=station.election.value)
        stations.append(station)
    if not stations:
        raise BadInput("import.no_rows", file=path.name)
    return tuple(stations)


def read_candidates_eml(path: Path) -> dict[tuple[ElectionCode, str], Election]:
    """Every election of an EML 230 candidate list (for authorities that have their lists in EML)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise BadInput("import.unreadable", file=path.name) from None
    try:
        elections = eml_candidates.read_candidates(data)
    except ValueError:  # e.g. a 5,000-digit identifier, beyond what int() converts: the file is bad input
        raise BadInput("import.eml_bad_identifier", file=path.name) from None
    if not elections:
        raise BadInput("import.no_rows", file=path.name)
    for election in elections:
        _check_eml_election(path.name, election)
    return {(e.code, e.constituency): e for e in elections}


def _check_eml_election(file: str, election: Election) -> None:
    """The checks of the CSV rows, for an election read from EML 230 (which has no lines to name)."""
    texts = [("constituency", election.constituency)]
    for lst in election.lists:
        if not 1 <= lst.number <= MAX_NUMBER or len(lst.titulars) > MAX_NUMBER or len(lst.successors) > MAX_NUMBER:
            raise BadInput("import.eml_bad_number", file=file, list=lst.number)
        texts += [("list_name", lst.name), *(("name", c.name) for c in (*lst.titulars, *lst.successors))]
    for what, value in texts:
        problem = text_problem(value) or (None if value else "import.missing_value")
        if problem is not None:
            key = "import.eml_too_long" if problem == "import.too_long" else "import.eml_bad_text"
            raise BadInput(key, file=file, what=what, value=shown(value), **problem_params(value))


def import_files(stations_csv: Path, candidates_csv: Path, election_date: dt.date | None = None) -> Imported:
    """Read and validate both files; only the elections some bureau counts are kept.

    The candidates come as the contract's CSV, or as an EML 230 file when its name ends in `.xml`. `election_date`
    (build-master --election-date) is the day of every election of the master.
    """
    if candidates_csv.suffix.lower() == ".xml":
        elections = read_candidates_eml(candidates_csv)
    else:
        elections = read_candidates(candidates_csv)
    if election_date is not None:
        elections = {key: replace(e, date=election_date) for key, e in elections.items()}
    warnings = tuple(_unexpected_successors(elections))
    stations = read_stations(stations_csv, elections)
    used = {(s.election, s.constituency) for s in stations}
    kept = {key: e for key, e in elections.items() if key in used}
    return Imported(
        stations,
        kept,
        tuple(
            w
            for w in warnings
            if (w.params["election"], w.params["constituency"]) in {(code.value, name) for code, name in kept}
        ),
    )


def _unexpected_successors(elections: dict[tuple[ElectionCode, str], Election]) -> Iterator[BadInput]:
    """Successors where the law of 2024 has none (Brussels, German-speaking Community): the contract lets the data
    decide (an election has successors if any row says S), so this is a warning for the authority, not an error."""
    for (code, constituency), election in sorted(elections.items(), key=lambda item: (item[0][0].value, item[0][1])):
        if code in NO_SUCCESSORS and election.has_successors:
            yield BadInput("import.unexpected_successors", election=code.value, constituency=constituency)
