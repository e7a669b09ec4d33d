"""The contract of `tabula keys encode` and `tabula keys decode`, through the public CLI."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.cli import main
from app.counting.model import Ballot, Box, InvalidReason, Mark, Position, Status
from app.i18n import translate
from tests.contract_fixtures import candidates_csv, pile_csv
from tests.counting.generate import random_ballots
from tests.reference import chamber_2024

ELECTION = chamber_2024()
KEYSYMS = {
    *(f"KP_{d}" for d in range(10)),
    "KP_Decimal",
    "KP_Add",
    "KP_Subtract",
    "KP_Multiply",
    "KP_Divide",
    "KP_Enter",
}
DEMO = Path(__file__).resolve().parents[1] / "app" / "demo_data" / "candidates.csv"


@pytest.fixture
def candidates(tmp_path: Path) -> Path:
    path = tmp_path / "candidates.csv"
    candidates_csv(ELECTION, path)
    return path


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TABULA_LANG", raising=False)


def keys(
    capsys: pytest.CaptureFixture[str],
    command: str,
    file: Path,
    candidates: Path,
    election: str = "CK",
    constituency: str = ELECTION.constituency,
) -> tuple[int, str, str]:
    args = ["keys", command, "--candidates", str(candidates), "--election", election, "--constituency", constituency]
    code = main([*args, str(file)])
    out, err = capsys.readouterr()
    return code, out, err


def candidates_of_list_10(ballot: Ballot) -> bool:
    return bool(ballot.marks) and all(m.list_number == 10 and m.box is not Box.LIST for m in ballot.marks)


def realistic_pass() -> list[tuple[int, int, Ballot]]:
    """An Antwerp pass as a bureau enters it: piles sorted by list vote, by candidates of one list, blank, invalid, and
    unsorted piles; contested and declared-invalid ballots; pile numbers with gaps, not in order."""
    rng = random.Random(2024)
    mixed = random_ballots(ELECTION, 120, seed=11)
    sorted_piles = [
        [Ballot(frozenset({Mark(ELECTION.lists[1].number, Box.LIST)}))] * 50,
        [b for b in random_ballots(ELECTION, 600, seed=3) if candidates_of_list_10(b)][:37],
        [Ballot()] * 9,
        [Ballot(frozenset(), Status.DECLARED_INVALID, reason) for reason in InvalidReason],
    ]
    mixed[3] = Ballot(mixed[3].marks, Status.CONTESTED)
    mixed[7] = Ballot(mixed[7].marks, Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK)
    mixed[8] = Ballot(frozenset({Mark(ELECTION.lists[1].number, Box.SUCCESSOR, Position(13))}))
    piles = [*sorted_piles, mixed[:50], mixed[50:100], mixed[100:]]
    numbers = [1, 2, 5, 4, 12, 13, 9999]
    rng.shuffle(piles)
    return [(number, i, b) for number, pile in zip(numbers, piles, strict=True) for i, b in enumerate(pile, start=1)]


def test_decoding_the_encoded_keys_gives_back_the_pass_file_byte_for_byte(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = pile_csv(tmp_path / "pass1.csv", realistic_pass())
    code, out, err = keys(capsys, "encode", pass_file, candidates)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert out.endswith("\n") and len(lines) > 400 and set(lines) <= KEYSYMS
    key_file = tmp_path / "keys.txt"
    key_file.write_text(out, encoding="utf-8")
    code, decoded, err = keys(capsys, "decode", key_file, candidates)
    assert (code, err) == (0, "")
    assert decoded.encode("utf-8") == pass_file.read_bytes()


def test_the_demo_election_round_trips_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "pile,position,marks,status\n1,1,1:H,\n1,2,1:T2 1:T3,\n1,3,,\n3,1,2:H,contested\n"
    body += "3,2,1:H 2:T1,invalid:other\n"
    pass_file = tmp_path / "demo.csv"
    pass_file.write_text(body, encoding="utf-8")
    code, out, _ = keys(capsys, "encode", pass_file, DEMO, constituency="Kieskring Demo")
    assert code == 0
    (tmp_path / "keys.txt").write_text(out, encoding="utf-8")
    code, decoded, _ = keys(capsys, "decode", tmp_path / "keys.txt", DEMO, constituency="Kieskring Demo")
    assert (code, decoded) == (0, body)


def test_a_key_file_with_windows_line_ends_and_blank_lines_decodes(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    key_file.write_text("KP_Enter\r\n\r\nKP_Enter\r\nKP_1\r\nKP_Enter\r\nKP_3\r\nKP_Enter\r\n", encoding="utf-8")
    code, out, _ = keys(capsys, "decode", key_file, candidates)
    assert (code, out) == (0, "pile,position,marks,status\n1,1,3:H,\n")


def one_line_refusal(code: int, out: str, err: str) -> str:
    assert code == 2 and out == ""
    assert err.endswith("\n") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_an_unknown_election_is_bad_input_naming_the_elections_there(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = pile_csv(tmp_path / "p.csv", [(1, 1, Ballot())])
    err = one_line_refusal(*keys(capsys, "encode", pass_file, candidates, election="VL"))
    assert "'VL'" in err and "CK" in err and "candidates.csv" in err
    err = one_line_refusal(*keys(capsys, "decode", pass_file, candidates, election="XYZ"))
    assert "'XYZ'" in err and "CK" in err


def test_an_unknown_constituency_is_bad_input_naming_the_constituencies_there(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = pile_csv(tmp_path / "p.csv", [(1, 1, Ballot())])
    err = one_line_refusal(*keys(capsys, "encode", pass_file, candidates, constituency="Kieskring Gent"))
    assert "'Kieskring Gent'" in err and ELECTION.constituency in err


def test_a_key_file_with_an_unknown_keysym_names_its_line(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    key_file.write_text("KP_Enter\nKP_Enter\n\nKP_Comma\n", encoding="utf-8")
    err = one_line_refusal(*keys(capsys, "decode", key_file, candidates))
    assert err.startswith(translate("keys.unknown_key", "nl", line=4, keysym="KP_Comma"))


def test_a_refused_key_is_named_by_its_number_with_the_reason(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    # pile 1 (proposed), mixed, 3 ballots by hand, then list 3 contested with decision 9: there is no decision 9
    key_file.write_text("KP_Enter\nKP_Enter\nKP_3\nKP_Enter\nKP_3\nKP_Divide\nKP_9\n", encoding="utf-8")
    err = one_line_refusal(*keys(capsys, "decode", key_file, candidates))
    refused = translate("keys.refused", "nl", key_number=7, keysym="KP_9")
    reason = translate("keys.bad_status", "nl", digit=9)
    assert err.startswith(f"{refused} {reason}")
    assert "7" in refused and "/" in reason


def test_a_candidate_past_the_end_of_its_list_is_refused_with_the_list_and_its_size(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    typed = ["KP_Enter", "KP_Enter", "KP_3", "KP_Enter", "KP_5", "KP_Decimal", "KP_8"]
    key_file.write_text("\n".join(typed), encoding="utf-8")
    err = one_line_refusal(*keys(capsys, "decode", key_file, candidates, constituency=ELECTION.constituency))
    assert translate("keys.no_titular", "nl", number=8, list=5, maximum=7) in err
    assert translate("keys.refused", "nl", key_number=7, keysym="KP_8") in err


def test_an_unfinished_last_pile_is_bad_input(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    key_file.write_text("KP_Enter\nKP_Enter\nKP_3\nKP_Enter\nKP_3\nKP_Enter\nKP_5\nKP_Enter\n", encoding="utf-8")
    err = one_line_refusal(*keys(capsys, "decode", key_file, candidates))
    assert err.startswith(translate("keys.unfinished", "nl", pile=1))


def test_a_pass_file_with_a_bad_mark_is_bad_input_naming_file_line_and_mark(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pass_file = tmp_path / "p.csv"
    pass_file.write_text("pile,position,marks,status\n1,1,3:H,\n1,2,3:X4,\n", encoding="utf-8")
    err = one_line_refusal(*keys(capsys, "encode", pass_file, candidates))
    assert "p.csv" in err and "3:X4" in err and "3" in err


def test_a_missing_file_is_bad_input(tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one_line_refusal(*keys(capsys, "decode", tmp_path / "nope.txt", candidates))
    one_line_refusal(*keys(capsys, "encode", tmp_path / "nope.csv", candidates))


def test_messages_follow_the_chosen_language(
    tmp_path: Path, candidates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "keys.txt"
    key_file.write_text("KP_Enter\nKP_Enter\nKP_3\nKP_Enter\nKP_3\nKP_Divide\nKP_9\n", encoding="utf-8")
    args = ["keys", "decode", "--candidates", str(candidates), "--election", "CK"]
    code = main(["--lang", "fr", *args, "--constituency", ELECTION.constituency, str(key_file)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(translate("keys.refused", "fr", key_number=7, keysym="KP_9"))


@pytest.mark.parametrize("argv", [["keys", "--help"], ["keys", "encode", "--help"], ["keys", "decode", "--help"]])
def test_every_keys_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: tabula keys") and ("--candidates" in out or "encode" in out)


def test_keys_without_a_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["keys"])
    assert done.value.code == 2 and "encode" in capsys.readouterr().err
