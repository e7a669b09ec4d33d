"""The contract of `tabula replay` and `tabula verify`, end to end through the public CLI."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.cli import main
from app.counting.model import Ballot, Box, InvalidReason, ListNumber, Mark, Position, Status
from app.stick import make_manifest, sha256_hex
from tests.contract_fixtures import PASSWORD, Master, as_piles, build_test_master, pile_csv
from tests.counting.generate import random_ballots


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@dataclasses.dataclass
class Run:
    stick: Path
    folder: Path
    master: Master

    def replay(
        self,
        pass1: list[tuple[int, int, Ballot]],
        pass2: list[tuple[int, int, Ballot]] | None = None,
        decisions: list[tuple[int, int, Ballot]] | None = None,
        *extra: str,
        station: str = "A-001",
        password: str = PASSWORD,
        with_ca: bool = True,
    ) -> int:
        pw = self.folder / "pw.txt"
        pw.write_text(password + "\n", encoding="utf-8")
        args = [
            "replay",
            "--stick",
            str(self.stick),
            "--station",
            station,
            "--password-file",
            str(pw),
            "--pass1",
            str(pile_csv(self.folder / "pass1.csv", pass1)),
            "--pass2",
            str(pile_csv(self.folder / "pass2.csv", pass2 if pass2 is not None else pass1)),
            *(["--ca", str(self.master.root_pem)] if with_ca else []),
            *extra,
        ]
        if decisions is not None:
            args += ["--decisions", str(pile_csv(self.folder / "decisions.csv", decisions))]
        if not {"--received", "--bureau"} & set(extra):  # no count finishes without it (check E.106)
            args += ["--received", str(settled_ballots(pass1, decisions))]
        return main(args)

    def verify(self, *extra: str) -> int:
        return main(["verify", str(self.stick), "--ca", str(self.master.root_pem), *extra])

    @property
    def results(self) -> Path:
        return self.stick / "results" / "A-001"


def settled_ballots(pass1: list[tuple[int, int, Ballot]], decisions: list[tuple[int, int, Ballot]] | None) -> int:
    """The ballots a count ends with when the passes agree except where decided: received as many, no warning."""
    decided = {pile for pile, _, _ in decisions or ()}
    return sum(1 for pile, _, _ in pass1 if pile not in decided) + len(decisions or ())


@pytest.fixture
def run(master: Master, tmp_path: Path) -> Run:
    return Run(master.stick(tmp_path / "stick"), tmp_path, master)


def ballots(master: Master, n: int = 120) -> list[tuple[int, int, Ballot]]:
    return as_piles(random_ballots(master.election, n, seed=11))


def vote(list_number: int, *marks: str) -> Ballot:
    out = set()
    for m in marks:
        box = Box.LIST if m == "H" else Box(m[0])
        out.add(Mark(ListNumber(list_number), box, Position(0 if m == "H" else int(m[1:]))))
    return Ballot(frozenset(out))


def test_identical_passes_give_results_that_verify(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master)) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("control number: ")
    number = out[-1].removeprefix("control number: ")
    assert sorted(p.name for p in run.results.iterdir()) == [
        "count-510.xml",
        "manifest.json",
        "manifest.p7s",
        "pv.pdf",
        "security-log.jsonl",
        "votes-460-pass1.xml",
        "votes-460-pass2.xml",
        "votes-460.xml",
    ]
    assert run.verify("--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    station = report["stations"][0]
    assert station["station"] == "A-001" and station["control_number"] == number and station["problems"] == []
    assert (station["election"], station["name"], station["received"]) == ("CK", "Telbureau A-001", 120)
    assert station["constituency"] == run.master.election.constituency
    assert station["entries"] == {"pass1": 120, "pass2": 120, "differences": 0, "overruled": 0}
    assert station["ballots"]["counted"] == 120
    assert [lst["list"] for lst in station["lists"]] == [lst.number for lst in run.master.election.lists]
    first = station["lists"][0]
    assert first["ce"] == first["sc1"] + first["sc2"] + first["sc3"] + first["sc4"]
    assert len(first["titulars"]) == 24 and len(first["successors"]) == 13


def test_a_changed_ballot_without_decision_exits_3_and_writes_nothing(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ballots(run.master)
    second = list(first)
    second[60] = (second[60][0], second[60][1], vote(8, "T3"))
    assert run.replay(first, second) == 3
    err = capsys.readouterr().err
    assert "Stapel 2, stembiljet 11" in err
    assert not (run.stick / "results").exists()


def test_a_skipped_ballot_is_one_difference_and_a_decision_settles_it(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ballots(run.master, 50)
    second = [(p, i if i < 20 else i - 1, b) for p, i, b in first if i != 20]
    assert run.replay(first, second) == 3
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Stapel")]
    assert len(lines) == 1 and "stembiljet 20" in lines[0]
    assert run.replay(first, second, first) == 0


def test_contested_ballot_is_decided_and_listed(run: Run) -> None:
    first = ballots(run.master, 30)
    contested = [(p, i, dataclasses.replace(b, status=Status.CONTESTED) if i == 5 else b) for p, i, b in first]
    assert run.replay(contested) == 3
    decided = [
        (p, i, Ballot(b.marks, Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK) if i == 5 else b)
        for p, i, b in first
    ]
    assert run.replay(contested, contested, decided) == 0
    assert run.verify() == 0


def test_received_differs_is_a_warning_that_does_not_block(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master), None, None, "--received", "121") == 0
    captured = capsys.readouterr()
    assert "W.201" in captured.err and captured.out.strip().splitlines()[-1].startswith("control number:")


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("1,1,8:H,\n1,2,99:T1,\n", "regel 3"),
        ("1,1,8:T1 8:T1,\n", "regel 2"),
    ],
)
def test_bad_mark_exits_2_naming_file_and_line(
    run: Run, capsys: pytest.CaptureFixture[str], body: str, where: str
) -> None:
    bad = run.folder / "bad.csv"
    bad.write_text("pile,position,marks,status\n" + body, encoding="utf-8")
    pw = run.folder / "pw.txt"
    pw.write_text(PASSWORD, encoding="utf-8")
    code = main(
        [
            "replay",
            "--stick",
            str(run.stick),
            "--station",
            "A-001",
            "--password-file",
            str(pw),
            "--pass1",
            str(bad),
            "--pass2",
            str(bad),
            "--ca",
            str(run.master.root_pem),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "bad.csv" in err and where in err and "Traceback" not in err
    assert not (run.stick / "results").exists()


def test_wrong_password_exits_2_and_writes_nothing(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 10), password="WRONG-WRONG-WRONG-WRONG") == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (run.stick / "results").exists()


def test_decision_with_contested_status_is_bad_input(run: Run) -> None:
    first = ballots(run.master, 10)
    contested = [(p, i, dataclasses.replace(b, status=Status.CONTESTED)) for p, i, b in first]
    assert run.replay(first, first, contested) == 2


def test_replay_again_replaces_the_results_as_a_whole(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 60)) == 0
    first_number = capsys.readouterr().out.splitlines()[-1]
    assert run.replay(ballots(run.master, 61)) == 0
    second_number = capsys.readouterr().out.splitlines()[-1]
    assert first_number != second_number
    assert run.verify() == 0


def test_verify_of_a_stick_without_results_fails(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.verify("--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["ok"], report["stations"]) == (False, [])
    (problem,) = report["problems"]  # the stick's own problem, said in words
    assert "results" in problem


def test_usage_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["replay", "--stick"])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


# --- tampering: each artefact changed, verify names the problem ---------------------------------------------------


def rewrite_manifest(folder: Path) -> None:
    """What someone who edits a file would also do: make the manifest fit again."""
    hashes = {
        p.name: sha256_hex(p.read_bytes()) for p in folder.iterdir() if p.name not in {"manifest.json", "manifest.p7s"}
    }
    (folder / "manifest.json").write_bytes(make_manifest(folder.name, hashes))


TAMPER = [
    # (name, file, old, new, problem text expected in the report)
    (
        "one_candidate_of_one_ballot",
        "votes-460.xml",
        'CandidateIdentifier Id="T1"',
        'CandidateIdentifier Id="T2"',
        "votes-460.xml",
    ),
    ("a_list_total", "count-510.xml", "<ValidVotes>", "<ValidVotes>1", "count-510.xml"),
    ("one_byte_of_the_pv", "pv.pdf", "Proces-verbaal", "Proces-verbaaL", "pv.pdf"),
]


@pytest.mark.parametrize(("name", "file", "old", "new", "expected"), TAMPER, ids=[t[0] for t in TAMPER])
def test_tampered_file_with_matching_manifest_fails_verification(
    run: Run, capsys: pytest.CaptureFixture[str], name: str, file: str, old: str, new: str, expected: str
) -> None:
    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    path = run.results / file
    data = path.read_bytes()
    assert old.encode() in data
    path.write_bytes(data.replace(old.encode(), new.encode(), 1))
    rewrite_manifest(run.results)
    assert run.verify() == 1
    assert expected in capsys.readouterr().out


def test_tampered_file_without_manifest_update_is_named(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    log = run.results / "security-log.jsonl"
    log.write_bytes(log.read_bytes().replace(b"pass.started", b"pass.startet", 1))
    assert run.verify() == 1
    assert "security-log.jsonl" in capsys.readouterr().out


def test_edited_manifest_is_detected(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master)) == 0
    manifest = run.results / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"pv.pdf": "', b'"pv.pdf": "0', 1))
    assert run.verify() == 1


def test_ballot_changed_and_resigned_with_the_bureau_key_is_caught_by_the_recount(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even with the bureau's own key (a bug, or a stolen key), the 460 must still add up to the 510."""
    import datetime as dt

    from cryptography import x509

    from app.counting.classify import classify
    from app.counting.model import BallotRef
    from app.eml.votes import read_votes, write_votes
    from app.station_login import load_station

    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    root = x509.load_pem_x509_certificate(run.master.root_pem.read_bytes())
    loaded = load_station(run.stick, root, "A-001", PASSWORD, dt.datetime.now(dt.UTC))
    cast = read_votes((run.results / "votes-460.xml").read_bytes()).ballots
    entries = [(c.ref, c.ballot, classify(c.ballot)) for c in cast]
    entries[0] = (BallotRef(1, 1), vote(8, "T2"), classify(vote(8, "T2")))
    (run.results / "votes-460.xml").write_bytes(
        write_votes("A-001", loaded.election, entries, loaded.signer, issue_date=dt.date.today())
    )
    rewrite_manifest(run.results)
    assert run.verify() == 1
    out = capsys.readouterr().out
    assert "Hertelling" in out and "lijst 8, kandidaat T2" in out


def test_deleted_and_added_ballot_are_caught(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    assert run.replay(ballots(run.master)) == 0
    capsys.readouterr()
    path = run.results / "votes-460.xml"
    text = path.read_text(encoding="utf-8")
    votes = re.findall(r"<CastVote>.*?</CastVote>", text, flags=re.S)
    assert len(votes) == 120
    path.write_text(text.replace(votes[3], "", 1), encoding="utf-8")  # a ballot removed
    rewrite_manifest(run.results)
    assert run.verify() == 1
    assert "votes-460.xml" in capsys.readouterr().out
    path.write_text(text.replace(votes[3], votes[3] + votes[3], 1), encoding="utf-8")  # a ballot added (copied)
    rewrite_manifest(run.results)
    assert run.verify() == 1
    assert "votes-460.xml" in capsys.readouterr().out


def test_replay_without_ca_trusts_the_root_on_the_master_stick(
    run: Run, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TABULA_ROOT_CERT", raising=False)
    monkeypatch.setattr("app.replay.APPLIANCE_ROOT", run.folder / "no-such-root.pem")
    rows = ballots(run.master, 20)
    assert run.replay(rows, with_ca=False) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1].startswith("control number: ")
    assert "--ca" in captured.err  # it says that a stick vouching for itself is no proof
    (run.stick / "root.pem").unlink()
    assert run.replay(rows, with_ca=False) == 2
    assert "--ca" in capsys.readouterr().err


def test_pile_missing_in_pass_2_stays_open_and_a_decision_cannot_replace_the_pass(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ballots(run.master, 100)
    second = [row for row in first if row[0] == 1]  # pass 2 forgot pile 2
    assert run.replay(first, second) == 3
    assert "Stapel 2: invoer 2 ontbreekt" in capsys.readouterr().err
    pile_2 = [row for row in first if row[0] == 2]
    assert run.replay(first, second, pile_2) == 2  # contract: a decision only for a pile entered twice
    err = capsys.readouterr().err
    assert "stapel 2" in err and "--pass2" in err and "Traceback" not in err
    assert not (run.stick / "results").exists()
    assert run.replay(first, first, pile_2, "--received", "100") == 0  # entered twice: the decision is taken
    assert run.verify() == 0


@pytest.mark.parametrize(
    ("in_pass1", "in_pass2", "named"),
    [(True, False, "--pass2"), (False, True, "--pass1"), (False, False, "--pass1, --pass2")],
    ids=["only in pass 1", "only in pass 2", "in neither pass"],
)
def test_a_decision_for_a_pile_not_entered_twice_exits_2_naming_the_pile_and_writes_nothing(
    run: Run, capsys: pytest.CaptureFixture[str], in_pass1: bool, in_pass2: bool, named: str
) -> None:
    rows = ballots(run.master, 60)  # piles 1 and 2
    pile_2 = [row for row in rows if row[0] == 2]
    pile_1 = [row for row in rows if row[0] == 1]
    first = rows if in_pass1 else pile_1
    second = rows if in_pass2 else pile_1
    assert run.replay(first, second, pile_2) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "stapel 2" in err and named in err and "Traceback" not in err
    assert not (run.stick / "results").exists()


def test_an_overrule_of_what_both_passes_agreed_on_is_taken_logged_and_verifies(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ballots(run.master, 30)
    overruled = vote(8, "T3") if rows[4][2] != vote(8, "T3") else vote(1, "H")
    decided = [(p, i, overruled if i == 5 else b) for p, i, b in rows]  # the bureau rules against both passes
    assert run.replay(rows, rows, decided, "--received", "30") == 0
    capsys.readouterr()
    assert run.verify("--json") == 0
    (station,) = json.loads(capsys.readouterr().out)["stations"]
    assert station["entries"] == {"pass1": 30, "pass2": 30, "differences": 0, "overruled": 1}
    log = [json.loads(line) for line in (run.results / "security-log.jsonl").read_text(encoding="utf-8").splitlines()]
    (event,) = [e for e in log if e["event"] == "ballot.overruled"]
    assert event["detail"]["pile"] == 1 and event["detail"]["position_1"] == 5 and event["detail"]["position"] == 5
    (decided_event,) = [e for e in log if e["event"] == "difference.decided"]
    assert decided_event["detail"]["overruled"] == 1 and decided_event["detail"]["differences"] == 0


def test_verify_text_report_names_each_bureau(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 30)) == 0
    capsys.readouterr()
    assert run.verify() == 0
    assert capsys.readouterr().out.startswith("A-001: in orde  controlegetal ")


@pytest.mark.parametrize("case", ["bad_ca", "no_stick"])
def test_verify_bad_usage_exits_2(run: Run, capsys: pytest.CaptureFixture[str], case: str) -> None:
    if case == "bad_ca":
        bad = run.folder / "bad.pem"
        bad.write_text("not a certificate", encoding="utf-8")
        code = main(["verify", str(run.stick), "--ca", str(bad)])
    else:
        code = main(["verify", str(run.folder / "nowhere"), "--ca", str(run.master.root_pem)])
    assert code == 2 and "Traceback" not in capsys.readouterr().err


def test_an_unexpected_error_is_one_calm_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: object, language: str) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.verify.verify_command", boom)
    assert main(["--lang", "de", "verify", "x", "--ca", "y"]) == 1
    err = capsys.readouterr().err
    assert "Helpdesk" in err and "disk on fire" not in err and "Traceback" not in err


def test_an_unsigned_extra_file_in_the_results_fails_verification(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 30)) == 0
    capsys.readouterr()
    (run.results / "pv-corrected.pdf").write_bytes(b"%PDF-1.7 made-up figures")
    rewrite_manifest(run.results)
    assert run.verify("--json") == 1
    problems = json.loads(capsys.readouterr().out)["stations"][0]["problems"]
    assert any("pv-corrected.pdf" in p for p in problems)
    assert any("manifest.p7s" in p for p in problems)  # and the manifest is no longer the one the bureau signed


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("comment_splitting_a_number", "<TotalCounted>30</TotalCounted>", "<TotalCounted>3<!---->0</TotalCounted>"),
        ("processing_instruction", "<TotalCounted>30</TotalCounted>", "<TotalCounted>3<?x?>0</TotalCounted>"),
        ("number_too_long_to_read", "<TotalCounted>30</TotalCounted>", f"<TotalCounted>{'9' * 5000}</TotalCounted>"),
    ],
)
def test_content_the_signature_does_not_cover_is_refused(
    run: Run, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str
) -> None:
    assert run.replay(ballots(run.master, 30)) == 0
    capsys.readouterr()
    path = run.results / "count-510.xml"
    data = path.read_text(encoding="utf-8")
    assert old in data
    path.write_text(data.replace(old, new, 1), encoding="utf-8")
    rewrite_manifest(run.results)
    assert run.verify("--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and any("count-510.xml" in p for p in report["stations"][0]["problems"])


def test_a_sealed_log_of_earlier_results_cannot_be_swapped_in(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 30)) == 0
    earlier_log = (run.results / "security-log.jsonl").read_bytes()
    assert b'"results.built"' in earlier_log
    assert run.replay(ballots(run.master, 31)) == 0
    capsys.readouterr()
    (run.results / "security-log.jsonl").write_bytes(earlier_log)  # validly sealed, but about other results
    rewrite_manifest(run.results)
    assert run.verify() == 1
    assert "hoort niet bij deze uitslag" in capsys.readouterr().out


def test_verify_at_a_given_date_for_a_later_audit(run: Run) -> None:
    import datetime as dt

    assert run.replay(ballots(run.master, 20)) == 0
    assert run.verify("--at", dt.date.today().isoformat()) == 0
    assert run.verify("--at", "2001-01-01") == 1  # the certificates did not exist yet


def test_verify_refuses_an_intermediate_certificate_as_root(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.replay(ballots(run.master, 20)) == 0
    issuing = run.stick / "issuing.pem"
    assert main(["verify", str(run.stick), "--ca", str(issuing)]) == 2
    assert "root.pem" in capsys.readouterr().err


def test_a_pile_of_more_than_50_ballots_names_file_and_line(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [(1, i, b) for i, (_, _, b) in enumerate(ballots(run.master, 51), start=1)]
    assert run.replay(rows) == 2
    err = capsys.readouterr().err
    assert "pass1.csv, regel 52" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("votes-460.xml", 'Category="SC', 'Category="S|C'),  # text from the stick is only ever a parameter
        ("count-510.xml", "<TotalCounted>30</TotalCounted>", "<TotalCounted>3|0</TotalCounted>"),
        ("security-log.jsonl", '"seq":0', '"seq":NaN'),
        (
            "manifest.json",
            "{",
            "[" * 100_000,
        ),
    ],
)
def test_forged_values_are_reported_never_an_internal_error(
    run: Run, capsys: pytest.CaptureFixture[str], file: str, old: str, new: str
) -> None:
    assert run.replay(ballots(run.master, 30)) == 0
    capsys.readouterr()
    path = run.results / file
    data = path.read_text(encoding="utf-8")
    assert old in data
    path.write_text(data.replace(old, new, 1), encoding="utf-8")
    if file != "manifest.json":
        rewrite_manifest(run.results)
    assert run.verify("--json") == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["stations"][0]["problems"] and "Traceback" not in captured.err


@pytest.mark.parametrize("entry", ["A-002.xml", "Ä-002", "A-002 "])
def test_anything_under_results_that_is_no_bureau_folder_is_reported(
    run: Run, capsys: pytest.CaptureFixture[str], entry: str
) -> None:
    import shutil

    assert run.replay(ballots(run.master, 20)) == 0
    capsys.readouterr()
    if entry.endswith(".xml"):
        (run.stick / "results" / entry).write_bytes((run.results / "count-510.xml").read_bytes())
    else:
        shutil.copytree(run.results, run.stick / "results" / entry)
    assert run.verify("--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert [s["station"] for s in report["stations"] if not s["ok"]] == [entry]


def test_received_beyond_any_polling_station_is_bad_input(run: Run) -> None:
    assert run.replay(ballots(run.master, 5), None, None, "--received", "99999999999999999999") == 2
    assert not (run.stick / "results").exists()
