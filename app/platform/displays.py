"""The displays of the appliance (issue 8), as a port with its fake: which screens are attached, which one is the
kiosk's own, and word when one is plugged in or pulled out. The witness screen follows its display through it.

- `QtDisplays` is the application's: `QGuiApplication.screens()` and its `screenAdded` / `screenRemoved` signals.
  Qt says a display is gone *before* it moves the windows that were on it to another screen (where it leaves them
  hidden), so a handler can take its window away, or put it somewhere else, first.
- `FakeDisplays` is displays a test plugs in and pulls out (offscreen Qt has one screen and no way to pull it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtGui import QGuiApplication, QScreen

ScreenHandler = Callable[[QScreen], None]


class Displays(Protocol):
    def screens(self) -> list[QScreen]:
        """Every display attached now."""
        ...

    def primary(self) -> QScreen | None:
        """The kiosk's own display (None: none is known)."""
        ...

    def watch(self, added: ScreenHandler, removed: ScreenHandler) -> None:
        """Call `added` when a display is plugged in and `removed` when one is pulled out (it is no longer among
        `screens()` by then)."""
        ...


class QtDisplays:
    """The displays Qt knows of."""

    def screens(self) -> list[QScreen]:
        return list(QGuiApplication.screens())

    def primary(self) -> QScreen | None:
        return QGuiApplication.primaryScreen()

    def watch(self, added: ScreenHandler, removed: ScreenHandler) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(added)
            app.screenRemoved.connect(removed)


class FakeDisplays:
    """Displays for tests: `plug` and `pull` them, as a cable would.

    It keeps each display by its C++ identity and hands out Qt's current wrapper for it: PySide may retire a
    `QScreen` wrapper (a new one then stands for the same display), and a test must not fail on that."""

    def __init__(self, screens: list[QScreen], primary: QScreen | None = None) -> None:
        self._attached = [_identity(s) for s in screens]
        self.kiosk = primary
        self._added: list[ScreenHandler] = []
        self._removed: list[ScreenHandler] = []

    @property
    def kiosk(self) -> QScreen | None:
        return None if self._kiosk is None else _live(self._kiosk)

    @kiosk.setter
    def kiosk(self, screen: QScreen | None) -> None:
        self._kiosk = None if screen is None else _identity(screen)

    def screens(self) -> list[QScreen]:
        return [screen for key in self._attached if (screen := _live(key)) is not None]

    def primary(self) -> QScreen | None:
        return self.kiosk

    def watch(self, added: ScreenHandler, removed: ScreenHandler) -> None:
        self._added.append(added)
        self._removed.append(removed)

    def plug(self, screen: QScreen) -> None:
        self._attached.append(_identity(screen))
        for handler in self._added:
            handler(screen)

    def pull(self, screen: QScreen) -> None:
        self._attached.remove(_identity(screen))  # first, as Qt does: the handlers no longer find it among the screens
        for handler in self._removed:
            handler(screen)


def _identity(screen: QScreen) -> int:
    return int(shiboken6.getCppPointer(screen)[0])


def _live(identity: int) -> QScreen | None:
    """Qt's current wrapper of the display with this identity (None: Qt no longer has it)."""
    return next((s for s in QGuiApplication.screens() if _identity(s) == identity), None)
