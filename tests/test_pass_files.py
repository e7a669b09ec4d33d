"""Pass and decisions files: the contract's format, and every kind of bad input named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.counting.model import Box, InvalidReason, Status
from app.counting.notation import format_marks, format_status, parse_ballot
from app.errors import BadInput
from app.i18n import LANGUAGES, translate
from app.pass_files import read_pile_file
from tests.reference import chamber_2024

HEADER = "pile,position,marks,status\n"


def write(tmp_path: Path, body: str, header: str = HEADER, encoding: str = "utf-8") -> Path:
    path = tmp_path / "pass1.csv"
    path.write_bytes((header + body).encode(encoding))
    return path


def test_reads_piles_in_order_with_marks_and_statuses(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "1,1,8:H,\n1,2,8:T1 8:S2,\n1,3,,\n2,1,1:H 3:H,\n2,2,8:H,invalid:identifying-mark\n2,3,8:T4,contested\n",
    )
    piles = read_pile_file(path, chamber_2024())
    assert [p.pile for p in piles] == [1, 2]
    first, second = piles
    assert [format_marks(b) for b in first.ballots] == ["8:H", "8:T1 8:S2", ""]
    assert second.ballots[1].status is Status.DECLARED_INVALID
    assert second.ballots[1].invalid_reason is InvalidReason.IDENTIFYING_MARK
    assert second.ballots[2].status is Status.CONTESTED
    assert [format_status(b) for b in second.ballots] == ["", "invalid:identifying-mark", "contested"]


def test_utf8_with_bom_and_extra_columns_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "1,1,8:H,,remark\n", header="\ufeffpile,position,marks,status,note\n")
    assert len(read_pile_file(path, chamber_2024())[0].ballots) == 1


BAD = [
    # (name, body, key, line)
    ("unknown_list", "1,1,8:H,\n1,2,99:H,\n", "passfile.ballot.unknown_mark", 3),
    ("unknown_candidate", "1,1,8:T25,\n", "passfile.ballot.unknown_mark", 2),
    ("garbled_mark", "1,1,8-T2,\n", "passfile.notation.bad_mark", 2),
    ("mark_twice", "1,1,8:T2 8:T2,\n", "passfile.notation.mark_twice", 2),
    ("bad_status", "1,1,8:T2,maybe\n", "passfile.notation.bad_status", 2),
    ("bad_reason", "1,1,8:T2,invalid:ugly\n", "passfile.notation.bad_status", 2),
    ("position_skipped", "1,1,8:H,\n1,3,8:H,\n", "passfile.position_order", 3),
    ("position_zero", "1,0,8:H,\n", "passfile.bad_number", 2),
    ("pile_not_a_number", "x,1,8:H,\n", "passfile.bad_number", 2),
    ("pile_split", "1,1,8:H,\n2,1,8:H,\n1,2,8:H,\n", "passfile.pile_split", 4),
    ("field_over_the_csv_limit", "1,1,8:H,\n1,2," + "8" * 131_073 + ",\n", "passfile.bad_csv", 3),
    ("status_over_the_csv_limit", "1,1,8:H," + "x" * 200_000 + "\n", "passfile.bad_csv", 2),
]


@pytest.mark.parametrize(("name", "body", "key", "line"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_file_line_and_next_step(tmp_path: Path, name: str, body: str, key: str, line: int) -> None:
    with pytest.raises(BadInput) as info:
        read_pile_file(write(tmp_path, body), chamber_2024())
    assert info.value.key == key
    assert info.value.params["line"] == line
    for language in LANGUAGES:
        text = translate(info.value.key, language, **info.value.params)
        assert "pass1.csv" in text and str(line) in text and "{" not in text


def test_contested_is_refused_in_a_decisions_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as info:
        read_pile_file(write(tmp_path, "1,1,8:H,contested\n"), chamber_2024(), allow_contested=False)
    assert info.value.key == "passfile.contested_in_decision"


@pytest.mark.parametrize(
    ("header", "encoding", "key"),
    [
        ("pile;position;marks;status\n", "utf-8", "passfile.bad_header"),
        (HEADER, "latin-1", "file.not_utf8"),
    ],
)
def test_wrong_header_or_encoding(tmp_path: Path, header: str, encoding: str, key: str) -> None:
    with pytest.raises(BadInput) as info:
        read_pile_file(write(tmp_path, "1,1,8:H,Dupré\n", header=header, encoding=encoding), chamber_2024())
    assert info.value.key == key


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as info:
        read_pile_file(tmp_path / "nope.csv", chamber_2024())
    assert info.value.key == "file.unreadable"


def test_list_box_notation_round_trips() -> None:
    b = parse_ballot("3:S2 3:H 3:T10", "")
    assert format_marks(b) == "3:H 3:T10 3:S2"
    assert {m.box for m in b.marks} == {Box.LIST, Box.TITULAR, Box.SUCCESSOR}


def test_a_field_over_the_csv_limit_is_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from tests.contract_fixtures import candidates_csv

    election = chamber_2024()
    candidates_csv(election, tmp_path / "candidates.csv")
    path = write(tmp_path, "1,1," + "8" * 131_073 + ",\n")
    args = ["keys", "encode", "--candidates", str(tmp_path / "candidates.csv"), "--election", election.code.value]
    assert main([*args, "--constituency", election.constituency, str(path)]) == 2
    err = capsys.readouterr().err
    assert "pass1.csv" in err and "131072" in err and "Traceback" not in err
