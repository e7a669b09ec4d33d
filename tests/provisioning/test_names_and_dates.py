"""The constituency's name in each language and the election date: from the authority's files to the bundle."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from app.counting.model import ElectionCode, Language
from app.election_json import dumps, election_from_dict, election_to_dict
from app.errors import BadInput, UntrustedData
from provisioning import commands, csv_import
from tests.provisioning.helpers import CANDIDATE_HEADER, STATION_HEADER, write_csv
from tests.reference import synthetic

NAMES = ("constituency_nl", "constituency_fr", "constituency_de")
HEADER = (*CANDIDATE_HEADER, *NAMES)
ROW = ("CK", "Brussel", "1", "Lijst A", "T", "1", "Peeters Anna")


def run(tmp_path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER) -> csv_import.Imported:
    return csv_import.import_files(
        write_csv(tmp_path / "stations.csv", STATION_HEADER, [("B-1", "Bureau 1", "CK", "Brussel", "fr")]),
        write_csv(tmp_path / "candidates.csv", header, rows),
    )


def test_the_constituency_is_named_in_each_language_the_authority_gives(tmp_path: Path) -> None:
    rows = [(*ROW, "Brussel", "Bruxelles", ""), ("CK", "Brussel", "1", "Lijst A", "T", "2", "Maes Els", "", "", "")]
    election = run(tmp_path, rows).elections[(ElectionCode.CK, "Brussel")]
    assert election.names == ((Language.NL, "Brussel"), (Language.FR, "Bruxelles"))
    assert election.constituency_name(Language.FR) == "Bruxelles"
    assert election.constituency_name(Language.DE) == "Brussel"  # no German name given: the key


def test_without_the_optional_columns_the_key_names_the_constituency(tmp_path: Path) -> None:
    election = run(tmp_path, [ROW], CANDIDATE_HEADER).elections[(ElectionCode.CK, "Brussel")]
    assert election.names == () and election.constituency_name(Language.FR) == "Brussel"


def test_two_rows_naming_the_constituency_differently_are_bad_input(tmp_path: Path) -> None:
    rows = [(*ROW, "", "Bruxelles", ""), ("CK", "Brussel", "1", "Lijst A", "T", "2", "Maes Els", "", "Brussels", "")]
    with pytest.raises(BadInput) as caught:
        run(tmp_path, rows)
    assert caught.value.key == "import.constituency_name_mismatch"
    assert caught.value.params["line"] == 3 and caught.value.params["column"] == "constituency_fr"
    assert caught.value.params["first_line"] == 2


def test_a_name_with_a_stray_space_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        run(tmp_path, [(*ROW, "", "Bruxelles ", "")])
    assert caught.value.key == "import.surrounding_space" and caught.value.params["column"] == "constituency_fr"


def test_the_election_date_goes_to_every_election(tmp_path: Path) -> None:
    imported = csv_import.import_files(
        write_csv(tmp_path / "stations.csv", STATION_HEADER, [("B-1", "Bureau 1", "CK", "Brussel", "fr")]),
        write_csv(tmp_path / "candidates.csv", CANDIDATE_HEADER, [ROW]),
        dt.date(2029, 5, 27),
    )
    assert {e.date for e in imported.elections.values()} == {dt.date(2029, 5, 27)}


def test_names_and_date_travel_in_the_bundle_and_an_older_bundle_still_loads() -> None:
    election = synthetic(ElectionCode.WL, 2, 3, 1)
    named = dataclasses.replace(election, names=((Language.FR, "Liège"), (Language.DE, "Lüttich")),
                                date=dt.date(2024, 6, 9))  # fmt: skip
    data = json.loads(dumps(election_to_dict(named)))
    assert data["names"] == {"fr": "Liège", "de": "Lüttich"} and data["date"] == "2024-06-09"
    assert election_from_dict(data) == named
    older = {k: v for k, v in data.items() if k not in ("names", "date")}
    assert election_from_dict(older) == election


@pytest.mark.parametrize(
    "change",
    [{"names": ["fr"]}, {"names": {"en": "Liege"}}, {"names": {"fr": 3}}, {"date": "9/6/2024"}, {"date": 20240609}],
    ids=["names not an object", "unknown language", "name not text", "date not ISO", "date not text"],
)
def test_malformed_names_or_date_in_a_bundle_are_untrusted(change: dict[str, object]) -> None:
    data = election_to_dict(synthetic(ElectionCode.WL, 2, 3, 1)) | change
    with pytest.raises(UntrustedData):
        election_from_dict(data)


def test_one_name_per_language() -> None:
    election = synthetic(ElectionCode.WL, 2, 3, 1)
    with pytest.raises(ValueError, match="one constituency name per language"):
        dataclasses.replace(election, names=((Language.FR, "a"), (Language.FR, "b")))


def parse_build_master(*extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    commands.add_provision_parser(parser.add_subparsers())
    base = ["provision", "build-master", "--ca", "ca", "--stations", "s.csv", "--candidates", "c.csv", "--out", "m"]
    return parser.parse_args([*base, "--passwords-out", "p.csv", *extra])


def test_build_master_takes_the_election_date() -> None:
    assert parse_build_master("--election-date", "2029-05-27").election_date == dt.date(2029, 5, 27)
    assert parse_build_master().election_date is None


@pytest.mark.parametrize("text", ["27/05/2029", "20290527", "2029-02-30", "2029-W21-7", ""])
def test_an_election_date_that_is_not_yyyy_mm_dd_is_refused(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        commands.main(["provision", "build-master", "--ca", "ca", "--stations", "s.csv", "--candidates", "c.csv",
                       "--out", "m", "--passwords-out", "p.csv", "--election-date", text])  # fmt: skip
    assert caught.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
