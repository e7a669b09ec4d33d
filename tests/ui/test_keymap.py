"""One ordinary keyboard as the keypad: real Qt key events to keysym names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from app.platform.keypads import KEYSYMS
from app.ui.keymap import keysym_for

Key = Qt.Key
Mod = Qt.KeyboardModifier
NONE = Mod.NoModifier
KEYPAD = Mod.KeypadModifier


def key_event(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, text: str = "", repeat: bool = False) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key.value, modifiers, text, repeat)


DIGITS = [Key.Key_0, Key.Key_1, Key.Key_2, Key.Key_3, Key.Key_4, Key.Key_5, Key.Key_6, Key.Key_7, Key.Key_8, Key.Key_9]


@pytest.mark.parametrize("digit", range(10))
def test_a_digit_of_the_keypad_gives_its_keypad_keysym(digit: int) -> None:
    assert keysym_for(key_event(DIGITS[digit], KEYPAD, str(digit))) == f"KP_{digit}"


@pytest.mark.parametrize("digit", range(10))
def test_a_digit_of_the_main_row_gives_the_same_keysym(digit: int) -> None:
    # on a Belgian AZERTY keyboard the main-row digits are typed with Shift
    assert keysym_for(key_event(DIGITS[digit], Mod.ShiftModifier, str(digit))) == f"KP_{digit}"
    assert keysym_for(key_event(DIGITS[digit], NONE, str(digit))) == f"KP_{digit}"


@pytest.mark.parametrize(
    ("key", "modifiers", "text", "expected"),
    [
        (Key.Key_Period, KEYPAD, ".", "KP_Decimal"),
        (Key.Key_Comma, KEYPAD, ",", "KP_Decimal"),  # the decimal key of a Belgian keypad
        (Key.Key_Period, Mod.ShiftModifier, ".", "KP_Decimal"),
        (Key.Key_Plus, KEYPAD, "+", "KP_Add"),
        (Key.Key_Minus, KEYPAD, "-", "KP_Subtract"),
        (Key.Key_Minus, NONE, "-", "KP_Subtract"),
        (Key.Key_Asterisk, KEYPAD, "*", "KP_Multiply"),
        (Key.Key_Slash, KEYPAD, "/", "KP_Divide"),
        (Key.Key_Enter, KEYPAD, "\r", "KP_Enter"),
        (Key.Key_Return, NONE, "\r", "KP_Enter"),
        (Key.Key_Backspace, NONE, "\b", "BackSpace"),
    ],
    ids=[
        "period",
        "comma",
        "main-period",
        "plus",
        "minus",
        "main-minus",
        "asterisk",
        "slash",
        "enter",
        "return",
        "backspace",
    ],
)
def test_the_other_keys_of_the_keypad_give_their_keysym(
    key: Qt.Key, modifiers: Qt.KeyboardModifier, text: str, expected: str
) -> None:
    assert keysym_for(key_event(key, modifiers, text)) == expected


@pytest.mark.parametrize(
    ("key", "modifiers", "text"),
    [
        (Key.Key_A, NONE, "a"),
        (Key.Key_Q, Mod.ShiftModifier, "Q"),
        (Key.Key_Agrave, NONE, "à"),  # the AZERTY 0 key without Shift
        (Key.Key_Ampersand, NONE, "&"),  # the AZERTY 1 key without Shift
        (Key.Key_Equal, KEYPAD, "="),
        (Key.Key_NumLock, KEYPAD, ""),
        (Key.Key_Escape, NONE, "\x1b"),
        (Key.Key_Space, NONE, " "),
        (Key.Key_Tab, NONE, "\t"),
        (Key.Key_Delete, NONE, ""),
        (Key.Key_End, KEYPAD, ""),  # keypad 1 with NumLock off
        (Key.Key_1, Mod.ControlModifier, ""),  # shortcuts are not typing
        (Key.Key_Return, Mod.AltModifier, ""),
        (Key.Key_Backspace, Mod.ControlModifier, ""),
    ],
    ids=[
        "letter",
        "capital",
        "agrave",
        "ampersand",
        "equal",
        "numlock",
        "escape",
        "space",
        "tab",
        "delete",
        "end",
        "ctrl-1",
        "alt-return",
        "ctrl-backspace",
    ],
)
def test_every_other_key_gives_nothing(key: Qt.Key, modifiers: Qt.KeyboardModifier, text: str) -> None:
    assert keysym_for(key_event(key, modifiers, text)) is None


def test_a_held_backspace_keeps_erasing() -> None:
    assert keysym_for(key_event(Key.Key_Backspace, NONE, "\b", repeat=True)) == "BackSpace"


@pytest.mark.parametrize(
    ("key", "text"),
    [(Key.Key_5, "5"), (Key.Key_Enter, "\r"), (Key.Key_Return, "\r"), (Key.Key_Period, ".")],
    ids=["digit", "enter", "return", "period"],
)
def test_a_held_key_other_than_backspace_types_once(key: Qt.Key, text: str) -> None:
    assert keysym_for(key_event(key, KEYPAD, text)) is not None
    assert keysym_for(key_event(key, KEYPAD, text, repeat=True)) is None


def test_every_name_given_is_a_keypad_keysym() -> None:
    keys = [*DIGITS, Key.Key_Period, Key.Key_Comma, Key.Key_Plus, Key.Key_Minus, Key.Key_Asterisk, Key.Key_Slash]
    keys += [Key.Key_Enter, Key.Key_Return, Key.Key_Backspace]
    given = {keysym_for(key_event(key, KEYPAD)) for key in keys}
    assert given == set(KEYSYMS)
