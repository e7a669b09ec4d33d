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
    """Displays for tests: `plug` and `pull` them, as a cable would."""

    def __init__(self, screens: list[QScreen], primary: QScreen | None = None) -> None:
        self.attached = list(screens)
        self.kiosk = primary
        self._added: list[ScreenHandler] = []
        self._removed: list[ScreenHandler] = []

    def screens(self) -> list[QScreen]:
        return list(self.attached)

    def primary(self) -> QScreen | None:
        return self.kiosk

    def watch(self, added: ScreenHandler, removed: ScreenHandler) -> None:
        self._added.append(added)
        self._removed.append(removed)

    def plug(self, screen: QScreen) -> None:
        self.attached.append(screen)
        for handler in self._added:
            handler(screen)

    def pull(self, screen: QScreen) -> None:
        self.attached.remove(screen)  # first, as Qt does: the handlers no longer find it among the screens
        for handler in self._removed:
            handler(screen)
