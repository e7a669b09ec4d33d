"""Elections and stations as JSON-able dicts, and back (the content of a bureau's bundle).

The format is stable: every key is always present, lists keep list-number and position order, and `dumps` gives
canonical bytes (sorted keys, no whitespace, UTF-8 kept as is, so candidate names come back byte-exact).
Reading is strict: anything that does not fit the shape is UntrustedData, since this comes off a stick. The keys
added later (`names`: the constituency per language, `date`: the election date) may be absent in an older bundle.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

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
from app.errors import UntrustedData

_E = TypeVar("_E", ElectionCode, Language)


def election_to_dict(election: Election) -> dict[str, Any]:
    return {
        "code": election.code.value,
        "constituency": election.constituency,
        "has_successors": election.has_successors,
        "names": {language.value: name for language, name in election.names},
        "date": None if election.date is None else election.date.isoformat(),
        "lists": [
            {
                "number": int(lst.number),
                "name": lst.name,
                "titulars": [c.name for c in lst.titulars],
                "successors": [c.name for c in lst.successors],
            }
            for lst in election.lists
        ],
    }


def station_to_dict(station: Station) -> dict[str, Any]:
    return {
        "id": str(station.id),
        "name": station.name,
        "election": station.election.value,
        "constituency": station.constituency,
        "language": station.language.value,
    }


def dumps(data: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes of a dict made by the functions above."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise UntrustedData("bundle.content_malformed", field=key)
    return value


def _names(data: Mapping[str, Any], key: str) -> Sequence[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise UntrustedData("bundle.content_malformed", field=key)
    return value


def _candidates(number: ListNumber, kind: Kind, names: Sequence[str]) -> tuple[Candidate, ...]:
    return tuple(Candidate(number, kind, Position(i), name) for i, name in enumerate(names, start=1))


def _list_from_dict(data: Any) -> CandidateList:
    if not isinstance(data, dict):
        raise UntrustedData("bundle.content_malformed", field="lists")
    number = data.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise UntrustedData("bundle.content_malformed", field="number")
    n = ListNumber(number)
    return CandidateList(
        n,
        _str(data, "name"),
        _candidates(n, Kind.TITULAR, _names(data, "titulars")),
        _candidates(n, Kind.SUCCESSOR, _names(data, "successors")),
    )


def _enum(cls: type[_E], data: Mapping[str, Any], key: str) -> _E:
    try:
        return cls(_str(data, key))
    except ValueError as exc:
        raise UntrustedData("bundle.content_malformed", field=key) from exc


def _constituency_names(data: Mapping[str, Any]) -> tuple[tuple[Language, str], ...]:
    """The constituency per language, in the order of `Language` (absent in a bundle made before names existed)."""
    names = data.get("names", {})
    if not isinstance(names, dict) or not set(names) <= {language.value for language in Language}:
        raise UntrustedData("bundle.content_malformed", field="names")
    return tuple((language, _str(names, language.value)) for language in Language if language.value in names)


def _date(data: Mapping[str, Any]) -> dt.date | None:
    value = data.get("date")
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(_str(data, "date"))
    except ValueError as exc:
        raise UntrustedData("bundle.content_malformed", field="date") from exc


def election_from_dict(data: Any) -> Election:
    if not isinstance(data, dict) or not isinstance(data.get("lists"), list):
        raise UntrustedData("bundle.content_malformed", field="election")
    if not isinstance(data.get("has_successors"), bool):
        raise UntrustedData("bundle.content_malformed", field="has_successors")
    names, date = _constituency_names(data), _date(data)
    try:
        return Election(
            _enum(ElectionCode, data, "code"),
            _str(data, "constituency"),
            tuple(_list_from_dict(item) for item in data["lists"]),
            data["has_successors"],
            names,
            date,
        )
    except ValueError as exc:  # lists out of order or repeated
        raise UntrustedData("bundle.content_malformed", field="lists") from exc


def station_from_dict(data: Any) -> Station:
    if not isinstance(data, dict):
        raise UntrustedData("bundle.content_malformed", field="station")
    return Station(
        StationId(_str(data, "id")),
        _str(data, "name"),
        _enum(ElectionCode, data, "election"),
        _str(data, "constituency"),
        _enum(Language, data, "language"),
    )
