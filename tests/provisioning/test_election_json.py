"""Elections and stations to JSON and back: stable, byte-exact, strict on reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.counting.model import ElectionCode, Language, Station, StationId
from app.election_json import dumps, election_from_dict, election_to_dict, station_from_dict, station_to_dict
from app.errors import BadInput, UntrustedData
from provisioning import letters
from tests.reference import chamber_2024, synthetic


def test_election_round_trips_exactly() -> None:
    for election in (chamber_2024(), synthetic(ElectionCode.BR, 3, 5, 0)):
        data = json.loads(dumps(election_to_dict(election)))
        assert election_from_dict(data) == election


def test_station_round_trips_and_dumps_are_canonical() -> None:
    station = Station(
        StationId("E-1"), "Zählbüro Eupen – Ørsted", ElectionCode.EU, "Duitstalig kiescollege", Language.DE
    )
    assert station_from_dict(json.loads(dumps(station_to_dict(station)))) == station
    assert dumps(station_to_dict(station)) == dumps(dict(reversed(list(station_to_dict(station).items()))))
    assert "Ørsted".encode() in dumps(station_to_dict(station))


def _election(**changes: Any) -> Any:
    return election_to_dict(synthetic(ElectionCode.VL, 2, 2, 1)) | changes


@pytest.mark.parametrize(
    "data",
    [
        [],
        _election(lists={}),
        _election(has_successors="yes"),
        _election(code="XX"),
        _election(constituency=3),
        _election(lists=["x"]),
        _election(lists=[{"number": True, "name": "a", "titulars": [], "successors": []}]),
        _election(lists=[{"number": 1, "name": "a", "titulars": [1], "successors": []}]),
        _election(lists=[{"number": n, "name": "a", "titulars": [], "successors": []} for n in (2, 1)]),
    ],
    ids=["not a dict", "lists", "flag", "code", "constituency", "list", "number", "names", "order"],
)
def test_malformed_elections_are_untrusted(data: Any) -> None:
    with pytest.raises(UntrustedData) as caught:
        election_from_dict(data)
    assert caught.value.key == "bundle.content_malformed"


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"id": "A"},
        station_to_dict(Station(StationId("A"), "n", ElectionCode.CK, "c", Language.NL)) | {"language": "en"},
    ],
)
def test_malformed_stations_are_untrusted(data: Any) -> None:
    with pytest.raises(UntrustedData):
        station_from_dict(data)


def test_letters_need_their_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letters.register_fonts.cache_clear()
    monkeypatch.setattr(letters, "FONT_DIRS", (tmp_path,))
    try:
        with pytest.raises(BadInput) as caught:
            letters.write_letters(tmp_path / "l.pdf", [])
        assert caught.value.key == "letters.font_missing"
    finally:
        letters.register_fonts.cache_clear()
