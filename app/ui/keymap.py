"""Keys of an ordinary keyboard as keypad keysyms, so that one keyboard alone also works without a USB keypad.

The names are those of `app.platform.keypads.KEYSYMS`; the keypad grammar (docs/keypad.md) needs nothing else, so
letters and every other key give None.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_KEYSYMS: Mapping[int, str] = {
    # the digits of the keypad and of the main row give the same key (the keypad ones add KeypadModifier)
    **{Qt.Key.Key_0.value + digit: f"KP_{digit}" for digit in range(10)},
    Qt.Key.Key_Period.value: "KP_Decimal",
    Qt.Key.Key_Comma.value: "KP_Decimal",  # the decimal key of a Belgian AZERTY keypad types ','
    Qt.Key.Key_Plus.value: "KP_Add",
    Qt.Key.Key_Minus.value: "KP_Subtract",
    Qt.Key.Key_Asterisk.value: "KP_Multiply",
    Qt.Key.Key_Slash.value: "KP_Divide",
    Qt.Key.Key_Enter.value: "KP_Enter",  # the keypad's Enter
    Qt.Key.Key_Return.value: "KP_Enter",  # the main Enter
    Qt.Key.Key_Backspace.value: "BackSpace",
}

# Ctrl, Alt and Meta with a key are shortcuts, not typing
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def keysym_for(event: QKeyEvent) -> str | None:
    """The keypad keysym for a key event of an ordinary keyboard, or None for a key the count does not use."""
    key = event.key()
    # a held Backspace keeps erasing, as everywhere; a held digit must not type itself a second time
    if event.isAutoRepeat() and key != Qt.Key.Key_Backspace.value:
        return None
    if event.modifiers() & _SHORTCUT_MODIFIERS:
        return None
    return _KEYSYMS.get(key)
