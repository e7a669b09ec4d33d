"""The kiosk end to end, as a bureau uses it: a real master stick (the demo provisioning), the real `StickBackend`
and `Session` (SQLite journal in a state folder), the real `MainWindow`, driven only through its widgets.

The first test counts two piles twice (list votes, preference votes, successors, a blank, a ballot declared invalid,
a contested ballot; pass 2 mistypes one ballot and skips another), settles them on the differences screen,
acknowledges the warnings, fixes the result and writes it to the stick; then it checks what Martine would check:
`tabula verify` on the stick, the control number as shown on screen, a recount equal to what was entered (tallied
here independently of the app's classifier), and the PV's text. The second test closes the kiosk in the middle of
pass 2 and opens it again on the same state folder: the entry resumes at the same ballot with nothing lost (C7).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.counting.count import Phase
from app.counting.double_entry import DifferenceKind, Pass
from app.counting.model import InvalidReason
from app.demo import DEMO_PASSWORDS, DemoStick, build_demo_stick
from app.results_layout import PV_FILE
from app.seclog import LOG_FILE_NAME, SecurityLog
from app.signing.control_number import is_well_formed
from app.ui.backend import StickBackend
from app.ui.main import MainWindow
from app.ui.session_view import ObservedSession
from app.ui.texts import Texts
from app.verify import verify_stick

STATION = "DEMO-1"  # the Dutch-speaking demo bureau: lists 1, 2, 4, 7, each with 7 titulars and 6 successors
PRESIDENT, SECRETARY = "Ann Peeters", "Bart Maes"
ASSESSORS, WITNESSES = ("Chris Wouters", "Dirk Janssens"), ("Eva Claes",)
OPERATOR_1, OPERATOR_2 = ASSESSORS  # operators are members of the bureau (C5)


# --- the ballots, as the bureau types them ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Typed:
    """One ballot as an operator enters it: the marks typed, and F3 (declared invalid, reason) or F2 (contested)."""

    marks: str
    invalid: InvalidReason | None = None
    contested: bool = False


PILE_1 = [
    Typed("1 H"),  # list vote: SC1
    Typed("2 T1 T3"),  # two titulars: SC2
    Typed("4 T2 S1"),  # titular and successor: SC3
    Typed(""),  # blank
    Typed("7 S2"),  # successor only: SC4
]
PILE_1_PASS_2 = [*PILE_1[:2], Typed("4 T2 S2"), *PILE_1[3:]]  # pass 2 mistypes the successor of ballot 3
PILE_2 = [
    Typed("1 T1"),
    Typed("2 H", invalid=InvalidReason.IDENTIFYING_MARK),
    Typed("4 H", contested=True),  # the bureau will decide it valid as marked
    Typed("7 H T1"),  # list box and a candidate of the same list: the list vote is void, SC2
]
PILE_2_PASS_2 = PILE_2[1:]  # pass 2 skips the first ballot

# What the bureau decides after looking at the physical ballots: pass 1 was right, the contested ballot is valid.
FINAL = [*PILE_1, *PILE_2[:2], Typed("4 H"), PILE_2[3]]


@dataclass
class ListCount:
    sc: list[int]
    titulars: list[int]
    successors: list[int]


def expected_tally(ballots: list[Typed]) -> tuple[dict[int, ListCount], int, int]:
    """Art. 156 §2 and the sub-categories, worked out here from the typed text (not with the app's classifier):
    per list (SC1..SC4, titular and successor votes), blank, invalid."""
    lists = {n: ListCount([0, 0, 0, 0], [0] * 7, [0] * 6) for n in (1, 2, 4, 7)}
    blank = invalid = 0
    for ballot in ballots:
        tokens = ballot.marks.split()
        if ballot.invalid is not None:
            invalid += 1
            continue
        if not tokens:
            blank += 1
            continue
        numbers = [int(t) for t in tokens if t.isdigit()]
        if len(numbers) != 1:
            invalid += 1  # marks on several lists
            continue
        titulars = [int(t[1:]) for t in tokens if t.startswith("T")]
        successors = [int(t[1:]) for t in tokens if t.startswith("S")]
        row = lists[numbers[0]]
        if titulars and successors:
            row.sc[2] += 1
        elif titulars:
            row.sc[1] += 1
        elif successors:
            row.sc[3] += 1
        else:
            row.sc[0] += 1
        for position in titulars:
            row.titulars[position - 1] += 1
        for position in successors:
            row.successors[position - 1] += 1
    return lists, blank, invalid


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


# --- driving the kiosk ------------------------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> DemoStick:
    return build_demo_stick(tmp_path / "demo")


@pytest.fixture
def windows(qtbot) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """Every kiosk window a test opens; their journals are closed at the end (as the process exit would)."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        end_process(window)


def end_process(window: MainWindow) -> None:
    """What the end of the kiosk process does to its session: the journal's connection (and lock) is gone."""
    session = window.session
    if isinstance(session, ObservedSession):
        session.inner.journal.close()  # type: ignore[attr-defined]


def open_kiosk(qtbot, demo: DemoStick, state: Path, windows: list[MainWindow]) -> MainWindow:  # type: ignore[no-untyped-def]
    """The kiosk as `run_station` starts it: the stick, the appliance's root certificate, the local state folder."""
    state.mkdir(parents=True, exist_ok=True)
    backend = StickBackend(demo.stick, demo.root_pem, state, security_log=SecurityLog(state / LOG_FILE_NAME))
    window = MainWindow(backend, Texts("nl"))
    qtbot.addWidget(window)
    windows.append(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def log_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.login and window.login.button.isEnabled()
    qtbot.keyClicks(window.login.station, STATION)
    qtbot.keyClick(window.login.station, Qt.Key.Key_Return)  # on to the password field
    qtbot.keyClicks(window.login.password, DEMO_PASSWORDS[STATION])
    qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None or window.login.banner.urgency is not None, timeout=15000)
    assert window.login.banner.urgency is None, window.login.banner.text()
    assert "DEMO-1" in window.status.bureau.text()


def type_number(qtbot, field, value: int) -> None:  # type: ignore[no-untyped-def]
    edit = field.lineEdit() if hasattr(field, "lineEdit") else field  # a spin box, or a plain field
    edit.selectAll()
    qtbot.keyClicks(edit, str(value))
    assert field.value() == value


def start_pass(qtbot, window: MainWindow, pile: int, pass_no: Pass, operator: str, hand: int = 0) -> None:  # type: ignore[no-untyped-def]
    overview = window.overview
    assert window.stack.currentWidget() is overview
    type_number(qtbot, overview.pile_no, pile)
    qtbot.mouseClick(overview.pass_1 if pass_no is Pass.FIRST else overview.pass_2, Qt.MouseButton.LeftButton)
    if hand:
        type_number(qtbot, overview.hand_count, hand)
    # the operator chooses themself among the members: their number, as listed in the choice, then Enter
    number = [overview.member.itemData(i) for i in range(overview.member.count())].index(operator) + 1
    assert overview.member.itemText(number - 1) == f"{number} · {operator}"
    qtbot.keyClicks(overview.member, str(number))
    qtbot.keyClick(overview.member, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.entry, overview.banner.text()


def type_ballot(qtbot, window: MainWindow, ballot: Typed) -> None:  # type: ignore[no-untyped-def]
    entry = window.entry
    position = entry.entered() + 1
    if ballot.invalid is not None:
        qtbot.keyClick(entry.field, Qt.Key.Key_F3)
        assert entry.invalid.isChecked() and entry.reason.isEnabled()
        entry.reason.setCurrentIndex(entry.reason.findData(ballot.invalid.value))
    if ballot.contested:
        qtbot.keyClick(entry.field, Qt.Key.Key_F2)
        assert entry.contested.isChecked()
    qtbot.keyClicks(entry.field, ballot.marks)
    blank = not ballot.marks and ballot.invalid is None and not ballot.contested
    qtbot.keyClick(entry.field, Qt.Key.Key_F6 if blank else Qt.Key.Key_Return)  # a blank ballot has its own key
    assert entry.banner.text() == f"Stembiljet {position} is bewaard.", entry.banner.text()


def finish_pass(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    finish = window.entry.finish_button
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)  # the first tap arms it, the second confirms
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.overview


def enter_pass(qtbot, window, pile: int, pass_no: Pass, operator: str, ballots: list[Typed], hand: int = 0) -> None:  # type: ignore[no-untyped-def]
    start_pass(qtbot, window, pile, pass_no, operator, hand)
    for ballot in ballots:
        type_ballot(qtbot, window, ballot)
    finish_pass(qtbot, window)


def record_bureau(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.overview.record_button, Qt.MouseButton.LeftButton)
    screen = window.bureau
    assert window.stack.currentWidget() is screen
    for row, (name, per_pv, counted) in enumerate((("Stembureau 12", "5", "5"), ("Stembureau 13", "5", "4"))):
        if row >= len(screen.rows):
            qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
        fields = screen.rows[row]
        for field, text in ((fields.name, name), (fields.per_pv, per_pv), (fields.counted, counted)):
            qtbot.keyClicks(field, text)
    qtbot.keyClicks(screen.canton, "Kieskanton Demo")
    qtbot.keyClicks(screen.president, PRESIDENT)
    qtbot.keyClicks(screen.secretary, SECRETARY)
    for edit, names in ((screen.assessors, ASSESSORS), (screen.witnesses, WITNESSES)):
        for number, name in enumerate(names):
            if number:
                qtbot.keyClick(edit, Qt.Key.Key_Return)
            qtbot.keyClicks(edit, name)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.overview, screen.banner.text()


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- the whole count --------------------------------------------------------------------------------------------------


def test_a_bureau_counts_settles_fixes_and_writes_a_result_that_verifies(qtbot, demo, tmp_path, windows) -> None:  # type: ignore[no-untyped-def]
    window = open_kiosk(qtbot, demo, tmp_path / "state", windows)
    log_in(qtbot, window)
    assert window.stack.currentWidget() is window.overview
    record_bureau(qtbot, window)

    enter_pass(qtbot, window, 1, Pass.FIRST, OPERATOR_1, PILE_1, hand=5)
    enter_pass(qtbot, window, 2, Pass.FIRST, OPERATOR_1, PILE_2, hand=4)
    # the second operator repeats the hand count (the form keeps the last one typed, of another pile)
    enter_pass(qtbot, window, 1, Pass.SECOND, OPERATOR_2, PILE_1_PASS_2, hand=5)
    enter_pass(qtbot, window, 2, Pass.SECOND, OPERATOR_2, PILE_2_PASS_2, hand=4)
    assert "Stembiljetten ingevoerd: 9 (1e) · 8 (2e)" in window.status.ballots.text()

    close = window.overview.close_button
    click(qtbot, close)
    click(qtbot, close)  # second tap: entry is closed, the differences wait
    screen = window.differences
    assert window.stack.currentWidget() is screen
    listed = [screen.pile_list.item(i).text() for i in range(screen.pile_list.count())]
    assert listed == ["Stapel 1: 1 te beslissen", "Stapel 2: 3 te beslissen"]  # only piles entered twice

    # pile 1: one changed ballot; the bureau looks at it: pass 1 was right
    assert screen.pile == 1 and [r.difference.kind for r in screen.rows] == [DifferenceKind.CHANGED]
    changed = screen.rows[0]
    side_1, side_2 = changed.side_1.text(), changed.side_2.text()  # in words, as the entry table says them
    assert side_1.startswith("Lijst 4 · kandidaat 2 · ") and "; Lijst 4 · opvolger 1 · " in side_1
    assert side_2.startswith("Lijst 4 · kandidaat 2 · ") and "; Lijst 4 · opvolger 2 · " in side_2
    click(qtbot, changed.take_1)
    qtbot.keyClicks(screen.decided_by, PRESIDENT)
    click(qtbot, screen.decide_button)
    assert screen.banner.text() == "De beslissing over stapel 1 is bewaard."

    # pile 2: a ballot pass 2 skipped (found at its place, not as a cascade) and the contested ballot
    assert screen.pile == 2
    kinds = [r.difference.kind for r in screen.rows]
    assert kinds == [DifferenceKind.ONLY_IN_FIRST, DifferenceKind.CONTESTED]
    skipped, contested = screen.rows
    assert skipped.difference.position_1 == 1 and skipped.side_1.text().startswith("Lijst 1 · kandidaat 1 · ")
    count_line = screen.t("ui.diff.count", pass_name=screen.t("ui.pass.2"), entered=3, counted=4)
    assert count_line in screen.counts.text()  # pass 2 holds 3 ballots, 4 were counted by hand
    click(qtbot, skipped.take_1)
    click(qtbot, contested.take_1)  # as entered; the verdict is the bureau's own, never proposed
    assert contested.verdict.isVisibleTo(contested) and contested.verdict.currentData() is None
    assert screen.outcome.text() == screen.t("ui.diff.outcome_pending")
    contested.verdict.setCurrentIndex(contested.verdict.findData("valid"))  # valid as marked
    assert "4 stembiljetten" in screen.outcome.text()
    click(qtbot, screen.decide_button)

    # nothing open: the checks, with the warnings the bureau must acknowledge
    checks = window.checks
    assert window.stack.currentWidget() is checks
    assert PRESIDENT in checks.record.text()
    # 10 handed over, 9 counted (W.201; per station W.202, the stations together W.205); 1 blank (W.204)
    assert {f.code for f in checks.findings} == {"W.201", "W.202", "W.204", "W.205"}
    assert not checks.review_button.isEnabled()
    while unacknowledged := [c for c in checks.cards if c.ack_button.isVisibleTo(c)]:
        click(qtbot, unacknowledged[0].ack_button)
    assert checks.review_button.isEnabled()
    click(qtbot, checks.review_button)
    # the review: what the PV will print, ticked by the president and confirmed with a second tap
    review = checks.review
    assert review.table.rowCount() == 4 and PRESIDENT in review.record.text() and not review.missing()
    assert not checks.finalize_button.isEnabled()
    review.reviewed.click()
    click(qtbot, checks.finalize_button)
    click(qtbot, checks.finalize_button)

    result = window.result
    assert window.stack.currentWidget() is result
    assert window.session is not None and window.session.count.phase is Phase.FINAL
    click(qtbot, result.write_button)
    qtbot.waitUntil(lambda: result.task is None and result.banner.urgency is not None, timeout=20000)
    assert result.result is not None, result.banner.text()
    assert "verwijderen" in result.banner.text()  # the stick may be removed
    shown = result.control.text()  # what the president copies by hand onto the paper form
    assert is_well_formed(shown), shown  # 16 digits and a right check digit, spaces or hyphens between

    # --- what the canton checks on the stick -------------------------------------------------------------------------
    root = x509.load_pem_x509_certificate(demo.root_pem.read_bytes())
    reports = verify_stick(demo.stick, root, dt.datetime.now(dt.UTC))
    assert [r.station for r in reports] == [STATION]
    report = reports[0]
    assert report.ok, report.problems
    assert digits(report.control_number) == digits(shown)

    lists, blank, invalid = expected_tally(FINAL)
    recount = report.tally
    assert recount is not None
    assert (recount.counted, recount.blank, recount.invalid) == (len(FINAL), blank, invalid) == (9, 1, 1)
    assert recount.valid == 7
    for got in recount.lists:
        want = lists[got.number]
        assert list(got.subcategories) == want.sc, got.number
        assert got.ce == sum(want.sc)
        assert list(got.titular_votes) == want.titulars, got.number
        assert list(got.successor_votes) == want.successors, got.number
    assert [lst.number for lst in recount.lists] == [1, 2, 4, 7]

    pv = subprocess.run(
        ["pdftotext", "-layout", str(demo.stick / "results" / STATION / PV_FILE), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    for name in (PRESIDENT, SECRETARY, *ASSESSORS, *WITNESSES):
        assert name in pv, name
    assert report.control_number in pv
    assert "Stembureau 13" in pv and "W.202" in pv
    lines = pv.splitlines()
    # a ballot is printed with its marks and whose boxes they are (the list's, the candidates' names)
    contested_rows = [" ".join(lines[i : i + 2]) for i, line in enumerate(lines) if line.strip().startswith("2/3")]
    assert contested_rows and all("4:H Lijst Groen-Vert" in r and "(betwist)" in r for r in contested_rows)
    assert all(PRESIDENT in r for r in contested_rows)
    assert any(line.strip().startswith("1/3") and "4:T2 Müller Daan" in line for line in lines)


# --- a restart in the middle of pass 2 --------------------------------------------------------------------------------


def test_the_kiosk_closed_in_the_middle_of_pass_2_resumes_at_the_same_ballot(qtbot, demo, tmp_path, windows) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "state"
    first = open_kiosk(qtbot, demo, state, windows)
    log_in(qtbot, first)
    record_bureau(qtbot, first)  # operators are members: the record lists them first
    enter_pass(qtbot, first, 1, Pass.FIRST, OPERATOR_1, PILE_1, hand=5)
    start_pass(qtbot, first, 1, Pass.SECOND, OPERATOR_2, hand=5)
    for ballot in PILE_1[:3]:
        type_ballot(qtbot, first, ballot)
    qtbot.keyClicks(first.entry.field, "7 S")  # typed, not confirmed: this one is not on record yet
    assert first.session is not None
    before = first.session.count.piles[1]
    first.close()  # the kiosk goes down: its process ends, and with it the exclusive lock on the journal
    end_process(first)
    QApplication.processEvents()

    second = open_kiosk(qtbot, demo, state, windows)
    assert second.session is None
    log_in(qtbot, second)
    assert second.stack.currentWidget() is second.table  # with members recorded, entry happens at the table
    click(qtbot, second.table.back)  # the single entry screen stays for touch and corrections
    overview = second.overview
    assert second.stack.currentWidget() is overview
    assert second.session is not None and second.session.count.piles[1] == before  # nothing lost, nothing added
    assert overview.table.item(0, 3).text().startswith(OPERATOR_2)
    # the overview proposes the pass under way; tapping start continues it at the next ballot
    assert (overview.pile_no.value(), overview.selected_pass()) == (1, Pass.SECOND)
    assert overview.start_button.text() == "Invoer voortzetten"
    click(qtbot, overview.start_button)
    entry = second.entry
    assert second.stack.currentWidget() is entry
    assert entry.entered() == 3
    assert entry.position.text() == "Stapel 1 · stembiljet 4 van 5"
    assert OPERATOR_2 in entry.title.text()
    assert entry.field.text() == ""
    for ballot in PILE_1[3:]:
        type_ballot(qtbot, second, ballot)
    finish_pass(qtbot, second)
    pile = second.session.count.piles[1]
    assert pile.comparison is not None and pile.comparison.agreed  # both passes hold the same 5 ballots
    assert pile.first is not None and pile.first.operator == OPERATOR_1 and len(pile.first.ballots) == 5
