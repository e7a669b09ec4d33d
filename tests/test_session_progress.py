"""The progress of writing the results (S3, issue 8): only forward, and moving while a step says nothing itself."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import app.session as session_module
from app.counting import count as counting
from app.counting.bureau import BureauRecord
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, Language, Mark, Position, Station, StationId
from app.journal import MemoryJournal
from app.seclog import SecurityLog
from app.session import BEAT_S, BUILT, CHECKED, Session, _Pacer
from app.station_login import LoadedStation
from app.verify import verify_stick
from tests.conftest import TestPki
from tests.reference import chamber_2024

CHECKING = "session.step.checking"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def paced() -> tuple[_Pacer, FakeClock, list[tuple[float, str]]]:
    clock, reports = FakeClock(), []
    pacer = _Pacer(lambda fraction, key: reports.append((fraction, key)), clock=clock)
    return pacer, clock, reports


def test_a_silent_step_moves_on_at_every_beat_and_never_reaches_its_end_before_the_work_says_so() -> None:
    pacer, clock, reports = paced()
    pacer.stage(CHECKING, BUILT, CHECKED, expected_s=1.0)
    for _ in range(80):  # 4 s of beats: four times as long as expected
        clock.now += BEAT_S / 2
        pacer.beat()
    fractions = [f for f, _ in reports]
    assert len(set(fractions)) == 81 and all(key == CHECKING for _, key in reports)  # the bar moved at every beat
    for _ in range(1000):  # and far longer
        clock.now += BEAT_S / 2
        pacer.beat()
    fractions = [f for f, _ in reports]
    assert len(reports) == 1081 and fractions == sorted(fractions) and max(fractions) < CHECKED
    pacer.report(CHECKED, "session.step.writing")
    assert reports[-1] == (CHECKED, "session.step.writing")


def test_the_beat_says_nothing_while_the_work_reports_often_enough() -> None:
    pacer, clock, reports = paced()
    pacer.stage("session.step.building", 0.0, BUILT, expected_s=1.0)
    for n in range(1, 20):
        clock.now += BEAT_S / 5
        pacer.report(BUILT * n / 20, "session.step.building")
        pacer.beat()
    assert [f for f, _ in reports] == [BUILT * n / 20 for n in range(20)]  # the work's own reports, no others


def test_a_report_behind_a_beat_that_ran_ahead_leaves_the_bar_where_it_is() -> None:
    pacer, clock, reports = paced()
    pacer.stage(CHECKING, 0.2, 0.8, expected_s=0.1)
    clock.now += 1.0
    pacer.beat()
    ahead = reports[-1][0]
    pacer.report(0.3, CHECKING)
    assert ahead > 0.3 and reports[-1] == (ahead, CHECKING)


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("report"), st.floats(0, 1)),
            st.tuples(st.just("beat"), st.floats(0, 2)),
            st.tuples(st.just("stage"), st.floats(0, 1), st.floats(0, 1), st.floats(0, 5)),
        ),
        max_size=60,
    )
)
def test_whatever_the_work_and_the_beat_do_the_fraction_only_moves_forward_within_0_and_1(
    steps: list[tuple[object, ...]],
) -> None:
    pacer, clock, reports = paced()
    for step in steps:
        match step:
            case ("report", float(fraction)):
                pacer.report(fraction, "k")
            case ("beat", float(wait)):
                clock.now += wait
                pacer.beat()
            case ("stage", float(start), float(ceiling), float(expected)):
                pacer.stage("k", start, ceiling, expected)
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and all(0.0 <= f <= 1.0 for f in fractions)


# --- the whole write -------------------------------------------------------------------------------------------


def _final_session(test_pki: TestPki, tmp_path: Path) -> Session:
    election = chamber_2024()
    signer = test_pki.signer("S-1")
    station = Station(StationId("S-1"), "Bureau", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(
        station, election, signer, (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    )
    session = Session(loaded, MemoryJournal(election), SecurityLog(tmp_path / "log.jsonl", system="t"))
    numbers = [lst.number for lst in election.lists]
    ballots = [Ballot(frozenset({Mark(numbers[n % len(numbers)], Box.TITULAR, Position(1))})) for n in range(60)]
    for pile, pile_ballots in ((1, ballots[:30]), (2, ballots[30:])):
        for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
            session.apply(counting.StartPile(pile, pass_no, operator))
            for ballot in pile_ballots:
                session.apply(counting.ConfirmBallot(pile, pass_no, ballot))
            session.apply(counting.FinishPile(pile, pass_no))
    session.apply(counting.CloseEntry())
    session.finalize(BureauRecord(received_total=60, president="Voorzitter", secretary="Secretaris"))
    return session


def test_the_bar_moves_while_the_self_check_says_nothing_and_the_result_verifies(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The self-check is held until the bar has moved three times during it: it moves with no report of the work."""
    session = _final_session(test_pki, tmp_path)
    reports: list[tuple[float, str]] = []
    moved = threading.Event()

    def heard(fraction: float, key: str) -> None:
        reports.append((fraction, key))
        if len({f for f, k in reports if k == CHECKING}) >= 4:  # the step's start, then three beats
            moved.set()

    real_check = session_module.verify_files

    def held_check(*args: object) -> object:
        assert moved.wait(timeout=30), "no progress reported while the self-check ran"
        return real_check(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(session_module, "verify_files", held_check)
    stick = tmp_path / "stick"
    stick.mkdir()
    written = session.write_results(stick, progress=heard)
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and reports[-1] == (1.0, "session.step.done")
    assert all(BUILT <= f < CHECKED for f, k in reports if k == CHECKING)
    (report,) = verify_stick(stick, test_pki.root.certificate, dt.datetime.now(dt.UTC))
    assert report.ok and report.control_number == written.control_number, report.problems


def test_a_write_without_a_listener_starts_no_beat(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _final_session(test_pki, tmp_path)
    started: list[Callable[[], None]] = []
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.run))
    stick = tmp_path / "stick"
    stick.mkdir()
    session.write_results(stick)
    assert started == []


def test_on_a_slow_stick_the_bar_moves_but_never_past_the_step_the_stick_is_at(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stick is held at its first step until the beat has moved the bar three times: never to the second."""
    session = _final_session(test_pki, tmp_path)
    reports: list[tuple[float, str]] = []
    moved = threading.Event()

    def heard(fraction: float, key: str) -> None:
        reports.append((fraction, key))
        if len({f for f, k in reports if k == "session.step.writing"}) >= 4:
            moved.set()

    real_write = session_module.stick.write_results

    def slow_stick(*args: object, progress: Callable[[int, int], None], **kwargs: object) -> object:
        progress(0, 4)
        assert moved.wait(timeout=30), "no progress reported while the stick was slow"
        return real_write(*args, progress=progress, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session_module.stick, "write_results", slow_stick)
    stick = tmp_path / "stick"
    stick.mkdir()
    session.write_results(stick, progress=heard)
    held = [f for f, k in reports if k == "session.step.writing"][:4]
    assert held[0] == CHECKED and held == sorted(held) and max(held) < CHECKED + (1 - CHECKED) / 4
    assert reports[-1] == (1.0, "session.step.done")


def test_the_write_says_it_has_begun_before_the_beat_has_a_thread(
    test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting a thread can wait for the scheduler on a busy machine: the first report does not wait for it."""
    session = _final_session(test_pki, tmp_path)
    reports: list[tuple[float, str]] = []
    heard_before_start: list[list[tuple[float, str]]] = []
    real_start = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        if thread.name == "tabula-progress":
            heard_before_start.append(list(reports))
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    stick = tmp_path / "stick"
    stick.mkdir()
    session.write_results(stick, progress=lambda fraction, key: reports.append((fraction, key)))
    assert heard_before_start == [[(0.0, "session.step.building")]]


def test_after_the_write_the_beat_says_nothing_more() -> None:
    pacer, clock, reports = paced()
    pacer.stage(CHECKING, BUILT, CHECKED, expected_s=1.0)
    with pacer.beating():
        pacer.report(1.0, "session.step.done")
    heard = list(reports)
    clock.now += 10
    pacer.beat()  # a beat that was under way when the write ended
    assert reports == heard and heard[-1] == (1.0, "session.step.done")
