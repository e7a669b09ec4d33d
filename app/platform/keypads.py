"""Numeric keypads as input devices of their own, so that two operators can type at the same time.

A `KeypadSource` says which keypads are attached and delivers every key press tagged with the keypad it came from.
Keys are the X11 keysym names of a numeric keypad (`KEYSYMS`), the alphabet of the keypad grammar (docs/keypad.md).

- `EvdevKeypads` reads USB keypads through Linux evdev, each one grabbed so that its keys do not also reach the
  focused Qt widget, in one daemon thread that also notices keypads plugged in or pulled out.
- `FakeKeypads` is the in-memory source for tests.
- `NoKeypads` is what a machine without evdev gets: one keyboard or touch alone still works, through Qt's own key
  events (`app.ui.keymap`).

`open_keypads()` gives the evdev source where evdev and /dev/input are there, and `NoKeypads` elsewhere.
"""

from __future__ import annotations

import importlib
import os
import selectors
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

KEYSYMS: tuple[str, ...] = (
    *(f"KP_{digit}" for digit in range(10)),
    "KP_Decimal",
    "KP_Add",
    "KP_Subtract",
    "KP_Multiply",
    "KP_Divide",
    "KP_Enter",
    "BackSpace",
)


@dataclass(frozen=True)
class KeypadEvent:
    """One key pressed on one keypad; `key` is one of `KEYSYMS`."""

    device: str
    key: str


@dataclass(frozen=True)
class Keypad:
    """An attached keypad: `device` is a stable id (the USB port where known), `name` a label like "Keypad 1"."""

    device: str
    name: str


OnKey = Callable[[KeypadEvent], None]
OnChange = Callable[[], None]


class KeypadSource(Protocol):
    """Where key presses of the numeric keypads come from."""

    def keypads(self) -> tuple[Keypad, ...]:
        """The keypads attached now (safe to call from any thread)."""
        ...

    def start(self, on_key: OnKey, on_change: OnChange) -> None:
        """Deliver each key press to `on_key` and call `on_change` when keypads come or go, from any thread.

        The keypads attached at the start are in `keypads()` when this returns; `on_change` reports later changes.
        """
        ...

    def stop(self) -> None:
        """Stop delivering and release the keypads."""
        ...


class NoKeypads:
    """A source with no keypads: the kiosk then takes its keys from the Qt keyboard events only."""

    def keypads(self) -> tuple[Keypad, ...]:
        return ()

    def start(self, on_key: OnKey, on_change: OnChange) -> None:
        return None

    def stop(self) -> None:
        return None


class FakeKeypads:
    """Keypads in memory for tests: attach, detach and press keys; delivery is synchronous."""

    def __init__(self) -> None:
        self._keypads: dict[str, Keypad] = {}
        self._on_key: OnKey | None = None
        self._on_change: OnChange | None = None

    def keypads(self) -> tuple[Keypad, ...]:
        return tuple(self._keypads.values())

    def start(self, on_key: OnKey, on_change: OnChange) -> None:
        self._on_key = on_key
        self._on_change = on_change

    def stop(self) -> None:
        self._on_key = None
        self._on_change = None

    def attach(self, device: str, name: str) -> None:
        """Plug a keypad in (ValueError if that device is attached already)."""
        if device in self._keypads:
            raise ValueError(f"keypad {device!r} is attached already")
        self._keypads[device] = Keypad(device, name)
        self._changed()

    def detach(self, device: str) -> None:
        """Pull a keypad out (ValueError if it is not attached)."""
        if self._keypads.pop(device, None) is None:
            raise ValueError(f"keypad {device!r} is not attached")
        self._changed()

    def press(self, device: str, *keys: str) -> None:
        """Press keys on an attached keypad, in order. Like a real source, a source not started delivers nothing."""
        unknown = [key for key in keys if key not in KEYSYMS]
        if unknown:
            raise ValueError(f"not a keypad key: {', '.join(unknown)}")
        if device not in self._keypads:
            raise ValueError(f"keypad {device!r} is not attached")
        for key in keys:
            if self._on_key is not None:
                self._on_key(KeypadEvent(device, key))

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


# --- evdev: the pure part -------------------------------------------------------------------------------------------
# Linux input event codes (linux/input-event-codes.h, a stable kernel ABI), kept here as plain numbers so that the
# mapping is data that tests can read without importing evdev.
EV_KEY = 1
KEY_RELEASED, KEY_PRESSED, KEY_REPEATED = 0, 1, 2
KEY_A = 30

_CODE_TO_KEYSYM: Mapping[int, str] = {
    82: "KP_0",  # KEY_KP0
    79: "KP_1",  # KEY_KP1
    80: "KP_2",
    81: "KP_3",
    75: "KP_4",
    76: "KP_5",
    77: "KP_6",
    71: "KP_7",
    72: "KP_8",
    73: "KP_9",  # KEY_KP9
    83: "KP_Decimal",  # KEY_KPDOT
    121: "KP_Decimal",  # KEY_KPCOMMA: keypads sold for comma locales
    78: "KP_Add",  # KEY_KPPLUS
    74: "KP_Subtract",  # KEY_KPMINUS
    55: "KP_Multiply",  # KEY_KPASTERISK
    98: "KP_Divide",  # KEY_KPSLASH
    96: "KP_Enter",  # KEY_KPENTER
    14: "BackSpace",  # KEY_BACKSPACE
}
_KEYPAD_DIGIT_CODES = frozenset(code for code, key in _CODE_TO_KEYSYM.items() if key in KEYSYMS[:10])


def keysym_for_code(event_type: int, code: int, value: int) -> str | None:
    """The keysym of one evdev event, or None for what the count ignores (releases, NumLock, every other key)."""
    if event_type != EV_KEY:
        return None
    key = _CODE_TO_KEYSYM.get(code)
    # a held Backspace keeps erasing, as everywhere; a held digit must not type itself a second time
    if value == KEY_PRESSED or (value == KEY_REPEATED and key == "BackSpace"):
        return key
    return None


def is_keypad(capabilities: Mapping[int, Iterable[int]]) -> bool:
    """Whether a device with these evdev capabilities is a numeric keypad and not a full keyboard.

    A full keyboard (it has letters) stays with Qt as the ordinary keyboard, so it is never grabbed.
    """
    keys = set(capabilities.get(EV_KEY, ()))
    return keys >= _KEYPAD_DIGIT_CODES and KEY_A not in keys


def stable_id(phys: str, path: str, taken: Iterable[str]) -> str:
    """The keypad's id: its USB port (evdev phys) survives unplugging and plugging back in, an event path does not.

    The path when the device reports no port or shares it with a keypad already attached.
    """
    return phys if phys and phys not in set(taken) else path


def free_number(used: Iterable[int]) -> int:
    """The lowest keypad number not in use, so a keypad plugged back in takes the number it left free."""
    taken = set(used)
    number = 1
    while number in taken:
        number += 1
    return number


# --- evdev: the reader ----------------------------------------------------------------------------------------------
POLL_S = 0.2  # how long the reader waits for keys before it looks at the stop flag and the rescan clock
RESCAN_S = 1.0  # how often it looks for keypads plugged in (removal is also seen at once, from the read error)


class InputEventLike(Protocol):
    """What `EvdevKeypads` uses of an `evdev.InputEvent`."""

    @property
    def type(self) -> int: ...

    @property
    def code(self) -> int: ...

    @property
    def value(self) -> int: ...


class KeypadDevice(Protocol):
    """What `EvdevKeypads` uses of an `evdev.InputDevice`."""

    @property
    def phys(self) -> str: ...

    def fileno(self) -> int: ...

    def capabilities(self) -> dict[int, list[int]]: ...

    def grab(self) -> None: ...

    def read(self) -> Iterator[InputEventLike]: ...

    def close(self) -> None: ...


def open_evdev_device(path: str) -> KeypadDevice:
    """Open an event device with python-evdev."""
    from evdev import InputDevice

    # read-only: the kiosk never writes to a keypad (no LEDs), and the udev rule of the image grants read access only
    device: InputDevice[str] = InputDevice(path, readonly=True)
    return device


def event_paths(input_dir: str) -> dict[str, int]:
    """The readable event devices in `input_dir`, path -> inode, in path order."""
    try:
        entries = sorted(os.scandir(input_dir), key=lambda entry: entry.path)
    except OSError:
        return {}
    paths: dict[str, int] = {}
    for entry in entries:
        # a device we may not read (no udev rule yet) is left alone: a later scan finds it once it is readable
        if entry.name.startswith("event") and os.access(entry.path, os.R_OK):
            paths[entry.path] = entry.inode()
    return paths


@dataclass(frozen=True)
class _Opened:
    device: KeypadDevice
    keypad: Keypad
    number: int


class EvdevKeypads:
    """USB numeric keypads read through evdev, each grabbed for the kiosk alone, in one daemon reader thread.

    `on_key` and `on_change` are called from that thread: a Qt caller passes them on through a queued signal.
    """

    def __init__(
        self,
        input_dir: str = "/dev/input",
        open_device: Callable[[str], KeypadDevice] = open_evdev_device,
        rescan_s: float = RESCAN_S,
    ) -> None:
        self._dir = input_dir
        self._open = open_device
        self._rescan_s = rescan_s
        self._lock = threading.Lock()
        self._reader: _Reader | None = None
        self._attached: tuple[Keypad, ...] = ()

    def keypads(self) -> tuple[Keypad, ...]:
        with self._lock:
            return self._attached

    def start(self, on_key: OnKey, on_change: OnChange) -> None:
        with self._lock:
            if self._reader is not None:
                raise RuntimeError("the keypads are read already")
            reader = self._reader = _Reader(self._dir, self._open, self._rescan_s, on_key, on_change, self._publish)
        reader.start()

    def stop(self) -> None:
        with self._lock:
            reader, self._reader = self._reader, None
            self._attached = ()
        if reader is not None:
            reader.stop()

    def _publish(self, reader: _Reader, attached: tuple[Keypad, ...]) -> None:
        # a reader that was stopped (and may still be closing its devices) no longer speaks for the keypads
        with self._lock:
            if self._reader is reader:
                self._attached = attached


class _Reader:
    """One run of the reader thread and the devices it holds, from `start()` to `stop()`."""

    def __init__(
        self,
        input_dir: str,
        open_device: Callable[[str], KeypadDevice],
        rescan_s: float,
        on_key: OnKey,
        on_change: OnChange,
        publish: Callable[[_Reader, tuple[Keypad, ...]], None],
    ) -> None:
        self._dir = input_dir
        self._open = open_device
        self._rescan_s = rescan_s
        self._on_key = on_key
        self._on_change = on_change
        self._publish = publish
        self._selector = selectors.DefaultSelector()
        self._opened: dict[str, _Opened] = {}  # by event path
        # (path, inode) of devices that are no keypad, so they are not opened again at every scan; a device plugged
        # in later on the same path has a new inode
        self._not_keypads: set[tuple[str, int]] = set()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="keypads", daemon=True)

    def start(self) -> None:
        # the first scan before the thread starts: the keypads attached now are known when start() returns
        self._rescan()
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        # stop() from a callback runs on the reader thread, which cannot wait for itself: it ends by itself
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=10 * POLL_S)

    def _run(self) -> None:
        try:
            next_scan = time.monotonic() + self._rescan_s
            while not self._stopping.is_set():
                self._read_ready()
                if time.monotonic() >= next_scan:
                    next_scan = time.monotonic() + self._rescan_s
                    if self._rescan():
                        self._changed()
        finally:
            self._close_all()

    def _read_ready(self) -> None:
        for selected, _ in self._selector.select(timeout=POLL_S):
            self._read(selected.data)

    def _read(self, path: str) -> None:
        opened = self._opened[path]
        try:
            events = list(opened.device.read())
        except BlockingIOError:  # woken without a whole event: nothing to deliver yet
            return
        except OSError:  # ENODEV: pulled out; dropped without a trace, and the kiosk hears of it through on_change
            self._drop(path)
            self._publish(self, self._keypads())
            self._changed()
            return
        for event in events:
            key = keysym_for_code(event.type, event.code, event.value)
            if key is not None and not self._stopping.is_set():
                self._on_key(KeypadEvent(opened.keypad.device, key))

    def _changed(self) -> None:
        if not self._stopping.is_set():
            self._on_change()

    def _rescan(self) -> bool:
        """Drop keypads that are gone, take the new ones; True when the set of keypads changed."""
        present = event_paths(self._dir)
        gone = [path for path in self._opened if path not in present]
        for path in gone:
            self._drop(path)
        self._not_keypads &= set(present.items())
        new = [(path, device) for path, inode in present.items() if (device := self._probe(path, inode)) is not None]
        self._admit(new)
        if gone or new:
            self._publish(self, self._keypads())
        return bool(gone or new)

    def _probe(self, path: str, inode: int) -> KeypadDevice | None:
        """The device at `path` opened and grabbed if it is a keypad not read yet, else None."""
        if path in self._opened or (path, inode) in self._not_keypads:
            return None
        try:
            device = self._open(path)
        except OSError:  # gone already, or not ours to read: a later scan tries again
            return None
        try:
            if not is_keypad(device.capabilities()):
                self._not_keypads.add((path, inode))
                _close_quietly(device)
                return None
            # exclusive: the keypad's keys then reach neither the focused Qt widget nor any other program
            device.grab()
        except OSError:  # grabbed by another program, or pulled out while we looked: a later scan tries again
            _close_quietly(device)
            return None
        return device

    def _admit(self, new: list[tuple[str, KeypadDevice]]) -> None:
        # in order of USB port, so that the same keypads on the same ports get the same names at every start
        for path, device in sorted(new, key=lambda item: (item[1].phys or item[0], item[0])):
            taken = [opened.keypad.device for opened in self._opened.values()]
            number = free_number(opened.number for opened in self._opened.values())
            keypad = Keypad(stable_id(device.phys, path, taken), f"Keypad {number}")
            self._opened[path] = _Opened(device, keypad, number)
            self._selector.register(device.fileno(), selectors.EVENT_READ, path)

    def _keypads(self) -> tuple[Keypad, ...]:
        return tuple(opened.keypad for opened in sorted(self._opened.values(), key=lambda opened: opened.number))

    def _drop(self, path: str) -> None:
        opened = self._opened.pop(path)
        self._selector.unregister(opened.device.fileno())
        _close_quietly(opened.device)  # closing also ends the grab

    def _close_all(self) -> None:
        for path in list(self._opened):
            self._drop(path)
        self._selector.close()


def _close_quietly(device: KeypadDevice) -> None:
    try:
        device.close()
    except OSError:  # a device already gone has nothing left to release
        return


def open_keypads(input_dir: str = "/dev/input") -> KeypadSource:
    """The keypads of this machine: read through evdev where it imports and `input_dir` is readable, else none.

    Without keypads the kiosk works with one keyboard or touch alone. Event devices the kiosk may not read are not
    an error: the image grants read access with a udev rule, and a later scan picks them up.
    """
    try:
        importlib.import_module("evdev")
    except ImportError:
        return NoKeypads()
    if not os.access(input_dir, os.R_OK | os.X_OK):
        return NoKeypads()
    return EvdevKeypads(input_dir)
