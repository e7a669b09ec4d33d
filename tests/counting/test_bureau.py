"""The bureau's record and the bureau file (contract "Bureau file"), on parsed JSON values."""

from __future__ import annotations

import pytest

from app.counting.bureau import MAX_EXPLANATION, BureauRecord, parse_bureau_file
from app.counting.checks import PollingStationCount
from app.errors import BadInput
from tests.reference import chamber_2024


def label(name: str, number: int) -> str:
    return f"{name} (lijst {number})"


def parse(value: object) -> BureauRecord:
    return parse_bureau_file(value, chamber_2024(), "b.json", label)


def test_a_full_bureau_file_becomes_the_record_the_checks_and_the_pv_use() -> None:
    record = parse(
        {
            "polling_stations": [{"id": " 13 ", "received": 800, "counted": 799}, {"id": "13B", "received": 0}],
            "members": [
                {"role": "assessor", "name": "Eva  Maes"},
                {"role": "president", "name": "Anna Peeters"},
                {"role": "witness", "name": "Geert Wouters", "list": 3},
                {"role": "witness", "name": "Els Claes"},
            ],
            "remarks": "Urne 13 kwam laat.\n\n  Zegels   in orde. ",
            "explanations": {"W.202": "Eén stembiljet lag nog in de urne.", "W.201": "Zie W.202."},
        }
    )
    assert record.polling_stations == (PollingStationCount("13", 800, 799), PollingStationCount("13B", 0, None))
    assert (record.president, record.secretary, record.assessors) == ("Anna Peeters", "", ("Eva Maes",))
    assert record.witnesses == ("Geert Wouters (lijst 3)", "Els Claes")
    assert record.remarks == ("Urne 13 kwam laat.", "Zegels in orde.")
    assert record.explanations == (("W.201", "Zie W.202."), ("W.202", "Eén stembiljet lag nog in de urne."))
    assert record.explanation("W.202") == "Eén stembiljet lag nog in de urne." and record.explanation("W.203") is None
    assert record.operators == ("Anna Peeters", "Eva Maes")


def test_an_empty_bureau_file_is_an_empty_record() -> None:
    assert parse({}) == BureauRecord()


def test_an_explanation_too_long_for_the_pv_is_bad_input() -> None:
    with pytest.raises(BadInput) as caught:
        parse({"explanations": {"W.201": "x" * (MAX_EXPLANATION + 1)}})
    assert caught.value.params["field"] == "explanations.W.201"


def test_a_witness_whose_list_label_gets_too_long_is_bad_input() -> None:
    with pytest.raises(BadInput) as caught:
        parse({"members": [{"role": "witness", "name": "x" * 498, "list": 3}]})
    assert caught.value.params["field"] == "members[0].name"


def test_the_record_keeps_one_explanation_per_warning() -> None:
    with pytest.raises(ValueError, match="one explanation"):
        BureauRecord(explanations=(("W.201", "a"), ("W.201", "b")))
    with pytest.raises(ValueError, match="too long"):
        BureauRecord(explanations=(("W.201", "x" * (MAX_EXPLANATION + 1)),))
