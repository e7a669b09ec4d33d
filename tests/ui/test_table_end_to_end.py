"""A whole sorted bureau entered at the table with two keypads at once, as on election night (C5, U7).

The real demo stick, `StickBackend`, `Session` (SQLite journal) and `MainWindow`; two fake USB keypads. The left
operator enters pass 1 of pile k while the right one enters pass 2 of pile k-1, keys interleaved. On the way: a ballot
that does not match its pile's declaration (entered in full without leaving the pile), an undo of a mistyped ballot
(Backspace twice), a difference between the passes that the bureau settles, a refused key (a candidate past the end
of the list) that stores nothing. It ends with a result that `verify` accepts, with the recount it expects.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509

from app.counting.count import Phase
from app.counting.double_entry import DifferenceKind, Pass
from app.counting.keypad import Key, Step
from app.platform.keypads import FakeKeypads
from app.seclog import LOG_FILE_NAME, SecurityLog
from app.ui.backend import StickBackend
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.verify import verify_stick
from tests.ui.test_end_to_end import (
    ASSESSORS,
    PRESIDENT,
    STATION,
    acknowledge_all,
    click,
    demo,
    log_in,
    record_bureau,
    windows,
)

__all__ = ["demo", "windows"]  # pytest fixtures, imported for use here

LEFT, RIGHT = "usb-keypad-1", "usb-keypad-2"
SYMBOL = {key.symbol: key.value for key in Key} | {"E": Key.ENTER.value, "B": Key.BACK.value}

# The demo bureau DEMO-1: lists 1, 2, 4, 7, each with 7 titulars and 6 successors. The bureau sorted its ballots.
# Each pile: (declaration keys, hand count, pass 1 ballots, pass 2 ballots); a ballot is the keys of one ballot.
PILES = [
    # list 1 vote only, with a stray of list 2 (not what the pile declares: stored on a second Enter)
    ("1 *", 4, ["E", "E", "+ 2 . 3 E E", "E"], ["E", "E", "+ 2 . 3 E E", "E"]),
    # list 2 candidates: pass 1 types 9 (no such candidate: refused), and stores 5 by mistake, then takes it back;
    # pass 2 mistypes successor 2 as 3
    ("2", 3, ["9 1 E", "5 E B B 3 - 2 E", "* 4 E"], ["1 E", "3 - 3 E", "* 4 E"]),
    ("0", 2, ["E", "E"], ["E", "E"]),  # blank
    # mixed: list 4, successor 1 of list 7, list 1 contested, list boxes of two lists (invalid)
    ("", 4, ["4 * E", "7 - 1 E", "1 / 0 E", "1 + 2 E"], ["4 * E", "7 - 1 E", "1 / 0 E", "1 + 2 E"]),
]


def keys(text: str) -> list[str]:
    return [SYMBOL[k] for k in text.split()]


def open_table(qtbot, demo, state: Path, windows: list[MainWindow], pads: FakeKeypads) -> MainWindow:  # type: ignore[no-untyped-def]
    state.mkdir(parents=True, exist_ok=True)
    backend = StickBackend(demo.stick, demo.root_pem, state, security_log=SecurityLog(state / LOG_FILE_NAME))
    window = MainWindow(backend, Texts("nl"), pads)
    qtbot.addWidget(window)
    windows.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def pile_keys(number: int, pass_no: Pass) -> list[list[str]]:
    """The keys of one pass of a pile, as groups (header, then one group a ballot)."""
    declared, hand, first, second = PILES[number - 1]
    header = keys(f"{declared} E {' '.join(str(hand))} E")
    return [keys("E"), header, *(keys(b) for b in (first if pass_no is Pass.FIRST else second))]


def test_two_keypads_enter_a_sorted_bureau_at_once_and_the_result_verifies(qtbot, demo, tmp_path, windows) -> None:  # type: ignore[no-untyped-def]
    pads = FakeKeypads()
    pads.attach(LEFT, "Toetsenblok 1")
    pads.attach(RIGHT, "Toetsenblok 2")
    window = open_table(qtbot, demo, tmp_path / "state", windows, pads)
    log_in(qtbot, window)
    record_bureau(qtbot, window)
    click(qtbot, window.overview.table_button)
    table = window.table
    assert window.stack.currentWidget() is table
    left, right = table.views
    assert "toetsenblok 1" in left.heading.text() and "toetsenblok 2" in right.heading.text()  # bound by device

    # who is typing: members by number (1 president, 2 secretary, 3 and 4 the assessors)
    pads.press(LEFT, *keys("3 E"))
    pads.press(RIGHT, *keys("4 E"))
    assert left.control.member == ASSESSORS[0] and right.control.member == ASSESSORS[1]
    assert ASSESSORS[0] in left.heading.text()

    # a list past the end is refused and says so; a key of the left keypad never reaches the right pane
    pads.press(LEFT, *keys("E 9"))  # pile 1 (proposed), declared as list 9: there is no list 9
    assert left.control.problem is not None and "9" in left.message.text()
    assert left.control.pane.step is Step.DECLARATION and left.control.pane.typed == ()
    assert right.control.pane.step is Step.PILE and right.control.problem is None
    pads.press(LEFT, *keys("B"))  # back to the pile number: nothing was stored
    assert left.control.pane.step is Step.PILE and window.session is not None and not window.session.count.piles

    # pile k pass 1 on the left beside pile k-1 pass 2 on the right, keys interleaved
    for k in range(1, len(PILES) + 2):
        left_groups = pile_keys(k, Pass.FIRST) if k <= len(PILES) else []
        right_groups = pile_keys(k - 1, Pass.SECOND) if k >= 2 else []
        for index in range(max(len(left_groups), len(right_groups))):
            if index < len(left_groups):
                pads.press(LEFT, *left_groups[index])
                assert left.control.problem is None, (k, index, left.message.text())
            if index < len(right_groups):
                pads.press(RIGHT, *right_groups[index])
                assert right.control.problem is None, (k, index, right.message.text())
    session = window.session
    count = session.count
    assert [p.number for p in count.piles.values()] == [1, 2, 3, 4]
    assert all(p.first is not None and p.second is not None for p in count.piles.values())
    first_1 = count.piles[1].first
    assert first_1 is not None and first_1.operator == ASSESSORS[0] and first_1.declaration.list_number == 1
    assert count.piles[2].first is not None and len(count.piles[2].first.ballots) == 3  # the undo took 5 back

    # the difference: pile 2, ballot 2 (successor 2 or 3 of list 2)
    differences = count.piles[2].open_differences
    assert [d.kind for d in differences] == [DifferenceKind.CHANGED]
    assert [d.kind for d in count.piles[4].open_differences] == [DifferenceKind.CONTESTED]

    click(qtbot, table.back)
    close = window.overview.close_button
    click(qtbot, close)
    click(qtbot, close)
    screen = window.differences
    assert window.stack.currentWidget() is screen and screen.pile == 2
    click(qtbot, screen.rows[0].take_1)
    qtbot.keyClicks(screen.decided_by, PRESIDENT)
    click(qtbot, screen.decide_button)
    assert screen.pile == 4
    contested = screen.rows[0]
    click(qtbot, contested.take_1)  # the contested ballot, as entered: the bureau gives the verdict itself
    contested.verdict.setCurrentIndex(contested.verdict.findData("valid"))  # valid as marked
    click(qtbot, screen.decide_button)

    checks = window.checks
    assert window.stack.currentWidget() is checks
    acknowledge_all(qtbot, checks)
    click(qtbot, checks.review_button)
    checks.review.reviewed.click()  # the president: the bureau has reviewed the result
    click(qtbot, checks.finalize_button)
    click(qtbot, checks.finalize_button)
    result = window.result
    assert session.count.phase is Phase.FINAL
    click(qtbot, result.write_button)
    qtbot.waitUntil(lambda: result.task is None and result.banner.urgency is not None, timeout=20000)
    assert result.result is not None, result.banner.text()

    root = x509.load_pem_x509_certificate(demo.root_pem.read_bytes())
    (report,) = verify_stick(demo.stick, root, dt.datetime.now(dt.UTC))
    assert report.station == STATION and report.ok, report.problems
    tally = report.tally
    assert tally is not None
    assert (tally.counted, tally.valid, tally.blank, tally.invalid) == (13, 10, 2, 1)
    by_list = {lst.number: lst for lst in tally.lists}
    assert list(by_list[1].subcategories) == [4, 0, 0, 0]  # three in the list-vote pile, the contested one
    assert list(by_list[2].subcategories) == [0, 3, 1, 0]  # the stray (3), candidate 1, list box + 4; 3 and S2
    assert list(by_list[2].titular_votes[:4]) == [1, 0, 2, 1]
    assert list(by_list[2].successor_votes[:3]) == [0, 1, 0]  # successor 2, as the bureau decided
    assert list(by_list[4].subcategories) == [1, 0, 0, 0] and list(by_list[7].subcategories) == [0, 0, 0, 1]
