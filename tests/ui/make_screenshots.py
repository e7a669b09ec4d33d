"""Screenshots of every kiosk screen for docs/screens (run: .venv/bin/python -m tests.ui.make_screenshots).

For each language (nl, fr, de) and each size (1366x768, 1920x1080): `docs/screens/<lang>-<size>/NN-name.png`, and
`docs/screens/README.md` with a table linking them all. Offscreen, with the shipped font and theme, on the real 2024
Chamber lists of Antwerp (12 lists, 24 titulars + 13 successors); one screen shows the longest ballot we know, a
Flemish Parliament column of 33 titulars and 16 successors (the real Antwerp names, the longest ones first), to
check that no name is cut.

The count is driven through the real session (`make_session`: journal in memory, real checks, real signing on a
test PKI); the screens are shown as the kiosk shows them. `--only nl-1366x768` makes one set (while fixing a screen).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, StartPile
from app.counting.double_entry import Pass, Take
from app.counting.keypad import Key, declaration_for, encode_pile
from app.counting.keypad_ballot import encode_ballot, keys_of_number
from app.counting.model import (
    Ballot,
    Box,
    Candidate,
    CandidateList,
    Election,
    ElectionCode,
    Kind,
    Language,
    ListNumber,
    Mark,
    Position,
    StationId,
    Status,
)
from app.errors import BadInput
from app.i18n import LANGUAGES
from app.platform.printer import FakePrinter
from app.station_login import BureauEntry
from app.ui.main import MainWindow, setup_application
from app.ui.texts import Texts
from app.ui.widgets import add_band
from app.ui.witness import WitnessWindow
from tests.conftest import TestPki
from tests.reference import chamber_2024
from tests.ui.conftest import FakeBackend, FakeSession, make_session

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screens"
SIZES = ((1366, 768), (1920, 1080))
# ImageMagick, when installed: 256 colours chosen per image (not Qt's fixed cube, which turns the theme's blue-grey
# into cyan) are plenty for flat screens and make the files a third of their size; without it the files stay 24-bit
QUANTIZE = shutil.which("convert")
PRESIDENT, SECRETARY = "Ann Dupré", "Dirk Maes"
ASSESSORS = ("Bart Peeters", "Chloé Dubois", "Els Janssens", "Farid El Idrissi")

# the bureaus of the stick, in the login picker
BUREAUS = tuple(
    BureauEntry(StationId(f"B00{n}"), name, ElectionCode.CK, "Antwerpen", Language.NL, f"b{n}.bin", "")
    for n, name in ((41, "Sint-Jozefschool"), (42, "Gemeenteschool Zuid"), (43, "Sporthal De Schans"))
)

# (file name, what it shows): the order of the walk through one count, as the README lists them
SCREENS = (
    ("01-login", "login, development mode band, a wrong password with its wait"),
    ("02-loading", "the bureau's key being derived after the login"),
    ("03-overview", "overview of the piles mid-count, with where the count stood after the login"),
    ("04-bureau", "the bureau's record: members, witnesses, the polling stations merged"),
    ("05-table", "the entry table: two operators at once, mid-pile, the left one mid-ballot"),
    ("06-entry", "the single entry screen (overview: pass 1 / pass 2), a ballot typed"),
    ("07-entry-49", "the single entry screen on a 49-candidate column (Flemish Parliament size)"),
    ("08-differences", "differences between the passes to settle"),
    ("09-differences-other", "a difference settled with other marks and a verdict"),
    ("10-checks", "the checks with their figures, warnings to acknowledge"),
    ("11-review", "the review before the result is fixed: lists, candidates, checks, record"),
    ("12-result", "the result after writing: control number, print box"),
    ("13-witness", "the witness window (second display) after the result is fixed"),
    ("14-lock", "the idle lock"),
    ("15-shutdown", "the shut-down question"),
    ("16-training", "training mode: the band on the entry table"),
)


# What a first-time president would stumble over on these screens (the review of 2026-11-30), and what became of it;
# each fix has its test in tests/ui/test_screens_fit.py
SEEN = (
    (
        "login, 1366x768: with a failure and the development notice the three fields were squeezed over each other",
        "fixed: a wider, tighter card",
    ),
    (
        "witness window, 1366x768: 12 lists and the control number needed 935 px (rows of 36 px)",
        "fixed: rows one line high; piles and differences give way once the result is fixed",
    ),
    ("bureau record: the fourth assessor was cut off in a 96 px box", "fixed: the box shows four names"),
    (
        "every scroll bar 14 px with arrows, the differences' pile list rows 20 px: no finger hits them",
        "fixed: a fingertip wide (9 mm at 96 dpi)",
    ),
    (
        "number boxes (pile, correction): 10 px arrow slivers; choices: a 20 px arrow",
        "fixed: no arrows on number boxes (typed), a fingertip-wide drop-down",
    ),
    ("entry screen, German: the help of the marks field cut at top and bottom", "fixed: tighter side column"),
    ('entry table keys fixed at 44 px: 8 mm on a 15.6" 1920x1080 panel', "fixed: keys grow to 9 mm on the screen"),
    (
        "every screen after the login in the bureau's language (Dutch) in a French or German walk",
        "not a bug: the bureau's language by default; the walk switches by hand as a president would",
    ),
    (
        "login: the error says 'next try in 4 s' while the line above counts down: two messages, one stale",
        "fixed: on screen the message without the wait (ui.login.wrong_password); the line above counts down",
    ),
    (
        "entry screen at 1366x768: two and a half rows of candidates, the rest scrolls",
        "left: the entry table is the normal way; the grid is for corrections",
    ),
    (
        "result after writing: 'write again (other stick)' is the primary, blue button",
        "fixed: after a good write the blue button is printing the PV",
    ),
    ("a banner on the entry screen's side column would squeeze the help again at 1366x768", "left"),
)


def mark(n: int, box: Box, p: int = 0) -> Mark:
    return Mark(ListNumber(n), box, Position(p))


def flemish_column() -> Election:
    """The Antwerp Chamber lists, the first one grown to a Flemish Parliament column (33 titulars, 16 successors)
    out of the real names of the constituency, the longest first: the longest ballot a Flemish bureau sees."""
    chamber = chamber_2024()
    names = sorted({c.name for cl in chamber.lists for c in (*cl.titulars, *cl.successors)}, key=len, reverse=True)
    first = chamber.lists[0]
    titulars = tuple(Candidate(first.number, Kind.TITULAR, Position(p), names[p - 1]) for p in range(1, 34))
    successors = tuple(Candidate(first.number, Kind.SUCCESSOR, Position(p), names[32 + p]) for p in range(1, 17))
    grown = CandidateList(first.number, first.name, titulars, successors)
    return Election(ElectionCode.VL, "Kieskring Antwerpen", (grown, *chamber.lists[1:]), has_successors=True)


@dataclass
class Walk:
    """One language at one size: a fresh kiosk window and session, shot screen after screen."""

    app: QApplication
    language: str
    size: tuple[int, int]
    out: Path
    tmp: Path
    windows: list[QWidget] = field(default_factory=list)

    def window(self, session: FakeSession | None, **options: object) -> MainWindow:
        backend = FakeBackend(session, stick=self.tmp / "stick", bureaus=BUREAUS)
        win = MainWindow(backend, Texts(self.language), printer=FakePrinter(), **options)  # type: ignore[arg-type]
        self.place(win)
        return win

    def attach(self, win: MainWindow, session: FakeSession) -> None:
        """Log the bureau in; its language is Dutch, so the president switches to this walk's language by hand."""
        win.attach(session)
        win.switch.buttons[self.language].click()

    def place(self, widget: QWidget) -> None:
        widget.resize(*self.size)
        widget.show()
        self.windows.append(widget)
        self.settle()

    def settle(self) -> None:
        for _ in range(4):
            self.app.processEvents()

    def shot(self, widget: QWidget, name: str) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path), "PNG", 0)  # 0: the smallest file
        shrink(path)

    def close(self) -> None:
        """Close and delete every window of the walk now: a hidden window left for later would still follow the
        screens (the witness window) in whatever runs next."""
        for widget in self.windows:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.windows.clear()
        self.settle()


def shrink(path: Path) -> None:
    """Make a screenshot a 256-colour PNG in place, if ImageMagick is there (the set is ~12 MB without, ~5 MB with)."""
    if QUANTIZE is not None:
        subprocess.run([QUANTIZE, str(path), "+dither", "-colors", "256", f"PNG8:{path}"], check=True)


def new_session(walk: Walk, election: Election) -> FakeSession:
    folder = Path(tempfile.mkdtemp(dir=walk.tmp))
    return make_session(TestPki(), folder, election)


def record_bureau(win: MainWindow) -> None:
    """The bureau's record as a president fills it in: two stations merged, one with a ballot short."""
    win.open_record(win.overview)
    record = win.bureau
    rows = (("12A — Sint-Jozefschool", "8", "8"), ("12B — Sporthal De Schans", "10", "9"), ("12C", "3", ""))
    for row, (name, per_pv, counted) in enumerate(rows):
        if row >= len(record.rows):
            record.add_row()
        record.rows[row].name.setText(name)
        record.rows[row].per_pv.setText(per_pv)
        record.rows[row].counted.setText(counted)
    record.canton.setText("Antwerpen")
    record.president.setText(PRESIDENT)
    record.secretary.setText(SECRETARY)
    record.assessors.setPlainText("\n".join(ASSESSORS))
    record.witnesses.setPlainText("Geert Wouters (3)\nNadia Benali (1)")
    record.remarks.setPlainText("12B: 9 / 10.")
    record.rows[1].counted.setFocus()
    record._show_totals()


A = Ballot(frozenset({mark(8, Box.LIST)}))
B = Ballot(frozenset({mark(3, Box.TITULAR, 1), mark(3, Box.TITULAR, 4)}))
C = Ballot(frozenset({mark(3, Box.TITULAR, 1)}))
CONTESTED = Ballot(frozenset({mark(5, Box.TITULAR, 2)}), Status.CONTESTED)


PILE_2 = [A, B, Ballot(), C] * 4
PILE_3 = [A, B, C, A, B, C, A, B, C, A, B, C]


def start(session: FakeSession, pile: int, pass_no: Pass, who: str, ballots: list[Ballot]) -> None:
    """A pass started as the table starts it: the declaration the keys would give, the hand count."""
    declaration = declaration_for(session.election, ballots)
    session.apply(StartPile(pile, pass_no, who, len(ballots), declaration))


def enter_piles(session: FakeSession) -> None:
    """Pile 1 entered twice with two differences; pile 2 entered once, its second pass waiting; pile 3 started."""
    for pass_no, who, ballots in (
        (Pass.FIRST, ASSESSORS[0], [A, B, A, CONTESTED]),
        (Pass.SECOND, ASSESSORS[1], [A, C, A, CONTESTED]),
    ):
        start(session, 1, pass_no, who, ballots)
        for ballot in ballots:
            session.apply(ConfirmBallot(1, pass_no, ballot))
        session.apply(FinishPile(1, pass_no))
    start(session, 2, Pass.FIRST, ASSESSORS[2], PILE_2)
    for ballot in PILE_2:
        session.apply(ConfirmBallot(2, Pass.FIRST, ballot))
    session.apply(FinishPile(2, Pass.FIRST))
    start(session, 3, Pass.FIRST, ASSESSORS[2], PILE_3)
    for ballot in PILE_3[:3]:
        session.apply(ConfirmBallot(3, Pass.FIRST, ballot))


def press(win: MainWindow, side: int, keys: tuple[Key, ...]) -> None:
    for key in keys:
        win.table.views[side].on_key(key)


def choose_member(win: MainWindow, side: int, member: str) -> None:
    operators = win.table.views[side].control.members()
    press(win, side, (*keys_of_number(operators.index(member) + 1), Key.ENTER))


def table_mid_pile(win: MainWindow, session: FakeSession) -> None:
    """Left: an assessor goes on with pile 3 (pass 1) and is typing a ballot; right: another takes pile 2's pass 2
    and has entered five ballots."""
    win.show_screen(win.table)
    election = session.election
    choose_member(win, 0, ASSESSORS[2])  # resumes pile 3, pass 1, at ballot 4
    declared = session.count.piles[3].entry(Pass.FIRST)
    assert declared is not None
    press(win, 0, encode_ballot(election, declared.declaration, B)[:-1])  # typed, not yet stored
    choose_member(win, 1, ASSESSORS[3])
    pile = encode_pile(election, 2, 2, PILE_2)
    declaration = declaration_for(election, PILE_2)
    ballots = [encode_ballot(election, declaration, b) for b in PILE_2]
    header = pile[: len(pile) - sum(len(keys) for keys in ballots)]
    press(win, 1, header + tuple(k for keys in ballots[:5] for k in keys))


def write_results(walk: Walk, win: MainWindow) -> None:
    """The real write (signed EML, PV) to the stick folder, on the screen's worker thread."""
    (walk.tmp / "stick").mkdir(exist_ok=True)
    win.result.write_button.click()
    deadline = time.monotonic() + 60
    while win.result.task is not None and time.monotonic() < deadline:
        walk.app.processEvents()
        time.sleep(0.02)
    win.result.copies.setValue(2)
    win.result.print_button.click()
    deadline = time.monotonic() + 10
    while win.result.print_task is not None and time.monotonic() < deadline:
        walk.app.processEvents()
        time.sleep(0.02)


def finish_entry(session: FakeSession) -> None:
    """Every pass to its end: pile 2's second pass (started at the table, or here), pile 3 both passes."""
    if session.count.piles[2].entry(Pass.SECOND) is None:
        start(session, 2, Pass.SECOND, ASSESSORS[3], PILE_2)
    entered = session.count.piles[2].entry(Pass.SECOND)
    assert entered is not None
    for ballot in PILE_2[len(entered.ballots) :]:
        session.apply(ConfirmBallot(2, Pass.SECOND, ballot))
    session.apply(FinishPile(2, Pass.SECOND))
    for ballot in PILE_3[len(session.count.piles[3].entry(Pass.FIRST).ballots) :]:  # type: ignore[union-attr]
        session.apply(ConfirmBallot(3, Pass.FIRST, ballot))
    session.apply(FinishPile(3, Pass.FIRST))
    start(session, 3, Pass.SECOND, ASSESSORS[0], PILE_3)
    for ballot in PILE_3:
        session.apply(ConfirmBallot(3, Pass.SECOND, ballot))
    session.apply(FinishPile(3, Pass.SECOND))


def settle_differences(win: MainWindow) -> None:
    """The bureau takes the second pass's reading of pile 1's ballot 2 and finds the contested ballot valid."""
    differences = win.differences
    differences.rows[0].choose(Take.SECOND)
    differences.rows[1].choose(Take.FIRST)
    differences.rows[1].verdict.setCurrentIndex(differences.rows[1].verdict.findData("valid"))
    differences.decided_by.setText(PRESIDENT)
    differences.decide_button.click()
    win.show_phase()


def open_review(win: MainWindow) -> None:
    """Every warning seen and accepted, then the review before the result is fixed."""
    for code in {card.finding.code for card in win.checks.cards}:
        win.checks.acknowledge(code)
    win.checks.review_button.click()


def fix_result(win: MainWindow) -> None:
    """The president ticks the review and taps twice."""
    win.checks.review.reviewed.setChecked(True)
    win.checks.finalize_button.click()
    win.checks.finalize_button.click()


def walk_count(walk: Walk) -> None:
    """Every screen of one count, in the order a bureau meets them."""
    session = new_session(walk, chamber_2024())
    win = walk.window(session, development=True)
    win.login.picker.setCurrentIndex(1)
    win.login.station.setText("B0042")
    win.login.show_failure(BadInput("auth.wrong_password", station="B0042", failures=3, delay=4), 4)
    win.login.password.setFocus()
    walk.shot(win, "01-login")
    win.stack.setCurrentWidget(win.loading)
    win.loading.show_progress(0.42, "auth.step.deriving")
    walk.shot(win, "02-loading")

    walk.attach(win, session)
    record_bureau(win)
    walk.shot(win, "04-bureau")
    win.bureau.save_button.click()
    enter_piles(session)
    win.show_screen(win.overview)
    win.show_where_passes_stand()
    win.overview.select_pass(2, Pass.SECOND)
    walk.shot(win, "03-overview")
    table_mid_pile(win, session)
    walk.shot(win, "05-table")

    win.open_entry(2, Pass.SECOND)
    win.entry.field.setText("3 T1 T4 S2")
    win.entry._on_typed("")
    walk.shot(win, "06-entry")
    finish_entry(session)
    session.apply(CloseEntry())
    win.show_phase()
    walk.shot(win, "08-differences")
    differences = win.differences
    differences.rows[0].choose(Take.OTHER)
    differences.rows[0].others[0].marks.setText("3 T1")
    differences.rows[0].add_ballot("3 T1 T4")
    differences.rows[0].changed.emit()
    differences.rows[1].choose(Take.FIRST)
    differences.rows[1].verdict.setCurrentIndex(differences.rows[1].verdict.findData("valid"))
    differences.decided_by.setText(PRESIDENT)
    differences.rows[0].others[0].marks.setFocus()
    walk.shot(win, "09-differences-other")
    differences.rows[0].clear_ballots()
    settle_differences(win)
    walk.shot(win, "10-checks")
    open_review(win)
    walk.shot(win, "11-review")
    fix_result(win)
    write_results(walk, win)
    walk.shot(win, "12-result")

    witness = WitnessWindow(win.t, lambda: win.session)
    add_band(witness, win.mode_band())
    walk.place(witness)
    witness.refresh(force=True)
    walk.shot(witness, "13-witness")
    win.lock_now()
    walk.shot(win, "14-lock")
    win.unlock(PRESIDENT)
    win.request_shutdown()
    walk.shot(win, "15-shutdown")
    win.cancel_shutdown()


def walk_long_column(walk: Walk) -> None:
    """The single entry screen on the 49-candidate column, the first list picked with marks on the last names."""
    session = new_session(walk, flemish_column())
    win = walk.window(session, development=False)
    walk.attach(win, session)
    session.apply(StartPile(1, Pass.FIRST, "An Peeters", 10))
    win.open_entry(1, Pass.FIRST)
    win.entry.field.setText("1 T1 T33 S16")
    win.entry._on_typed("")
    win.entry.field.setFocus(Qt.FocusReason.OtherFocusReason)
    walk.shot(win, "07-entry-49")


def walk_training(walk: Walk) -> None:
    """Training: the real flow with the band on every screen; here the entry table."""
    session = new_session(walk, chamber_2024())
    win = walk.window(session, training=True, development=False)
    walk.attach(win, session)
    record_bureau(win)
    win.bureau.save_button.click()
    enter_piles(session)
    table_mid_pile(win, session)
    walk.shot(win, "16-training")


def make_set(app: QApplication, language: str, size: tuple[int, int], tmp: Path, root: Path = OUT) -> Path:
    """Every screen in one language at one size, in `root/<lang>-<size>/`."""
    out = root / f"{language}-{size[0]}x{size[1]}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for part in (walk_count, walk_long_column, walk_training):
        walk = Walk(app, language, size, out, Path(tempfile.mkdtemp(dir=tmp)))
        try:
            part(walk)
        finally:
            walk.close()
    return out


def readme() -> str:
    """docs/screens/README.md: one row a screen, one column a language and size."""
    sets = [f"{lang}-{w}x{h}" for lang in LANGUAGES for (w, h) in SIZES]
    lines = [
        "# Screens of the kiosk",
        "",
        "Made by `.venv/bin/python -m tests.ui.make_screenshots` (offscreen, the shipped font and theme) on the real",
        "2024 Chamber lists of Antwerp (12 lists); `07-entry-49` shows a Flemish Parliament column of 33 titulars and",
        "16 successors made of the longest real names of the constituency. Every screen in Dutch, French and German,",
        "at 1366×768 and 1920×1080.",
        "",
        "| screen | what | " + " | ".join(sets) + " |",
        "|---|---|" + "---|" * len(sets),
    ]
    for name, what in SCREENS:
        links = " | ".join(f"[{s}]({s}/{name}.png)" for s in sets)
        lines.append(f"| {name} | {what} | {links} |")
    lines += ["", "## What a first-time president would stumble over", "", "| seen | what became of it |", "|---|---|"]
    lines += [f"| {seen} | {outcome} |" for seen, outcome in SEEN]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one set, e.g. nl-1366x768")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    for old in OUT.glob("*.png"):  # the unsorted shots of before
        old.unlink()
    tmp = Path(tempfile.mkdtemp())
    for language in LANGUAGES:
        for size in SIZES:
            name = f"{language}-{size[0]}x{size[1]}"
            if args.only in (None, name):
                print(make_set(app, language, size, tmp))
    (OUT / "README.md").write_text(readme(), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
