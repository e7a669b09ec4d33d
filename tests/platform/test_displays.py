"""The displays port: Qt's displays and its signals, and the fake whose displays a test plugs in and pulls out."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from app.platform.displays import FakeDisplays, QtDisplays


def test_qt_displays_are_the_applications_and_listen_for_a_display_plugged_in_or_pulled_out(qapp: QApplication) -> None:
    displays = QtDisplays()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    assert displays.screens() == QGuiApplication.screens() and displays.primary() is screen
    signals = (SIGNAL("screenAdded(QScreen*)"), SIGNAL("screenRemoved(QScreen*)"))
    before = [qapp.receivers(signal) for signal in signals]

    def added(_s: QScreen) -> None: ...

    def removed(_s: QScreen) -> None: ...

    displays.watch(added, removed)
    try:
        # listening to Qt's own signals; not emitted here: other tests' windows may still listen to them
        assert [qapp.receivers(signal) for signal in signals] == [n + 1 for n in before]
    finally:
        qapp.screenAdded.disconnect(added)
        qapp.screenRemoved.disconnect(removed)


def test_the_fake_drops_a_pulled_display_before_it_tells(qapp: QApplication) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    displays = FakeDisplays([screen], screen)
    asked: list[tuple[str, list[QScreen]]] = []
    displays.watch(
        lambda _s: asked.append(("added", displays.screens())), lambda _s: asked.append(("removed", displays.screens()))
    )
    displays.pull(screen)
    displays.plug(screen)
    assert asked == [("removed", []), ("added", [screen])]  # as Qt: a pulled display is no longer among the screens
    assert displays.primary() is screen
