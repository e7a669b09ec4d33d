"""Screens that fit the ballot and the display (issue 8): what the screenshots in NL, FR and DE at 1366x768 and
1920x1080 showed a first-time president would stumble over, one test a fix, and the screenshots themselves."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QListWidget,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QWidget,
)

from app.counting.count import CloseEntry, Phase, StartPile
from app.counting.double_entry import Pass
from app.errors import BadInput
from app.session import WrittenResults
from app.ui.main import MainWindow
from app.ui.table import KEY_HEIGHT, KEY_WIDTH
from app.ui.tally_view import ROW_AIR
from app.ui.texts import Texts
from app.ui.theme import touch_px
from app.ui.witness import WitnessWindow
from tests.conftest import TestPki
from tests.reference import chamber_2024
from tests.ui import make_screenshots
from tests.ui.conftest import FakeBackend, FakeSession, make_session

SMALL = (1366, 768)
LANGUAGES = ("nl", "fr", "de")


def kiosk(qtbot, session: FakeSession | None, tmp_path: Path, language: str, **options: object) -> MainWindow:  # type: ignore[no-untyped-def]
    backend = FakeBackend(session, stick=tmp_path, bureaus=make_screenshots.BUREAUS)
    window = MainWindow(backend, Texts(language), **options)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def antwerp(test_pki: TestPki, tmp_path: Path) -> FakeSession:
    return make_session(test_pki, tmp_path, chamber_2024())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_fields_never_overlap_at_1366x768_with_a_failure_and_the_development_notice(
    qtbot, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(qtbot, None, tmp_path, language, development=True)
    login = window.login
    login.show_failure(BadInput("auth.wrong_password", station="B0042", failures=3, delay=4), 4)
    settle()
    assert login.picker.isVisible()
    fields = (login.picker, login.station, login.password)
    for above, below in itertools.pairwise(fields):
        assert above.geometry().bottom() < below.geometry().top(), (above, below)
    login.setFocus()  # a focused field asks for 2 px more (its thicker border) than the layout gave it
    settle()
    for field in fields:
        assert field.height() >= field.sizeHint().height()  # never squeezed under what it needs (it was 28 px)
    assert login.button.geometry().bottom() < login.banner.geometry().top()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_password_is_one_message_whose_wait_counts_down(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(qtbot, None, tmp_path, language)
    login = window.login
    login.show_failure(BadInput("auth.wrong_password", station="B0042", failures=3, delay=4), 4)
    said = login.banner.text()
    assert "B0042" in said and "4 s" not in said  # the message names the bureau, not a wait that will not move
    assert login.wait.isVisibleTo(login) and "4 s" in login.wait.text()
    login._tick()
    assert "3 s" in login.wait.text() and login.banner.text() == said
    wanted = window.t("ui.login.wrong_password", station="B0042")
    assert said.startswith(wanted)  # followed by who can fix it (U5)


def test_the_four_assessors_of_a_bureau_show_without_scrolling(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = antwerp(test_pki, tmp_path)
    window = kiosk(qtbot, session, tmp_path, "nl")
    window.attach(session)
    window.open_record(window.overview)
    window.bureau.assessors.setPlainText("\n".join(make_screenshots.ASSESSORS))
    settle()
    assert window.bureau.assessors.verticalScrollBar().maximum() == 0


def fixed_result(qtbot, test_pki: TestPki, tmp_path: Path, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A kiosk at 1366x768 whose Antwerp count (12 lists) was entered, settled, reviewed and fixed."""
    session = antwerp(test_pki, tmp_path)
    window = kiosk(qtbot, session, tmp_path, language)
    window.attach(session)
    make_screenshots.record_bureau(window)
    window.bureau.save_button.click()
    make_screenshots.enter_piles(session)
    make_screenshots.finish_entry(session)
    session.apply(CloseEntry())
    window.show_phase()
    make_screenshots.settle_differences(window)
    make_screenshots.open_review(window)
    make_screenshots.fix_result(window)
    assert session.count.phase is Phase.FINAL
    return window


def test_the_witness_window_fits_a_1366x768_display_with_twelve_lists_and_the_control_number(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = fixed_result(qtbot, test_pki, tmp_path, "de")
    witness = WitnessWindow(window.t, lambda: window.session)
    qtbot.addWidget(witness)
    witness.resize(*SMALL)
    witness.show()
    witness.refresh(force=True)
    settle()
    assert witness.table.rowCount() == 12 and witness.control.isVisibleTo(witness)
    assert witness.minimumSizeHint().height() <= SMALL[1]
    assert witness.height() == SMALL[1]
    table = witness.table
    assert all(table.rowHeight(r) == table.sizeHintForRow(r) + ROW_AIR for r in range(table.rowCount()))


def test_scroll_bars_and_list_rows_are_a_fingertip_wide(qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.addItems([f"Stapel {n}: 2 te beslissen" for n in range(1, 40)])
    rows.resize(240, 300)
    rows.show()
    settle()
    touch = touch_px(None)
    assert rows.verticalScrollBar().width() >= touch
    assert rows.visualItemRect(rows.item(0)).height() >= touch


def test_a_choice_opens_from_a_fingertip_wide_arrow_and_number_boxes_have_no_arrow_slivers(qtbot) -> None:  # type: ignore[no-untyped-def]
    choice, number = QComboBox(), QSpinBox()
    for widget in (choice, number):
        qtbot.addWidget(widget)
        widget.resize(300, 44)
        widget.show()
    choice.addItems(["kies uw naam of typ uw nummer", "1 · Ann Dupré"])
    settle()
    combo_option = QStyleOptionComboBox()
    choice.initStyleOption(combo_option)
    arrow = choice.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, combo_option, QStyle.SubControl.SC_ComboBoxArrow, choice
    )
    assert arrow.width() >= touch_px(None)
    spin_option = QStyleOptionSpinBox()
    number.initStyleOption(spin_option)
    for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        assert (
            number.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, spin_option, control, number).width() == 0
        )


def test_the_entry_help_shows_whole_in_german_at_1366x768(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = antwerp(test_pki, tmp_path)
    window = kiosk(qtbot, session, tmp_path, "de")
    window.attach(session)
    window.switch.buttons["de"].click()
    session.apply(StartPile(1, Pass.FIRST, "An Peeters", 10))
    window.open_entry(1, Pass.FIRST)
    help_panel = window.entry.help
    help_panel.current_key = "ui.help.entry_marks"  # what focusing the marks field shows
    help_panel.refresh()
    settle()
    assert help_panel.isVisible()
    assert help_panel.height() >= help_panel.heightForWidth(help_panel.width())


def test_the_table_keys_grow_to_nine_mm_on_a_dense_screen_and_never_shrink(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    session = antwerp(test_pki, tmp_path)
    window = kiosk(qtbot, session, tmp_path, "nl")
    window.attach(session)
    window.show_screen(window.table)
    pane = window.table.views[0]
    pane.size_pad(50)  # 9 mm on a 15.6" 1920x1080 panel
    assert all(b.height() >= 50 and b.width() >= 50 for b in pane.buttons.values())
    pane.size_pad(20)  # a screen that says it is huge: the keys keep their least size
    assert min(b.width() for b in pane.buttons.values()) == KEY_WIDTH
    assert min(b.height() for b in pane.buttons.values()) == KEY_HEIGHT


def test_every_screen_of_a_count_fits_1366x768_in_german(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The screenshot walk itself: each screen, the witness window too, is exactly the display's size (a window
    whose content needs more grows past the display, and the grab shows it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    folder = make_screenshots.make_set(app, "de", SMALL, tmp_path, root=tmp_path / "screens")
    for name, _what in make_screenshots.SCREENS:
        image = QImage(str(folder / f"{name}.png"))
        assert (image.width(), image.height()) == SMALL, name


def test_the_screens_index_links_every_screen_in_every_language_and_size() -> None:
    index = make_screenshots.readme()
    for language in LANGUAGES:
        for width, height in make_screenshots.SIZES:
            for name, _what in make_screenshots.SCREENS:
                link = f"{language}-{width}x{height}/{name}.png"
                assert f"]({link})" in index, link


def test_no_window_is_left_open_by_the_screenshot_walk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    walk = make_screenshots.Walk(app, "nl", SMALL, tmp_path, tmp_path)
    window = walk.window(None)
    assert isinstance(window, QWidget) and window.isVisible()
    walk.close()
    assert {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()} <= before


def test_after_a_good_write_the_blue_button_is_printing_not_writing_again(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = fixed_result(qtbot, test_pki, tmp_path, "fr")
    result = window.result
    assert window.stack.currentWidget() is result
    assert result.write_button.property("role") == "primary" and result.print_button.property("role") != "primary"
    session = window.session
    assert session is not None
    written = WrittenResults("40213895576", "3f9a" * 16, tmp_path / "results")
    session.inner.write = lambda _stick, _context, _progress: written  # type: ignore[attr-defined]
    result.write_button.click()
    qtbot.waitUntil(lambda: result.result is not None)
    assert result.write_button.property("role") != "primary"
    assert result.print_button.property("role") == "primary" and result.print_button.isEnabled()
