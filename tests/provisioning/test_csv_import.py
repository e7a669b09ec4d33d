"""Batch import (P5): every validation error names file, line and column; names stay byte-exact."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from app.counting.model import ElectionCode, Kind, Language
from app.errors import BadInput
from provisioning import csv_import
from tests.provisioning.helpers import (
    ANTWERP,
    CANDIDATE_HEADER,
    SPECIAL_NAMES,
    STATION_HEADER,
    csv_bytes,
    reference_rows,
    special_rows,
    write_csv,
)

GOOD_STATIONS = [
    ("A-001", "Telbureau Antwerpen 1", "CK", ANTWERP, "nl"),
    ("B-001", "Bureau Anvers 2", "CK", ANTWERP, "fr"),
    ("V-001", "Telbureau Vlaams", "VL", "Antwerpen", "nl"),
    ("E-001", "Zählbüro Eupen", "EU", "Duitstalig kiescollege", "de"),
]
EU_ROWS = [
    ("EU", "Duitstalig kiescollege", "1", "CSP", "T", "1", "Müller Anna"),
    ("EU", "Duitstalig kiescollege", "1", "CSP", "S", "1", "Schröder Ulf"),
]
GOOD_CANDIDATES = [*reference_rows(), *special_rows(), *EU_ROWS]


def run(tmp_path: Path, stations: Sequence[Sequence[str]], candidates: Sequence[Sequence[str]]) -> csv_import.Imported:
    return csv_import.import_files(
        write_csv(tmp_path / "stations.csv", STATION_HEADER, stations),
        write_csv(tmp_path / "candidates.csv", CANDIDATE_HEADER, candidates),
    )


def test_three_elections_in_one_run_are_imported_with_real_2024_data(tmp_path: Path) -> None:
    imported = run(tmp_path, GOOD_STATIONS, GOOD_CANDIDATES)
    assert [s.id for s in imported.stations] == ["A-001", "B-001", "V-001", "E-001"]
    assert set(imported.elections) == {
        (ElectionCode.CK, ANTWERP),
        (ElectionCode.VL, "Antwerpen"),
        (ElectionCode.EU, "Duitstalig kiescollege"),
    }
    chamber = imported.election_of(imported.stations[0])
    assert len(chamber.lists) == 12 and chamber.has_successors
    assert imported.stations[3].language is Language.DE
    names = [c.name for lst in chamber.lists for c in (*lst.titulars, *lst.successors)]
    assert "D'hamers Erik" in names and "Za'rate Garay Esteban" in names


def test_names_are_kept_byte_exact(tmp_path: Path) -> None:
    imported = run(tmp_path, GOOD_STATIONS, GOOD_CANDIDATES)
    flemish = imported.elections[(ElectionCode.VL, "Antwerpen")]
    assert tuple(c.name for c in flemish.lists[0].titulars) == SPECIAL_NAMES
    assert flemish.lists[0].name == "Lijst Ç'est"
    assert flemish.lists[0].successors[0].kind is Kind.SUCCESSOR


def test_utf8_with_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_bytes(csv_bytes(STATION_HEADER, GOOD_STATIONS[2:3], bom=True))
    (tmp_path / "c.csv").write_bytes(csv_bytes(CANDIDATE_HEADER, special_rows(), bom=True))
    imported = csv_import.import_files(tmp_path / "s.csv", tmp_path / "c.csv")
    assert imported.stations[0].id == "V-001"


def test_only_elections_counted_by_some_bureau_are_kept(tmp_path: Path) -> None:
    imported = run(tmp_path, GOOD_STATIONS[2:3], GOOD_CANDIDATES)
    assert list(imported.elections) == [(ElectionCode.VL, "Antwerpen")]


def test_election_without_successor_rows_has_no_successors(tmp_path: Path) -> None:
    rows = [("BR", "Brussel", "1", "Lijst", "T", "1", "Janssens An")]
    imported = run(tmp_path, [("R-1", "Bureau", "BR", "Brussel", "fr")], rows)
    assert not imported.elections[(ElectionCode.BR, "Brussel")].has_successors


def test_extra_columns_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    data = csv_bytes((*STATION_HEADER, "remark"), [(*GOOD_STATIONS[2], "x")]) + b"\n\n"
    (tmp_path / "s.csv").write_bytes(data)
    write_csv(tmp_path / "c.csv", CANDIDATE_HEADER, special_rows())
    assert len(csv_import.import_files(tmp_path / "s.csv", tmp_path / "c.csv").stations) == 1


def _station(**changes: str) -> tuple[str, ...]:
    row = dict(zip(STATION_HEADER, GOOD_STATIONS[2], strict=True)) | changes
    return tuple(row[c] for c in STATION_HEADER)


def _candidate(**changes: str) -> tuple[str, ...]:
    row = dict(zip(CANDIDATE_HEADER, special_rows()[0], strict=True)) | changes
    return tuple(row[c] for c in CANDIDATE_HEADER)


# One row per validation error: (stations, candidates, key, file, line, column).
STATION_CASES = [
    ("unknown election code", [_station(station="X-6", election="XX")], "import.unknown_election", "election"),
    ("lower-case election code", [_station(station="X-7", election="vl")], "import.unknown_election", "election"),
    ("bureau id with a space", [_station(station="A 1")], "import.bad_station_id", "station"),
    ("bureau id with a slash", [_station(station="A/1")], "import.bad_station_id", "station"),
    ("bureau id too long", [_station(station="A" * 33)], "import.bad_station_id", "station"),
    ("empty bureau id", [_station(station="")], "import.bad_station_id", "station"),
    ("bureau id with accent", [_station(station="É-1")], "import.bad_station_id", "station"),
    ("bureau id reserved by Windows", [_station(station="CON")], "import.bad_station_id", "station"),
    ("bureau id COM1", [_station(station="com1")], "import.bad_station_id", "station"),
    ("bad language", [_station(station="X-5", language="en")], "import.bad_language", "language"),
    ("empty name", [_station(station="X-4", name="")], "import.missing_value", "name"),
    ("constituency without lists", [_station(station="X-2", constituency="Gent")], "import.no_lists", "constituency"),
    ("election without lists there", [_station(station="X-3", election="WL")], "import.no_lists", "constituency"),
]


@pytest.mark.parametrize(("case", "stations", "key", "column"), STATION_CASES, ids=[c[0] for c in STATION_CASES])
def test_station_errors_name_file_line_and_column(
    tmp_path: Path, case: str, stations: list[tuple[str, ...]], key: str, column: str
) -> None:
    with pytest.raises(BadInput) as caught:
        run(tmp_path, [GOOD_STATIONS[2], *stations], special_rows())
    assert caught.value.key == key
    assert caught.value.params["file"] == "stations.csv"
    assert caught.value.params["line"] == 3
    assert caught.value.params["column"] == column


@pytest.mark.parametrize("second", ["V-001", "v-001"])
def test_duplicate_bureau_id_also_when_only_case_differs(tmp_path: Path, second: str) -> None:
    with pytest.raises(BadInput) as caught:
        run(tmp_path, [GOOD_STATIONS[2], _station(station=second)], special_rows())
    assert caught.value.key == "import.duplicate_station"
    assert caught.value.params["line"] == 3 and caught.value.params["first_line"] == 2


CANDIDATE_CASES = [
    ("unknown election code", [_candidate(election="KK")], "import.unknown_election", "election"),
    ("bad kind", [_candidate(kind="X")], "import.bad_kind", "kind"),
    ("list not a number", [_candidate(list="een")], "import.bad_number", "list"),
    ("list zero", [_candidate(list="0")], "import.bad_number", "list"),
    ("position negative", [_candidate(position="-1")], "import.bad_number", "position"),
    ("position with superscript digit", [_candidate(position="²")], "import.bad_number", "position"),
    ("duplicate position", [_candidate(position="2", name="Dubbel")], "import.duplicate_position", "position"),
    ("gap in positions", [_candidate(position="8", name="Te ver")], "import.position_gap", "position"),
    ("gap at the start of a list", [_candidate(list="2", position="2")], "import.position_gap", "position"),
    ("empty candidate name", [_candidate(list="2", name="")], "import.missing_value", "name"),
    ("empty list name", [_candidate(list="2", list_name="")], "import.missing_value", "list_name"),
    ("list number beyond 999", [_candidate(list="1000")], "import.bad_number", "list"),
    ("name with a trailing space", [_candidate(list="2", name="Peeters An ")], "import.surrounding_space", "name"),
    (
        "constituency with a leading space",
        [_candidate(constituency=" Antwerpen")],
        "import.surrounding_space",
        "constituency",
    ),
    (
        "list name with a control character",
        [_candidate(list="2", list_name="Lijst\x0bA")],
        "import.control_character",
        "list_name",
    ),
    ("list name differs", [_candidate(position="6", list_name="Andere")], "import.list_name_mismatch", "list_name"),
    ("successors only", [_candidate(list="2", kind="S")], "import.no_titulars", "list"),
]


@pytest.mark.parametrize(("case", "extra", "key", "column"), CANDIDATE_CASES, ids=[c[0] for c in CANDIDATE_CASES])
def test_candidate_errors_name_file_line_and_column(
    tmp_path: Path, case: str, extra: list[tuple[str, ...]], key: str, column: str
) -> None:
    rows = special_rows()
    with pytest.raises(BadInput) as caught:
        run(tmp_path, [GOOD_STATIONS[2]], [*rows, *extra])
    assert caught.value.key == key
    assert caught.value.params["file"] == "candidates.csv"
    assert caught.value.params["line"] == len(rows) + 2
    assert caught.value.params["column"] == column


def test_line_numbers_are_physical_lines_with_multiline_fields(tmp_path: Path) -> None:
    rows = [*special_rows()[:1], _candidate(position="2", list_name="Twee\nregels"), _candidate(position="3", kind="Q")]
    with pytest.raises(BadInput) as caught:
        run(tmp_path, [GOOD_STATIONS[2]], rows)
    # a line break inside a name is refused, at the physical line where its row starts
    assert caught.value.key == "import.control_character" and caught.value.params["line"] == 3


def test_bad_encoding_is_a_clear_error_with_its_line(tmp_path: Path) -> None:
    data = csv_bytes(STATION_HEADER, GOOD_STATIONS[2:3]) + "X-1,Bureau Liège,VL,Antwerpen,fr\n".encode("latin-1")
    (tmp_path / "s.csv").write_bytes(data)
    write_csv(tmp_path / "c.csv", CANDIDATE_HEADER, special_rows())
    with pytest.raises(BadInput) as caught:
        csv_import.import_files(tmp_path / "s.csv", tmp_path / "c.csv")
    assert caught.value.key == "import.bad_encoding"
    assert caught.value.params == {"file": "s.csv", "line": 3}


@pytest.mark.parametrize(
    ("content", "key", "line"),
    [
        (b"", "import.missing_column", 1),
        (b"station,name,election,constituency\n", "import.missing_column", 1),
        (b"station,name,election,constituency,language\n", "import.no_rows", None),
        (b"station,name,election,constituency,language\nA-1,x\n", "import.missing_value", 2),
        (b'station,name,election,constituency,language\nA-1,"x\n', "import.bad_csv", 2),
    ],
    ids=["empty file", "missing column", "header only", "short row", "unclosed quote"],
)
def test_structural_problems_of_a_file(tmp_path: Path, content: bytes, key: str, line: int | None) -> None:
    (tmp_path / "s.csv").write_bytes(content)
    write_csv(tmp_path / "c.csv", CANDIDATE_HEADER, special_rows())
    with pytest.raises(BadInput) as caught:
        csv_import.import_files(tmp_path / "s.csv", tmp_path / "c.csv")
    assert caught.value.key == key
    assert caught.value.params.get("line") == line


def test_empty_candidates_file_and_missing_file(tmp_path: Path) -> None:
    write_csv(tmp_path / "s.csv", STATION_HEADER, GOOD_STATIONS[2:3])
    write_csv(tmp_path / "c.csv", CANDIDATE_HEADER, [])
    with pytest.raises(BadInput) as caught:
        csv_import.import_files(tmp_path / "s.csv", tmp_path / "c.csv")
    assert caught.value.key == "import.no_rows"
    with pytest.raises(BadInput) as caught:
        csv_import.import_files(tmp_path / "s.csv", tmp_path / "missing.csv")
    assert caught.value.key == "import.unreadable"


def test_candidates_from_an_eml_230_file(tmp_path: Path) -> None:
    """Authorities that have their lists in EML 230 give that file instead of candidates.csv."""
    import datetime as dt

    from app.eml.candidates import write_candidates
    from provisioning.csv_import import import_files
    from tests.reference import chamber_2024

    election = chamber_2024()
    eml = tmp_path / "candidates.xml"
    eml.write_bytes(write_candidates([election], issue_date=dt.date(2029, 5, 1)))
    stations = tmp_path / "stations.csv"
    stations.write_text(
        f"station,name,election,constituency,language\nA-1,Bureau 1,CK,{election.constituency},nl\n", encoding="utf-8"
    )
    imported = import_files(stations, eml)
    loaded = imported.election_of(imported.stations[0])
    assert [lst.number for lst in loaded.lists] == [lst.number for lst in election.lists]
    assert [c.name for c in loaded.lists[0].titulars] == [c.name for c in election.lists[0].titulars]
    assert loaded.has_successors


def test_unreadable_eml_candidates_is_bad_input(tmp_path: Path) -> None:
    from app.errors import BadInput
    from provisioning.csv_import import import_files

    with pytest.raises(BadInput):
        import_files(tmp_path / "stations.csv", tmp_path / "missing.xml")


@pytest.mark.parametrize("code", ["BR", "DE"])
def test_successors_where_the_law_has_none_are_kept_with_a_warning(tmp_path: Path, code: str) -> None:
    """Contract: an election has successors if any of its rows has kind S; the law of 2024 only warns."""
    rows = [
        (code, "Kieskring X", "1", "Lijst", "T", "1", "Janssens An"),
        (code, "Kieskring X", "1", "Lijst", "S", "1", "Peeters Bo"),
    ]
    stations = [_station(station="X-1", election=code, constituency="Kieskring X")]
    imported = run(tmp_path, stations, rows)
    election = imported.election_of(imported.stations[0])
    assert election.has_successors and election.lists[0].successors[0].name == "Peeters Bo"
    (warning,) = imported.warnings
    assert warning.key == "import.unexpected_successors" and warning.params["election"] == code


def test_an_eml_230_list_is_held_to_the_same_rules_as_the_csv(tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt

    from app.eml.candidates import write_candidates
    from provisioning.csv_import import import_files
    from tests.reference import chamber_2024

    election = chamber_2024()
    bad = dataclasses.replace(
        election, lists=(dataclasses.replace(election.lists[0], name="Lijst\tA"), *election.lists[1:])
    )
    eml = tmp_path / "candidates.xml"
    eml.write_bytes(write_candidates([bad], issue_date=dt.date(2029, 5, 1)))
    stations = tmp_path / "stations.csv"
    stations.write_text(
        f"station,name,election,constituency,language\nA-1,B,CK,{election.constituency},nl\n", encoding="utf-8"
    )
    with pytest.raises(BadInput) as caught:
        import_files(stations, eml)
    assert caught.value.key == "import.eml_bad_text" and caught.value.params["what"] == "list_name"
