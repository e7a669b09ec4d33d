"""Both passes on the stick (contract "Results on the stick"), and `verify` computing the comparison again from them:
the files, the `--json` fields, a tamper table re-signed with the bureau's own key, and a property test through the
real session."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.counting import count as counting
from app.counting.classify import classify
from app.counting.double_entry import Decision, Pass
from app.counting.model import (
    Ballot,
    BallotRef,
    Election,
    ElectionCode,
    InvalidReason,
    Language,
    Station,
    StationId,
    Status,
)
from app.eml.pass_readings import Entries, check_passes
from app.eml.passes import PassMessage, Reading, read_pass, write_pass
from app.eml.votes import CastBallot, Provenance, VotesMessage, read_votes, write_votes
from app.journal import MemoryJournal
from app.results_layout import PASS_FILES, VOTES_FILE
from app.seclog import SecurityLog
from app.session import BureauContext, Session
from app.signing.signer import Signer
from app.station_login import LoadedStation, load_station
from app.verify import verify_files
from tests.conftest import TestPki
from tests.contract_fixtures import PASSWORD, Master, build_test_master
from tests.reference import synthetic
from tests.test_replay_verify import Run, ballots, rewrite_manifest, vote

PASS1, PASS2 = PASS_FILES[1], PASS_FILES[2]


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@pytest.fixture
def run(master: Master, tmp_path: Path) -> Run:
    return Run(master.stick(tmp_path / "stick"), tmp_path, master)


Rows = list[tuple[int, int, Ballot]]
Readings = list[tuple[BallotRef, Ballot]]


def replay(run: Run, first: Rows, second: Rows | None = None, decisions: Rows | None = None) -> int:
    return run.replay(first, second, decisions, "--received", str(len(first)))


def station_json(run: Run, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = run.verify("--json")
    return code, json.loads(capsys.readouterr().out)["stations"][0]


def skipped(rows: list[tuple[int, int, Ballot]], pile: int, position: int) -> list[tuple[int, int, Ballot]]:
    """The rows with one ballot left out, the later ones of its pile moved up: a pass that skipped it."""
    return [(p, i - 1 if p == pile and i > position else i, b) for p, i, b in rows if (p, i) != (pile, position)]


def test_both_passes_leave_the_appliance_as_signed_pass_files(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ballots(run.master, 120)
    assert replay(run, rows) == 0
    names = sorted(p.name for p in run.results.iterdir())
    assert PASS1 in names and PASS2 in names
    for pass_no, name in PASS_FILES.items():
        message = read_pass((run.results / name).read_bytes())
        assert message.pass_no == pass_no and message.station_name == "Telbureau A-001"
        assert [(r.ref.pile, r.ref.position, r.ballot) for r in message.readings] == rows  # as entered, pile order
    code, station = station_json(run, capsys)
    assert code == 0 and station["problems"] == []
    assert (station["election"], station["constituency"], station["name"]) == (
        "CK",
        run.master.election.constituency,
        "Telbureau A-001",
    )
    assert station["received"] == 120
    assert station["entries"] == {"pass1": 120, "pass2": 120, "differences": 0, "overruled": 0}


def test_entries_count_a_settled_difference_and_an_overrule_and_the_460_says_which(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ballots(run.master, 120)
    second = skipped(rows, 1, 20)  # pass 2 skipped ballot 1/20: one difference
    other = vote(8, "T3") if rows[54][2] != vote(8, "T3") else vote(1, "H")
    decided = [(p, i, other if (p, i) == (2, 5) else b) for p, i, b in rows if p in (1, 2)]  # 2/5 overruled
    assert replay(run, rows, second, decided) == 0
    code, station = station_json(run, capsys)
    assert code == 0, station["problems"]
    assert station["entries"] == {"pass1": 120, "pass2": 119, "differences": 1, "overruled": 1}
    marks = {c.ref: c.provenance for c in read_votes((run.results / VOTES_FILE).read_bytes()).ballots}
    assert marks[BallotRef(1, 20)] is Provenance.DECIDED and marks[BallotRef(1, 19)] is Provenance.AGREED
    assert marks[BallotRef(2, 5)] is Provenance.OVERRULED and marks[BallotRef(2, 6)] is Provenance.AGREED
    assert marks[BallotRef(3, 1)] is None  # a pile without a decision: what both passes agreed on


# --- tampering: a change made and signed again with the bureau's own key -------------------------------------------
# The manifest and every file-level hash can be redone by whoever holds the key; these changes must still be caught
# by computing the comparison again, and named by pile and position.


@dataclasses.dataclass
class Stick:
    run: Run

    def signer_and_election(self) -> tuple[Signer, Election]:
        root = x509.load_pem_x509_certificate(self.run.master.root_pem.read_bytes())
        loaded = load_station(self.run.stick, root, "A-001", PASSWORD, dt.datetime.now(dt.UTC))
        return loaded.signer, loaded.election

    def rewrite_pass(self, pass_no: int, change: Callable[[Readings], Readings]) -> None:
        path = self.run.results / PASS_FILES[pass_no]
        message = read_pass(path.read_bytes())
        readings = change([(r.ref, r.ballot) for r in message.readings])
        signer, election = self.signer_and_election()
        path.write_bytes(
            write_pass(
                "A-001",
                election,
                pass_no,
                readings,
                signer,
                issue_date=dt.date.today(),
                station_name=message.station_name,
            )
        )
        rewrite_manifest(self.run.results)

    def rewrite_result_marks(self, marks: dict[BallotRef, Provenance | None]) -> None:
        path = self.run.results / VOTES_FILE
        message = read_votes(path.read_bytes())
        provenance = {c.ref: marks.get(c.ref, c.provenance) for c in message.ballots}
        signer, election = self.signer_and_election()
        path.write_bytes(
            write_votes(
                "A-001",
                election,
                [(c.ref, c.ballot, classify(c.ballot)) for c in message.ballots],
                signer,
                issue_date=dt.date.today(),
                contested=[c.ref for c in message.ballots if c.contested],
                station_name=message.station_name,
                provenance={ref: p for ref, p in provenance.items() if p is not None},
            )
        )
        rewrite_manifest(self.run.results)


def _changed(ballot: Ballot) -> Ballot:
    return vote(8, "T3") if ballot != vote(8, "T3") else vote(1, "H")


def _set(readings: Readings, ref: BallotRef, ballot: Ballot) -> Readings:
    return [(r, ballot if r == ref else b) for r, b in readings]


def _change_1_5_in_pass_1(stick: Stick) -> None:
    stick.rewrite_pass(1, lambda rs: _set(rs, BallotRef(1, 5), _changed(dict(rs)[BallotRef(1, 5)])))


def _change_1_5_in_both_passes(stick: Stick) -> None:
    for pass_no in (1, 2):
        stick.rewrite_pass(pass_no, lambda rs: _set(rs, BallotRef(1, 5), _changed(dict(rs)[BallotRef(1, 5)])))


def _change_2_3_in_pass_2_of_a_decided_pile(stick: Stick) -> None:
    stick.rewrite_pass(2, lambda rs: _set(rs, BallotRef(2, 3), _changed(dict(rs)[BallotRef(2, 3)])))


def _remove_pass_2(stick: Stick) -> None:
    (stick.run.results / PASS2).unlink()
    rewrite_manifest(stick.run.results)


def _drop_pile_2_from_pass_1(stick: Stick) -> None:
    stick.rewrite_pass(1, lambda rs: [(r, b) for r, b in rs if r.pile != 2])


def _unmark_the_overrule(stick: Stick) -> None:
    stick.rewrite_result_marks({BallotRef(2, 5): Provenance.AGREED})


def _mark_an_agreed_ballot_overruled(stick: Stick) -> None:
    stick.rewrite_result_marks({BallotRef(2, 7): Provenance.OVERRULED})


def _rename_pass_1_as_pass_2(stick: Stick) -> None:
    data = (stick.run.results / PASS1).read_bytes()
    (stick.run.results / PASS2).write_bytes(data)
    rewrite_manifest(stick.run.results)


# (name, the change, what the report must say); every count has an overrule at 2/5 (pile 2 decided), pile 1 and 3
# are not decided.
TAMPER = [
    ("a_ballot_changed_in_pass_1", _change_1_5_in_pass_1, "Stembiljet 1/5 van invoer 1: de twee invoeren verschillen"),
    (
        "an_agreed_ballot_changed_in_both_passes",
        _change_1_5_in_both_passes,
        "Stembiljet 1/5 van de uitslag",  # differs from what both passes read, without a recorded overrule
    ),
    (
        "a_ballot_changed_in_pass_2_of_a_decided_pile",
        _change_2_3_in_pass_2_of_a_decided_pile,
        "Stembiljet 2/3: de uitslag vermeldt dat beide invoeren het zo lazen",
    ),
    ("a_pass_file_removed", _remove_pass_2, "Stapel 1 staat in de uitslag, maar niet in invoer 2"),
    ("a_pile_missing_from_one_pass", _drop_pile_2_from_pass_1, "Stapel 2 staat in de uitslag, maar niet in invoer 1"),
    (
        "an_overrule_not_recorded",
        _unmark_the_overrule,
        "Stembiljet 2/5 van de uitslag",
    ),
    (
        "an_overrule_recorded_where_both_passes_agree",
        _mark_an_agreed_ballot_overruled,
        "Stembiljet 2/7: de uitslag vermeldt een beslissing tegen beide invoeren",
    ),
    ("pass_1_given_as_pass_2", _rename_pass_1_as_pass_2, "bevat de stembiljetten van invoer 1"),
]


@pytest.mark.parametrize(("name", "tamper", "expected"), TAMPER, ids=[t[0] for t in TAMPER])
def test_a_pass_reading_changed_and_signed_again_fails_naming_pile_and_position(
    run: Run, capsys: pytest.CaptureFixture[str], name: str, tamper: Callable[[Stick], None], expected: str
) -> None:
    rows = ballots(run.master, 120)
    decided = [(p, i, _changed(b) if (p, i) == (2, 5) else b) for p, i, b in rows if p == 2]
    assert replay(run, rows, rows, decided) == 0
    tamper(Stick(run))
    code, station = station_json(run, capsys)
    assert code == 1
    assert any(expected in problem for problem in station["problems"]), station["problems"]


def test_what_the_readings_cannot_show_is_caught_by_the_signed_hashes_only(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    """Limit of recomputing: where the passes already differed and the bureau decided, another wrong reading in one
    pass is still a difference the bureau decided. Only the hashes in the PV and the sealed log (one signature each,
    redone only with the bureau key and a new PV) show that the pass file is not the one the bureau signed off."""
    rows = ballots(run.master, 60)
    second = [(p, i, _changed(b) if (p, i) == (1, 5) else b) for p, i, b in rows]
    decided = [row for row in rows if row[0] == 1]  # the bureau takes pass 1's reading of 1/5
    assert replay(run, rows, second, decided) == 0
    third = next(b for b in (vote(8, "T1"), vote(8, "T2")) if b not in (rows[4][2], second[4][2]))
    Stick(run).rewrite_pass(2, lambda rs: _set(rs, BallotRef(1, 5), third))
    code, station = station_json(run, capsys)
    problems: list[str] = station["problems"]
    assert code == 1 and problems
    assert not any("Stembiljet 1/5" in p or "invoer 2" in p for p in problems), problems
    assert station["entries"] == {"pass1": 60, "pass2": 60, "differences": 1, "overruled": 0}


# --- property: what verify recomputes from the stick is what the session recorded ----------------------------------

SMALL = synthetic(ElectionCode.VL, lists=3, titulars=3, successors=2)
KINDS = [  # one ballot of each kind (art. 156), for a small election
    vote(1, "H"),
    vote(2, "T1", "T2"),
    vote(3, "T1", "S1"),
    vote(1, "S2"),
    Ballot(),
    Ballot(vote(1, "H").marks | vote(2, "H").marks),
    Ballot(frozenset(), Status.DECLARED_INVALID, InvalidReason.ALTERED),
]

ballot_kinds = st.integers(0, len(KINDS) - 1)
edits = st.lists(st.tuples(st.sampled_from(["change", "skip", "twice", "contest"]), st.integers(0, 9), ballot_kinds))


Edits = list[tuple[str, int, int]]


def _edited(base: list[Ballot], ops: Edits) -> list[Ballot]:
    """A pass: the pile as it lies, with an operator's slips (a changed, skipped, doubled or flagged ballot)."""
    out = list(base)
    for op, where, kind in ops:
        i = where % len(out)
        if op == "change":
            out[i] = KINDS[kind]
        elif op == "skip" and len(out) > 1:
            del out[i]
        elif op == "twice":
            out.insert(i, out[i])
        elif op == "contest":
            out[i] = dataclasses.replace(out[i], status=Status.CONTESTED, invalid_reason=None)
    return out


def _settled(ballot: Ballot) -> Ballot:
    return dataclasses.replace(ballot, status=Status.NONE) if ballot.status is Status.CONTESTED else ballot


PileSpec = tuple[list[int], Edits, Edits, bool, int, Edits]
piles = st.lists(
    st.tuples(
        st.lists(ballot_kinds, min_size=1, max_size=6),  # the pile as it lies
        edits,  # pass 1's slips
        edits,  # pass 2's slips
        st.booleans(),  # the bureau decides this pile (always when the passes differ)
        st.sampled_from([1, 2]),  # the decision starts from this pass
        edits,  # and the bureau's own changes to it (overrules, or settling the differences)
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(piles)
def test_verify_recomputes_the_entries_the_session_recorded(test_pki: TestPki, spec: list[PileSpec]) -> None:
    now = dt.datetime.now(dt.UTC)
    signer = test_pki.signer("P-1")
    station = Station(StationId("P-1"), "Bureau P", SMALL.code, SMALL.constituency, Language.NL)
    loaded = LoadedStation(
        station, SMALL, signer, (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    )
    with tempfile.TemporaryDirectory() as folder:
        session = Session(
            loaded, MemoryJournal(SMALL), SecurityLog(Path(folder) / "log.jsonl", system="t"), clock=lambda: now
        )
        decisions: dict[int, list[Ballot]] = {}
        for number, (base_kinds, slips_1, slips_2, decide, start, changes) in enumerate(spec, start=1):
            base = [KINDS[k] for k in base_kinds]
            passes = {Pass.FIRST: _edited(base, slips_1), Pass.SECOND: _edited(base, slips_2)}
            for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
                session.apply(counting.StartPile(number, pass_no, operator))
                for ballot in passes[pass_no]:
                    session.apply(counting.ConfirmBallot(number, pass_no, ballot))
                session.apply(counting.FinishPile(number, pass_no))
            if (
                decide
                or passes[Pass.FIRST] != passes[Pass.SECOND]
                or any(b.status is Status.CONTESTED for b in passes[Pass.FIRST])
            ):
                decided = [_settled(b) for b in _edited(passes[Pass(start)], changes)]
                decisions[number] = decided
        session.apply(counting.CloseEntry())
        for number, decided in decisions.items():
            session.apply(counting.Decide(Decision(number, tuple(decided), "voorzitter", now)))
        for finding in session.findings(BureauContext(received_total=len(session.final_ballots()))):
            session.apply(counting.Acknowledge(finding.code))
        session.finalize()
        recorded = counting.entries(session.count)
        report = verify_files("P-1", session.result_files().files, test_pki.root.certificate, now)
    event(f"differences: {recorded.differences > 0}, overruled: {recorded.overruled > 0}")
    assert report.problems == []
    assert report.entries.as_json() == dataclasses.asdict(recorded)


# --- the comparison on plain values: every rule, one row each ------------------------------------------------------

A, B, C, D = vote(1, "H"), vote(2, "T1", "T2"), vote(3, "T1", "S1"), vote(1, "S2")
FLAGGED = dataclasses.replace(B, status=Status.CONTESTED)


def _final(
    pile: list[Ballot], marks: list[Provenance | None] | None = None, contested: tuple[int, ...] = ()
) -> VotesMessage:
    marks = marks or [None] * len(pile)
    casts = tuple(
        CastBallot(BallotRef(1, n), b, classify(b), n in contested, marks[n - 1]) for n, b in enumerate(pile, start=1)
    )
    return VotesMessage(StationId("P-1"), ElectionCode.VL, "Antwerpen", "", casts, "Bureau P")


def _pass(pass_no: int, pile: list[Ballot], *, name: str = "Bureau P", pile_no: int = 1) -> PassMessage:
    readings = tuple(Reading(BallotRef(pile_no, n), b, None) for n, b in enumerate(pile, start=1))
    return PassMessage(StationId("P-1"), name, ElectionCode.VL, "Antwerpen", pass_no, readings)


AGREED, DECIDED, OVERRULED = Provenance.AGREED, Provenance.DECIDED, Provenance.OVERRULED
RULES: list[tuple[str, VotesMessage, PassMessage, PassMessage, str | None]] = [
    # (case, result, pass 1, pass 2, the problem expected; None: none)
    ("alike", _final([A, B]), _pass(1, [A, B]), _pass(2, [A, B]), None),
    ("difference_decided", _final([A, B], [AGREED, DECIDED]), _pass(1, [A, B]), _pass(2, [A, C]), None),
    ("difference_undecided", _final([A, B]), _pass(1, [A, B]), _pass(2, [A, C]), "verify.pass_undecided"),
    ("overrule_recorded", _final([A, D], [AGREED, OVERRULED]), _pass(1, [A, B]), _pass(2, [A, B]), None),
    (
        "overrule_unrecorded",
        _final([A, D], [AGREED, AGREED]),
        _pass(1, [A, B]),
        _pass(2, [A, B]),
        "overrule_unrecorded",
    ),
    ("overrule_in_undecided_pile", _final([A, D]), _pass(1, [A, B]), _pass(2, [A, B]), "verify.overrule_unrecorded"),
    ("agreed_ballot_dropped_undecided", _final([A]), _pass(1, [A, B]), _pass(2, [A, B]), "verify.agreed_dropped"),
    ("agreed_ballot_dropped_decided", _final([A], [AGREED]), _pass(1, [A, B]), _pass(2, [A, B]), None),
    ("marks_mixed", _final([A, B], [AGREED, None]), _pass(1, [A, B]), _pass(2, [A, C]), "verify.provenance_mixed"),
    (
        "decided_where_agreed",
        _final([A, B], [DECIDED, DECIDED]),
        _pass(1, [A, B]),
        _pass(2, [A, C]),
        "recorded_decided",
    ),
    ("agreed_where_differed", _final([A, B], [AGREED, AGREED]), _pass(1, [A, B]), _pass(2, [A, C]), "recorded_agreed"),
    ("contested_decided", _final([A, B], [AGREED, DECIDED], (2,)), _pass(1, [A, FLAGGED]), _pass(2, [A, B]), None),
    ("contested_unmarked", _final([A, B], [AGREED, DECIDED]), _pass(1, [A, FLAGGED]), _pass(2, [A, B]), "contested"),
    ("contested_undecided", _final([A, B], contested=(2,)), _pass(1, [A, B]), _pass(2, [A, B]), "contested_record"),
    ("pass_given_for_the_other", _final([A]), _pass(2, [A]), _pass(2, [A]), "verify.pass_wrong_file"),
    ("another_name", _final([A]), _pass(1, [A], name="X"), _pass(2, [A]), "verify.name_mismatch"),
    ("pile_only_in_a_pass", _final([A]), _pass(1, [A]), _pass(2, [A], pile_no=2), "verify.pass_pile_extra"),
]


@pytest.mark.parametrize(("case", "final", "first", "second", "expected"), RULES, ids=[r[0] for r in RULES])
def test_each_rule_of_the_comparison(
    case: str, final: VotesMessage, first: PassMessage, second: PassMessage, expected: str | None
) -> None:
    problems, entries = check_passes(final, {1: first, 2: second}, PASS_FILES)
    keys = [key for key, _ in problems]
    if expected is None:
        assert keys == []
    else:
        assert any(expected in key for key in keys), keys
    assert entries.pass1 == len(first.readings)


def test_positions_must_run_from_one_without_gaps() -> None:
    gap = PassMessage(
        StationId("P-1"), "Bureau P", ElectionCode.VL, "Antwerpen", 1, (Reading(BallotRef(1, 2), A, None),)
    )
    problems, _ = check_passes(_final([A]), {1: gap, 2: _pass(2, [A])}, PASS_FILES)
    assert ("verify.pile_positions", {"file": PASS1, "pile": 1, "count": 1}) in problems


def test_a_pile_larger_than_any_bureau_makes_is_reported_not_aligned() -> None:
    """Aligning costs the square of a pile's size: a forged pile of thousands of readings must not hang verify."""
    huge = [A, B] * 3000
    problems, entries = check_passes(_final([A, B]), {1: _pass(1, huge), 2: _pass(2, huge)}, PASS_FILES)
    assert ("verify.pile_too_large", {"file": PASS1, "pile": 1, "count": 6000, "maximum": 50}) in problems
    assert entries.pass1 == 6000


def test_a_missing_pass_names_every_pile_and_leaves_the_figures_it_cannot_compute_empty() -> None:
    problems, entries = check_passes(_final([A, B]), {1: _pass(1, [A, B]), 2: None}, PASS_FILES)
    assert problems == [("verify.pass_pile_missing", {"pile": 1, "pass_no": 2, "file": PASS2})]
    assert entries == Entries(2, None, None, None)


def test_the_same_bureau_certificate_signs_the_passes(test_pki: TestPki) -> None:
    """A pass file signed with another certificate of the same bureau (another key) is not part of these results."""
    from app.signing import pki
    from app.signing.signer import KeySigner
    from tests.conftest import NOW

    files, now = _counted_files(test_pki)
    other = pki.make_station_certificate(test_pki.issuing, "P-1", NOW)
    signer = KeySigner(other.key, other.certificate, (other.certificate, test_pki.issuing.certificate))
    message = read_pass(files[PASS1])
    readings = [(r.ref, r.ballot) for r in message.readings]
    files[PASS1] = write_pass("P-1", SMALL, 1, readings, signer, issue_date=now.date(), station_name="Bureau P")
    report = verify_files("P-1", files, test_pki.root.certificate, now)
    assert ("verify.other_certificate", {"file": PASS1}) in report.problems


def _counted_files(test_pki: TestPki) -> tuple[dict[str, bytes], dt.datetime]:
    """The result files of a small count through the real session, both passes alike."""
    now = dt.datetime.now(dt.UTC)
    signer = test_pki.signer("P-1")
    station = Station(StationId("P-1"), "Bureau P", SMALL.code, SMALL.constituency, Language.NL)
    chain = (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    with tempfile.TemporaryDirectory() as folder:
        log = SecurityLog(Path(folder) / "log.jsonl", system="t")
        session = Session(LoadedStation(station, SMALL, signer, chain), MemoryJournal(SMALL), log, clock=lambda: now)
        for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
            session.apply(counting.StartPile(1, pass_no, operator))
            for ballot in (A, B, C):
                session.apply(counting.ConfirmBallot(1, pass_no, ballot))
            session.apply(counting.FinishPile(1, pass_no))
        session.apply(counting.CloseEntry())
        for finding in session.findings(BureauContext(received_total=3)):
            session.apply(counting.Acknowledge(finding.code))
        session.finalize()
        return dict(session.result_files().files), now


def test_without_the_result_the_readings_are_still_counted(test_pki: TestPki) -> None:
    files, now = _counted_files(test_pki)
    del files[VOTES_FILE]
    report = verify_files("P-1", files, test_pki.root.certificate, now)
    assert ("verify.file_missing", {"file": VOTES_FILE}) in report.problems
    assert report.entries == Entries(3, 3, None, None)
