"""Writing the results under bad input (issue 8): a language switch while the results are being written neither
interrupts nor corrupts the write, and leaves nothing in the old language; a stick pulled in the middle of the write
(in training or not) is said, loses nothing, and the same button writes again to the stick put back."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, Phase, RecordBureau
from app.counting.model import Language, Station, StationId
from app.i18n import catalogue
from app.journal import MemoryJournal
from app.platform.measurement import Provenance
from app.platform.sticks import FakeSpareSticks
from app.seclog import SecurityLog
from app.session import CHECKED, BureauContext, Session, WrittenResults
from app.station_login import LoadedStation
from app.stick import list_result_stations
from app.ui.main import MainWindow
from app.ui.ports import Progress
from app.ui.texts import Texts
from app.ui.theme import Urgency
from app.verify import verify_stick
from tests.conftest import TestPki
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, small_election
from tests.ui.test_review import fix_result
from tests.ui.test_settle_and_result import MEMBERS, A, B, C, enter

WAIT_MS = 30_000


def bureau_session(test_pki: TestPki, tmp_path: Path, *, training: bool = False) -> FakeSession:
    """The real session of a Dutch-speaking bureau (as `make_session`), in training or not."""
    election = small_election()
    signer = test_pki.signer(STATION_ID)
    station = Station(StationId(STATION_ID), "Gemeenteschool Zuid", election.code, election.constituency, Language.NL)
    chain = (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    loaded = LoadedStation(station, election, signer, chain, provenance=Provenance(training=training))
    log = SecurityLog(tmp_path / "security-log.jsonl", system="test")
    return FakeSession(Session(loaded, MemoryJournal(election), log))


class PausedWrite:
    """The session's real write, held at its first report of progress past `at` until `go()`: the moment a switch of
    language or a pulled stick happens."""

    def __init__(self, session: FakeSession, at: float) -> None:
        self.session = session
        self.at = at
        self.reached = threading.Event()
        self._go = threading.Event()
        self.steps: list[tuple[float, str]] = []
        session.write = self.write

    def write(self, stick: Path, context: BureauContext | None, progress: Progress | None) -> WrittenResults:
        assert progress is not None

        def held(fraction: float, step: str) -> None:
            self.steps.append((fraction, step))
            progress(fraction, step)
            if fraction > self.at and not self.reached.is_set():
                self.reached.set()
                assert self._go.wait(WAIT_MS / 1000), "the test never let the write go on"

        return self.session.real.write_results(stick, context, held)

    def go(self) -> None:
        self._go.set()


def fixed_kiosk(qtbot, session: FakeSession, stick: Path | None) -> tuple[MainWindow, FakeBackend]:  # type: ignore[no-untyped-def]
    """The kiosk of a bureau whose result is fixed, not yet written."""
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    backend = FakeBackend(session, stick=stick)
    window = MainWindow(backend, Texts("nl"), spare=FakeSpareSticks(None))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.attach(session)
    fix_result(window.checks)
    assert window.stack.currentWidget() is window.result
    return window, backend


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read in the window now: visible labels and buttons."""
    widgets = [w for w in root.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)]
    return [w.text() for w in widgets if w.isVisibleTo(root) and w.text()]


_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def words_only_in(old: str, new: str) -> set[str]:
    """Pieces of the catalogue's `old`-language texts (the words between the parameters, 16 characters or more) that
    no `new`-language text holds: any of them on screen after a switch to `new` was left behind."""
    theirs = [texts.get(new, "") for texts in catalogue().values()]
    pieces = {
        piece.strip()
        for texts in catalogue().values()
        for piece in _PLACEHOLDER.split(texts.get(old, ""))
        if len(piece.strip()) >= 16
    }
    return {piece for piece in pieces if not any(piece in text for text in theirs)}


def left_in(root: QWidget, old: str, new: str) -> list[tuple[str, str]]:
    """The texts on screen that still hold words of the `old` language only (with the words)."""
    pieces = words_only_in(old, new)
    return [(piece, text) for text in shown_texts(root) for piece in pieces if piece in text]


def root_of(test_pki: TestPki) -> x509.Certificate:
    return x509.load_pem_x509_certificate(test_pki.root.certificate.public_bytes(serialization.Encoding.PEM))


@pytest.mark.parametrize(("before", "after"), [("nl", "fr"), ("fr", "de"), ("de", "nl")])
def test_a_language_switch_during_the_write_neither_stops_nor_spoils_it_and_leaves_no_old_text(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path: Path, before: str, after: str
) -> None:
    session = bureau_session(test_pki, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    window, _backend = fixed_kiosk(qtbot, session, stick)
    window.t.set_language(before)
    result = window.result
    number = result.control.text()
    paused = PausedWrite(session, CHECKED)  # in the middle of writing the files to the stick
    result.write_button.click()
    qtbot.waitUntil(lambda: paused.reached.is_set() and result.step.text() != "", timeout=WAIT_MS)
    t = window.t
    assert result.step.text() == t("session.step.writing")
    at = result.progress.value()
    assert left_in(window, before, after)  # the check below finds old words where there are some

    t.set_language(after)
    assert result.task is not None and result.task.isRunning()  # the write goes on, untouched
    assert result.progress.value() == at  # the bar stays where the work is
    assert result.step.text() == t("session.step.writing")  # the step it is at, in the new language
    assert window.shutdown_button.text() == t("ui.kiosk.shutdown")
    assert not left_in(window, before, after)

    paused.go()
    qtbot.waitUntil(lambda: result.task is None, timeout=WAIT_MS)
    assert result.result is not None, result.banner.text()
    assert result.banner.text() == t("ui.result.remove_stick") and result.banner.urgency is Urgency.OK
    assert result.step.text() == t("session.step.done") and result.progress.value() == 1000
    assert result.write_button.text() == t("ui.result.write_again")
    assert result.control.text() == number  # the same result, as fixed before the write
    assert not left_in(window, before, after)
    steps = [step for _fraction, step in paused.steps]
    assert steps[-1] == "session.step.done" and "session.step.writing" in steps  # one write, from start to end
    (report,) = verify_stick(stick, root_of(test_pki), dt.datetime.now(dt.UTC))
    assert report.ok, report.problems  # not a byte of the set spoilt
    assert session.count.phase is Phase.FINAL


PULLED = {
    "nl": "De USB-stick is verwijderd of niet meer leesbaar tijdens het schrijven.",
    "fr": "La clé USB a été retirée ou n'est plus lisible pendant l'écriture.",
    "de": "Der USB-Stick wurde während des Schreibens entfernt oder ist nicht mehr lesbar.",
}
KEPT = {
    "nl": "Er gaat niets verloren: de telling blijft bewaard op het toestel.",
    "fr": "Rien n'est perdu : le dépouillement reste conservé sur l'appareil.",
    "de": "Es geht nichts verloren: Die Zählung bleibt auf dem Gerät gespeichert.",
}


def pull(stick: Path, backend: FakeBackend, aside: Path) -> Callable[[], None]:
    """Pull the stick (its folder goes, the kiosk's poll no longer sees it); returns how to put it back."""
    os.rename(stick, aside)
    backend.stick = None

    def put_back() -> None:
        os.rename(aside, stick)
        backend.stick = stick

    return put_back


@pytest.mark.parametrize("training", [False, True], ids=["real", "training"])
@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_stick_pulled_during_the_write_is_said_loses_nothing_and_the_write_goes_on_when_it_is_back(  # type: ignore[no-untyped-def]
    qtbot, test_pki, tmp_path: Path, language: str, training: bool
) -> None:
    session = bureau_session(test_pki, tmp_path, training=training)
    stick = tmp_path / "stick"
    stick.mkdir()
    window, backend = fixed_kiosk(qtbot, session, stick)
    window.t.set_language(language)
    result = window.result
    number = result.control.text()
    count = session.count
    paused = PausedWrite(session, CHECKED)
    result.write_button.click()
    qtbot.waitUntil(paused.reached.is_set, timeout=WAIT_MS)
    put_back = pull(stick, backend, tmp_path / "pulled")
    window.poll_stick()
    paused.go()
    qtbot.waitUntil(lambda: result.task is None, timeout=WAIT_MS)

    t = window.t
    said = result.banner.text()
    assert result.result is None and result.banner.urgency is Urgency.WARNING
    assert said.startswith(PULLED[language]) and KEPT[language] in said and t("fixer.bureau") in said
    assert result.write_button.text() == t("ui.result.retry") and result.write_button.isEnabled()
    assert result.spare_button.isVisibleTo(result)  # or a blank spare stick
    assert result.progress.value() == 0 and result.step.text() == ""
    # nothing lost: the fixed count, its control number, and no half set on the stick that could pass for one
    assert session.count is count and session.count.phase is Phase.FINAL and result.control.text() == number
    assert STATION_ID not in list_result_stations(tmp_path / "pulled")

    result.write_button.click()  # still no stick: said again, nothing written anywhere
    assert result.task is None and "USB" in result.banner.text()

    put_back()
    window.poll_stick()
    session.write = None  # the write as it is, to the stick put back
    result.write_button.click()
    qtbot.waitUntil(lambda: result.task is None, timeout=WAIT_MS)
    assert result.result is not None, result.banner.text()
    assert result.banner.text() == t("ui.result.remove_stick") and result.control.text() == number
    (report,) = verify_stick(stick, root_of(test_pki), dt.datetime.now(dt.UTC))
    # a complete, signed set; a training one is refused as a real result for that alone (contract `--training`)
    assert {p[0] for p in report.problems} <= ({"verify.training"} if training else set()), report.problems
