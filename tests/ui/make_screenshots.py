"""Screenshots of the main screens for docs/screens (run: .venv/bin/python -m tests.ui.make_screenshots).

Offscreen, with the shipped font, on the real 2024 Chamber lists of Antwerp (12 lists).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.counting.count import CloseEntry, ConfirmBallot, FinishPile, StartPile
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, ElectionCode, Language, ListNumber, Mark, Position, StationId, Status
from app.session import WrittenResults
from app.station_login import BureauEntry
from app.ui.main import MainWindow, setup_application
from app.ui.texts import Texts
from tests.conftest import TestPki
from tests.reference import chamber_2024
from tests.ui.conftest import FakeBackend, make_session

OUT = Path(__file__).resolve().parents[2] / "docs" / "screens"


def mark(n: int, box: Box, p: int = 0) -> Mark:
    return Mark(ListNumber(n), box, Position(p))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    session = make_session(TestPki(), tmp, chamber_2024())
    bureaus = tuple(
        BureauEntry(StationId(f"B00{n}"), name, ElectionCode.CK, "Antwerpen", Language.NL, f"bundles/b{n}.bin", "")
        for n, name in ((41, "Sint-Jozefschool"), (42, "Gemeenteschool Zuid"), (43, "Sporthal De Schans"))
    )
    win = MainWindow(FakeBackend(session, stick=tmp, bureaus=bureaus), Texts("nl"))
    win.resize(1280, 800)
    win.show()

    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        win.grab().save(str(OUT / f"{name}.png"))

    win.login.picker.setCurrentIndex(1)
    win.login.station.setText("B0042")
    win.login.show_failure(
        __import__("app.errors").errors.BadInput("auth.wrong_password", station="B0042", failures=3, delay=4), 4
    )
    shot("01-login")
    win.stack.setCurrentWidget(win.loading)
    win.loading.show_progress(0.42, "auth.step.deriving")
    shot("02-loading")
    a = Ballot(frozenset({mark(8, Box.LIST)}))
    b = Ballot(frozenset({mark(3, Box.TITULAR, 1), mark(3, Box.TITULAR, 4)}))
    c = Ballot(frozenset({mark(3, Box.TITULAR, 1)}))
    contested = Ballot(frozenset({mark(5, Box.TITULAR, 2)}), Status.CONTESTED)
    for pass_no, who, ballots in (
        (Pass.FIRST, "An Peeters", [a, b, a, contested]),
        (Pass.SECOND, "Bram Claes", [a, c, a, contested]),
    ):
        session.apply(StartPile(1, pass_no, who, 4))
        for ballot in ballots:
            session.apply(ConfirmBallot(1, pass_no, ballot))
        session.apply(FinishPile(1, pass_no))
    session.apply(StartPile(2, Pass.FIRST, "Chloé Dubois", 16))
    for ballot in [a, b, Ballot(), c] * 4:
        session.apply(ConfirmBallot(2, Pass.FIRST, ballot))
    win.attach(session)
    shot("03-overview")
    win.open_entry(2, Pass.FIRST)
    win.entry.field.setText("3 T1 T4 S2")
    win.entry._on_typed("")
    shot("04-entry")
    win.switch.buttons["fr"].click()
    shot("04-entry-fr")
    win.switch.buttons["nl"].click()
    win.entry.correct_no.setValue(3)
    win.entry.open_correction()
    shot("04-entry-correct")
    win.entry.cancel_correction()
    session.apply(FinishPile(2, Pass.FIRST))
    win.show_screen(win.differences)
    shot("05-differences")
    from app.counting.double_entry import Take

    win.differences.rows[0].choose(Take.OTHER)
    win.differences.rows[0].others[0].marks.setText("3 T1")
    win.differences.rows[0].add_ballot("3 T1 T4")
    win.differences.rows[0].changed.emit()
    win.differences.rows[1].choose(Take.FIRST)
    win.differences.rows[1].verdict.setCurrentIndex(win.differences.rows[1].verdict.findData("valid"))
    win.differences.decided_by.setText("Voorzitter Claes")
    win.differences.help.current_key = "ui.help.other_marks"
    win.differences.help.refresh()
    shot("05-differences-other")
    win.differences.rows[0].clear_ballots()
    win.differences.rows[0].choose(Take.SECOND)
    win.differences.decide_button.click()
    session.apply(StartPile(2, Pass.SECOND, "Bram Claes"))
    for ballot in [a, b, Ballot(), c] * 4:
        session.apply(ConfirmBallot(2, Pass.SECOND, ballot))
    session.apply(FinishPile(2, Pass.SECOND))
    session.apply(CloseEntry())
    win.show_phase()
    win.checks.record_button.click()
    record = win.bureau
    for row, (name, per_pv, counted) in enumerate(
        (("12A — Sint-Jozefschool", "8", "8"), ("12B — Sporthal De Schans", "10", "9"), ("12C", "3", ""))
    ):
        if row >= len(record.rows):
            record.add_row()
        record.rows[row].name.setText(name)
        record.rows[row].per_pv.setText(per_pv)
        record.rows[row].counted.setText(counted)
    record.canton.setText("Antwerpen")
    record.president.setText("Ann Dupré")
    record.secretary.setText("Dirk Maes")
    record.assessors.setPlainText("Bart Peeters\nChloé Dubois\nEls Janssens\nFarid El Idrissi")
    record.witnesses.setPlainText("Geert Wouters (lijst 3)")
    record.remarks.setPlainText("De stembus van stembureau 12B bevatte 9 stembiljetten, niet 10.")
    record.rows[1].counted.setFocus()
    record._show_totals()
    shot("06-bureau")
    record.save_button.click()
    shot("06-checks")
    for code in {c.finding.code for c in win.checks.cards}:
        win.checks.acknowledge(code)
    win.checks.review_button.click()  # the review before the result is fixed, ticked by the president
    shot("06-review")
    win.checks.review.reviewed.setChecked(True)
    win.checks.finalize_button.click()
    win.checks.finalize_button.click()
    session.write = lambda stick, _c, _p: WrittenResults("40213895576", "3f9a" * 16, stick / "results")
    win.result.write_button.click()
    for _ in range(50):
        app.processEvents()
        if win.result.result is not None:
            break
        import time

        time.sleep(0.05)
    shot("07-result")
    win.switch.buttons["de"].click()
    shot("07-result-de")
    return 0


if __name__ == "__main__":
    sys.exit(main())
