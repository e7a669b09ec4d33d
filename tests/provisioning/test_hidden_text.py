"""Names that could hide or reorder text (issue 9): refused at import with the field named, in CSV and EML 230;
numbers no parser should choke on: bad input (exit 2), never an internal error."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from app.eml.candidates import write_candidates
from app.errors import BadInput
from app.i18n import LANGUAGES, describe_error
from provisioning import commands, csv_import
from tests.provisioning.helpers import CANDIDATE_HEADER, STATION_HEADER, special_rows, write_csv
from tests.reference import chamber_2024

STATION = ("V-001", "Telbureau Vlaams", "VL", "Antwerpen", "nl")
RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"  # right-to-left override and isolate, their ends
ZWSP, ZWJ, NBSP, SHY = "\u200b", "\u200d", "\u00a0", "\u00ad"  # zero-width space, joiner; no-break space; soft hyphen


def _import(tmp_path: Path, name: str = "Peeters An", list_name: str = "Lijst Ç'est", station_name: str = STATION[1]):
    rows = [*special_rows(), ("VL", "Antwerpen", "1", list_name, "T", "6", name)]
    return csv_import.import_files(
        write_csv(tmp_path / "stations.csv", STATION_HEADER, [(STATION[0], station_name, *STATION[2:])]),
        write_csv(tmp_path / "candidates.csv", CANDIDATE_HEADER, rows),
    )


HIDDEN = [
    ("right-to-left override", f"Peeters {RLO}nA{PDF}", "import.bidi_control", "U+202E"),
    ("right-to-left isolate", f"Peeters {RLI}An{PDI}", "import.bidi_control", "U+2067"),
    ("right-to-left mark", "Peeters An\u200f", "import.bidi_control", "U+200F"),
    ("zero-width space", f"Pee{ZWSP}ters An", "import.invisible_character", "U+200B"),
    ("zero-width joiner", f"Peeters{ZWJ} An", "import.invisible_character", "U+200D"),
    ("soft hyphen", f"Pee{SHY}ters An", "import.invisible_character", "U+00AD"),
    ("no-break space", f"Peeters{NBSP}An", "import.invisible_character", "U+00A0"),
    ("byte-order mark inside", "Peeters\ufeffAn", "import.invisible_character", "U+FEFF"),
    ("Hangul filler", "Peeters \u3164An", "import.invisible_character", "U+3164"),
    ("100,000 characters", "A" * 100_000, "import.too_long", ""),
    ("121 characters", "A" * 121, "import.too_long", ""),
]


@pytest.mark.parametrize(("case", "name", "key", "char"), HIDDEN, ids=[h[0] for h in HIDDEN])
def test_a_candidate_name_that_hides_or_reorders_text_is_refused_naming_the_field(
    tmp_path: Path, case: str, name: str, key: str, char: str
) -> None:
    with pytest.raises(BadInput) as caught:
        _import(tmp_path, name=name)
    error = caught.value
    assert error.key == key
    assert (error.params["file"], error.params["line"], error.params["column"]) == ("candidates.csv", 8, "name")
    assert error.params["char"] == char
    for language in LANGUAGES:
        text = describe_error(error, language)
        assert "candidates.csv" in text and "name" in text
        assert not set(text) & {RLO, RLI, PDI, ZWSP, ZWJ, SHY, "\u200f", "\ufeff", "\u3164"}  # the message is safe
        assert len(text) < 600  # a long value is not echoed in full
        if key == "import.too_long":
            assert str(len(name)) in text and str(csv_import.MAX_TEXT) in text
        else:
            assert char in text


def test_a_name_of_exactly_the_limit_is_kept(tmp_path: Path) -> None:
    imported = _import(tmp_path, name="A" * csv_import.MAX_TEXT)
    names = [c.name for lst in imported.elections[next(iter(imported.elections))].lists for c in lst.titulars]
    assert "A" * csv_import.MAX_TEXT in names


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [("list_name", {"list_name": f"Lijst {RLO}A"}), ("name", {"station_name": f"Bureau{ZWSP} 1"})],
)
def test_list_and_bureau_names_are_held_to_the_same_rule(tmp_path: Path, field: str, kwargs: dict[str, str]) -> None:
    with pytest.raises(BadInput) as caught:
        _import(tmp_path, **kwargs)
    assert caught.value.params["column"] == field


def test_shown_makes_any_value_safe_to_print() -> None:
    assert csv_import.shown(f"a{RLO}b\nc") == "a<U+202E>b<U+000A>c"
    assert csv_import.shown("x" * 100) == "x" * 60 + "…"
    assert csv_import.shown("Noël-Dupré Zoë") == "Noël-Dupré Zoë"


# --- EML 230 ------------------------------------------------------------------------------------------------------


def _eml(tmp_path: Path, data: bytes) -> tuple[Path, Path]:
    election = chamber_2024()
    eml = tmp_path / "candidates.xml"
    eml.write_bytes(data)
    stations = tmp_path / "stations.csv"
    stations.write_text(
        f"station,name,election,constituency,language\nA-1,B,CK,{election.constituency},nl\n", encoding="utf-8"
    )
    return stations, eml


def _eml_with_name(name: str) -> bytes:
    election = chamber_2024()
    first = election.lists[0]
    renamed = dataclasses.replace(first.titulars[0], name=name)
    lists = (dataclasses.replace(first, titulars=(renamed, *first.titulars[1:])), *election.lists[1:])
    return write_candidates([dataclasses.replace(election, lists=lists)], issue_date=dt.date(2029, 5, 1))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (f"Peeters {RLO}nA", "import.eml_bad_text"),
        (f"Pee{ZWSP}ters", "import.eml_bad_text"),
        ("B" * 100_000, "import.eml_too_long"),
    ],
    ids=["override", "zero-width", "too-long"],
)
def test_an_eml_230_name_that_hides_text_is_refused(tmp_path: Path, name: str, key: str) -> None:
    with pytest.raises(BadInput) as caught:
        csv_import.import_files(*_eml(tmp_path, _eml_with_name(name)))
    assert caught.value.key == key and caught.value.params["what"] == "name"
    text = describe_error(caught.value, "nl")
    assert RLO not in text and ZWSP not in text and len(text) < 600


@pytest.mark.parametrize("where", ["candidate", "list"])
def test_a_5000_digit_identifier_in_eml_230_is_bad_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    data = write_candidates([chamber_2024()], issue_date=dt.date(2029, 5, 1)).decode("utf-8")
    pattern = r'CandidateIdentifier Id="T1"' if where == "candidate" else r'AffiliationIdentifier Id="1"'
    element = pattern.split(" ")[0]
    data = re.sub(pattern, f'{element} Id="{"9" * 5000}"', data, count=1)
    stations, eml = _eml(tmp_path, data.encode("utf-8"))
    with pytest.raises(BadInput):
        csv_import.import_files(stations, eml)
    (tmp_path / "pass").write_text("x", encoding="utf-8")
    args = ["provision", "build-master", "--ca", str(tmp_path / "no-ca"), "--stations", str(stations)]
    args += ["--candidates", str(eml), "--out", str(tmp_path / "out"), "--passwords-out", str(tmp_path / "pw.csv")]
    assert commands.main([*args, "--passphrase-file", str(tmp_path / "pass")]) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err and "internal" not in err.lower()
