"""The keypad port: the in-memory fake, the evdev mapping as data, the evdev reader on fake devices, the fallback."""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from evdev import ecodes

from app.platform.keypads import (
    KEYSYMS,
    EvdevKeypads,
    FakeKeypads,
    InputEventLike,
    Keypad,
    KeypadEvent,
    KeypadSource,
    NoKeypads,
    event_paths,
    free_number,
    is_keypad,
    keysym_for_code,
    open_keypads,
    stable_id,
)

WAIT_S = 5.0  # how long a test waits for the reader thread at most (a bound, not a measured time)


def test_keysyms_are_the_seventeen_keys_of_a_numeric_keypad() -> None:
    assert KEYSYMS == (
        "KP_0", "KP_1", "KP_2", "KP_3", "KP_4", "KP_5", "KP_6", "KP_7", "KP_8", "KP_9",
        "KP_Decimal", "KP_Add", "KP_Subtract", "KP_Multiply", "KP_Divide", "KP_Enter", "BackSpace",
    )  # fmt: skip


# --- FakeKeypads ----------------------------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.keys: list[KeypadEvent] = []
        self.changes = 0

    def on_key(self, event: KeypadEvent) -> None:
        self.keys.append(event)

    def on_change(self) -> None:
        self.changes += 1


def started_fake() -> tuple[FakeKeypads, Recorder]:
    fake, seen = FakeKeypads(), Recorder()
    source: KeypadSource = fake  # the fake fits the port
    source.start(seen.on_key, seen.on_change)
    return fake, seen


def test_fake_delivers_presses_in_order_tagged_with_their_keypad() -> None:
    fake, seen = started_fake()
    fake.attach("usb-1", "Keypad 1")
    fake.attach("usb-2", "Keypad 2")
    fake.press("usb-1", "KP_3", "KP_Multiply")
    fake.press("usb-2", "KP_Enter")
    fake.press("usb-1", "BackSpace")
    assert seen.keys == [
        KeypadEvent("usb-1", "KP_3"),
        KeypadEvent("usb-1", "KP_Multiply"),
        KeypadEvent("usb-2", "KP_Enter"),
        KeypadEvent("usb-1", "BackSpace"),
    ]


def test_fake_reports_keypads_coming_and_going() -> None:
    fake, seen = started_fake()
    fake.attach("usb-1", "Keypad 1")
    fake.attach("usb-2", "Keypad 2")
    assert fake.keypads() == (Keypad("usb-1", "Keypad 1"), Keypad("usb-2", "Keypad 2"))
    fake.detach("usb-1")
    assert fake.keypads() == (Keypad("usb-2", "Keypad 2"),)
    assert seen.changes == 3


def test_fake_refuses_an_unknown_key_and_delivers_none_of_the_keys() -> None:
    fake, seen = started_fake()
    fake.attach("usb-1", "Keypad 1")
    with pytest.raises(ValueError, match="KP_Equal"):
        fake.press("usb-1", "KP_1", "KP_Equal")
    with pytest.raises(ValueError, match="a"):
        fake.press("usb-1", "a")
    assert seen.keys == []


@pytest.mark.parametrize(
    "act",
    [
        lambda fake: fake.press("usb-9", "KP_1"),
        lambda fake: fake.detach("usb-9"),
        lambda fake: fake.attach("usb-1", "Keypad 1 again"),
    ],
    ids=["press-on-unattached", "detach-unattached", "attach-twice"],
)
def test_fake_refuses_what_a_real_machine_cannot_do(act) -> None:  # type: ignore[no-untyped-def]
    fake, _ = started_fake()
    fake.attach("usb-1", "Keypad 1")
    with pytest.raises(ValueError):
        act(fake)
    assert fake.keypads() == (Keypad("usb-1", "Keypad 1"),)


def test_fake_not_started_or_stopped_delivers_nothing_and_reports_no_change() -> None:
    fake, seen = FakeKeypads(), Recorder()
    fake.attach("usb-1", "Keypad 1")
    fake.press("usb-1", "KP_1")
    fake.start(seen.on_key, seen.on_change)
    fake.press("usb-1", "KP_2")
    fake.stop()
    fake.press("usb-1", "KP_3")
    fake.detach("usb-1")
    assert seen.keys == [KeypadEvent("usb-1", "KP_2")]
    assert seen.changes == 0


# --- the evdev mapping, as data -------------------------------------------------------------------------------------

PRESSED, RELEASED, REPEATED = 1, 0, 2

CODES = [
    (ecodes.KEY_KP0, "KP_0"),
    (ecodes.KEY_KP1, "KP_1"),
    (ecodes.KEY_KP2, "KP_2"),
    (ecodes.KEY_KP3, "KP_3"),
    (ecodes.KEY_KP4, "KP_4"),
    (ecodes.KEY_KP5, "KP_5"),
    (ecodes.KEY_KP6, "KP_6"),
    (ecodes.KEY_KP7, "KP_7"),
    (ecodes.KEY_KP8, "KP_8"),
    (ecodes.KEY_KP9, "KP_9"),
    (ecodes.KEY_KPDOT, "KP_Decimal"),
    (ecodes.KEY_KPCOMMA, "KP_Decimal"),
    (ecodes.KEY_KPPLUS, "KP_Add"),
    (ecodes.KEY_KPMINUS, "KP_Subtract"),
    (ecodes.KEY_KPASTERISK, "KP_Multiply"),
    (ecodes.KEY_KPSLASH, "KP_Divide"),
    (ecodes.KEY_KPENTER, "KP_Enter"),
    (ecodes.KEY_BACKSPACE, "BackSpace"),
]


@pytest.mark.parametrize(("code", "key"), CODES, ids=[ecodes.KEY[code] for code, _ in CODES])
def test_a_key_down_of_the_keypad_gives_its_keysym(code: int, key: str) -> None:
    assert keysym_for_code(ecodes.EV_KEY, code, PRESSED) == key


def test_every_keysym_comes_from_some_keypad_key() -> None:
    assert {key for _, key in CODES} == set(KEYSYMS)


@pytest.mark.parametrize(("code", "key"), CODES, ids=[ecodes.KEY[code] for code, _ in CODES])
def test_a_key_release_gives_nothing(code: int, key: str) -> None:
    assert keysym_for_code(ecodes.EV_KEY, code, RELEASED) is None


@pytest.mark.parametrize(("code", "key"), CODES, ids=[ecodes.KEY[code] for code, _ in CODES])
def test_autorepeat_gives_only_backspace(code: int, key: str) -> None:
    expected = "BackSpace" if code == ecodes.KEY_BACKSPACE else None
    assert keysym_for_code(ecodes.EV_KEY, code, REPEATED) == expected


@pytest.mark.parametrize(
    ("event_type", "code", "value"),
    [
        (ecodes.EV_KEY, ecodes.KEY_NUMLOCK, PRESSED),
        (ecodes.EV_KEY, ecodes.KEY_KPEQUAL, PRESSED),
        (ecodes.EV_KEY, ecodes.KEY_ENTER, PRESSED),
        (ecodes.EV_KEY, ecodes.KEY_1, PRESSED),
        (ecodes.EV_KEY, ecodes.KEY_A, PRESSED),
        (ecodes.EV_KEY, ecodes.KEY_END, PRESSED),  # some keypads send this for 1 when their own NumLock is off
        (ecodes.EV_MSC, ecodes.MSC_SCAN, 0x70059),  # the scan code that comes with every key (same value as KP1)
        (ecodes.EV_SYN, ecodes.SYN_REPORT, 0),
        (ecodes.EV_LED, ecodes.LED_NUML, 1),
    ],
    ids=["numlock", "kp-equal", "main-enter", "main-1", "letter", "end", "scan-code", "syn", "led"],
)
def test_every_other_event_gives_nothing(event_type: int, code: int, value: int) -> None:
    assert keysym_for_code(event_type, code, value) is None


KEYPAD_KEYS = [code for code, _ in CODES] + [ecodes.KEY_NUMLOCK]
KEYPAD = {ecodes.EV_SYN: [0, 1, 4, 17], ecodes.EV_KEY: KEYPAD_KEYS, ecodes.EV_MSC: [ecodes.MSC_SCAN]}
FULL_KEYBOARD = {ecodes.EV_KEY: [*KEYPAD_KEYS, ecodes.KEY_A, ecodes.KEY_Z, ecodes.KEY_ENTER], ecodes.EV_LED: [0, 1]}
LAPTOP_KEYBOARD = {ecodes.EV_KEY: [ecodes.KEY_A, ecodes.KEY_1, ecodes.KEY_ENTER, ecodes.KEY_BACKSPACE]}
MOUSE = {ecodes.EV_KEY: [ecodes.BTN_LEFT, ecodes.BTN_RIGHT], ecodes.EV_REL: [ecodes.REL_X, ecodes.REL_Y]}
POWER_BUTTON = {ecodes.EV_KEY: [ecodes.KEY_POWER]}
REMOTE_WITH_SOME_DIGITS = {ecodes.EV_KEY: [ecodes.KEY_KP1, ecodes.KEY_KP2, ecodes.KEY_KPENTER]}
TOUCHSCREEN = {ecodes.EV_KEY: [ecodes.BTN_TOUCH], ecodes.EV_ABS: [ecodes.ABS_X, ecodes.ABS_Y]}


@pytest.mark.parametrize(
    ("capabilities", "expected"),
    [
        (KEYPAD, True),
        ({ecodes.EV_KEY: [code for code, _ in CODES[:10]]}, True),  # the ten digits alone make a keypad
        (FULL_KEYBOARD, False),
        (LAPTOP_KEYBOARD, False),
        (MOUSE, False),
        (POWER_BUTTON, False),
        (REMOTE_WITH_SOME_DIGITS, False),
        (TOUCHSCREEN, False),
        ({}, False),
    ],
    ids=["keypad", "digits-only", "full-keyboard", "laptop", "mouse", "power", "remote", "touch", "nothing"],
)
def test_only_a_keypad_that_is_no_full_keyboard_is_taken(capabilities: dict[int, list[int]], expected: bool) -> None:
    assert is_keypad(capabilities) is expected


def test_a_keypad_is_known_by_its_usb_port_else_by_its_path() -> None:
    assert stable_id("usb-0000:00:14.0-2/input0", "/dev/input/event7", []) == "usb-0000:00:14.0-2/input0"
    assert stable_id("", "/dev/input/event7", []) == "/dev/input/event7"
    assert stable_id("usb-hub-1", "/dev/input/event7", ["usb-hub-1"]) == "/dev/input/event7"


def test_a_new_keypad_takes_the_lowest_free_number() -> None:
    assert free_number([]) == 1
    assert free_number([1, 2]) == 3
    assert free_number([2, 3]) == 1
    assert free_number([1, 3]) == 2


def test_event_paths_lists_only_event_devices_in_path_order(tmp_path: Path) -> None:
    for name in ("event1", "event0", "mouse0", "by-id"):
        (tmp_path / name).touch()
    assert list(event_paths(str(tmp_path))) == [str(tmp_path / "event0"), str(tmp_path / "event1")]
    assert event_paths(str(tmp_path / "missing")) == {}


# --- EvdevKeypads on fake devices (real threads, real fds: a pipe stands for each event device) ---------------------


class Event:
    def __init__(self, type: int, code: int, value: int) -> None:
        self.type, self.code, self.value = type, code, value


class FakeDevice:
    """An event device: a pipe wakes the reader's selector, events wait in a list, unplugging fails the read."""

    def __init__(self, phys: str, capabilities: dict[int, list[int]], busy: bool = False) -> None:
        self.phys = phys
        self._capabilities = capabilities
        self.busy = busy
        self.grabbed = self.closed = self.unplugged = False
        self._events: list[Event] = []
        self.read_nothing = threading.Event()
        self._lock = threading.Lock()
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._read_fd, False)

    def fileno(self) -> int:
        return self._read_fd

    def capabilities(self) -> dict[int, list[int]]:
        return self._capabilities

    def grab(self) -> None:
        if self.busy:
            raise OSError(errno.EBUSY, "Device or resource busy")
        self.grabbed = True

    def read(self) -> Iterator[InputEventLike]:
        with self._lock:
            if self.unplugged:
                raise OSError(errno.ENODEV, "No such device")
            with contextlib.suppress(BlockingIOError):
                os.read(self._read_fd, 4096)
            events, self._events = self._events, []
        if not events:
            self.read_nothing.set()
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return iter(events)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self._read_fd)
            os.close(self._write_fd)

    def type_keys(self, *events: tuple[int, int]) -> None:
        with self._lock:
            for code, value in events:
                # as a USB keypad sends it: the scan code, the key, the end of the report
                self._events.append(Event(ecodes.EV_MSC, ecodes.MSC_SCAN, 0x70000 + code))
                self._events.append(Event(ecodes.EV_KEY, code, value))
                self._events.append(Event(ecodes.EV_SYN, ecodes.SYN_REPORT, 0))
        os.write(self._write_fd, b"!")

    def wake(self) -> None:
        """Wake the reader with nothing to read, as a device may."""
        os.write(self._write_fd, b"!")

    def unplug(self) -> None:
        with self._lock:
            self.unplugged = True
        os.write(self._write_fd, b"!")


class Machine:
    """A folder of event devices and the opener EvdevKeypads uses on it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.devices: dict[str, FakeDevice] = {}
        self.opens: list[str] = []
        self.refuse: set[str] = set()

    def plug(self, name: str, device: FakeDevice) -> FakeDevice:
        path = self.folder / name
        path.touch()
        self.devices[str(path)] = device
        return device

    def remove_node(self, name: str) -> None:
        (self.folder / name).unlink()

    def open(self, path: str) -> FakeDevice:
        self.opens.append(path)
        if path in self.refuse:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        if path not in self.devices:
            raise OSError(errno.ENOTTY, "Inappropriate ioctl for device", path)
        if self.devices[path].unplugged:
            raise OSError(errno.ENODEV, "No such device", path)
        return self.devices[path]


class Listener:
    """Collects what the reader thread delivers, so the test thread can wait for it."""

    def __init__(self) -> None:
        self.keys: queue.Queue[KeypadEvent] = queue.Queue()
        self.changes: queue.Queue[None] = queue.Queue()

    def on_key(self, event: KeypadEvent) -> None:
        self.keys.put(event)

    def on_change(self) -> None:
        self.changes.put(None)

    def next_keys(self, count: int) -> list[KeypadEvent]:
        return [self.keys.get(timeout=WAIT_S) for _ in range(count)]

    def wait_change(self) -> None:
        self.changes.get(timeout=WAIT_S)


@pytest.fixture
def thread_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Exceptions that escaped any thread (the reader must never die with a traceback)."""
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    return errors


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path)


@pytest.fixture
def keypads(machine: Machine) -> Iterator[EvdevKeypads]:
    source = EvdevKeypads(str(machine.folder), open_device=machine.open, rescan_s=0.05)
    yield source
    source.stop()


def two_keypads_and_a_keyboard(machine: Machine) -> tuple[FakeDevice, FakeDevice, FakeDevice]:
    # plugged in the other order than their ports: names follow the ports
    right = machine.plug("event3", FakeDevice("usb-0000:00:14.0-4/input0", KEYPAD))
    keyboard = machine.plug("event4", FakeDevice("usb-0000:00:14.0-1/input0", FULL_KEYBOARD))
    left = machine.plug("event5", FakeDevice("usb-0000:00:14.0-2/input0", KEYPAD))
    return left, right, keyboard


def test_start_grabs_the_keypads_and_leaves_the_keyboard_to_qt(machine: Machine, keypads: EvdevKeypads) -> None:
    left, right, keyboard = two_keypads_and_a_keyboard(machine)
    keypads.start(Listener().on_key, Listener().on_change)
    assert keypads.keypads() == (
        Keypad("usb-0000:00:14.0-2/input0", "Keypad 1"),
        Keypad("usb-0000:00:14.0-4/input0", "Keypad 2"),
    )
    assert left.grabbed and right.grabbed
    assert not keyboard.grabbed and keyboard.closed


def test_keys_of_two_keypads_arrive_tagged_with_their_keypad(
    machine: Machine, keypads: EvdevKeypads, thread_errors: list[BaseException]
) -> None:
    left, right, _ = two_keypads_and_a_keyboard(machine)
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    left.wake()
    assert left.read_nothing.wait(WAIT_S)  # and the reader goes on
    left.type_keys((ecodes.KEY_KP3, PRESSED), (ecodes.KEY_KP3, RELEASED), (ecodes.KEY_KPASTERISK, PRESSED))
    assert heard.next_keys(2) == [
        KeypadEvent("usb-0000:00:14.0-2/input0", "KP_3"),
        KeypadEvent("usb-0000:00:14.0-2/input0", "KP_Multiply"),
    ]
    right.type_keys((ecodes.KEY_KP4, PRESSED), (ecodes.KEY_KP4, REPEATED), (ecodes.KEY_NUMLOCK, PRESSED))
    right.type_keys((ecodes.KEY_BACKSPACE, PRESSED), (ecodes.KEY_BACKSPACE, REPEATED), (ecodes.KEY_KPENTER, PRESSED))
    assert heard.next_keys(4) == [
        KeypadEvent("usb-0000:00:14.0-4/input0", "KP_4"),
        KeypadEvent("usb-0000:00:14.0-4/input0", "BackSpace"),
        KeypadEvent("usb-0000:00:14.0-4/input0", "BackSpace"),
        KeypadEvent("usb-0000:00:14.0-4/input0", "KP_Enter"),
    ]
    assert heard.keys.empty()
    assert thread_errors == []


def test_a_keypad_pulled_out_is_dropped_silently_and_reported(
    machine: Machine, keypads: EvdevKeypads, thread_errors: list[BaseException]
) -> None:
    left, right, _ = two_keypads_and_a_keyboard(machine)
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    left.unplug()  # the read fails with ENODEV before udev removes the node
    heard.wait_change()
    assert keypads.keypads() == (Keypad("usb-0000:00:14.0-4/input0", "Keypad 2"),)
    assert left.closed
    right.type_keys((ecodes.KEY_KP9, PRESSED))
    assert heard.next_keys(1) == [KeypadEvent("usb-0000:00:14.0-4/input0", "KP_9")]
    assert thread_errors == []


def test_a_keypad_whose_node_goes_away_is_dropped_at_the_next_scan(machine: Machine, keypads: EvdevKeypads) -> None:
    left, _, _ = two_keypads_and_a_keyboard(machine)
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    machine.remove_node("event5")
    heard.wait_change()
    assert [keypad.name for keypad in keypads.keypads()] == ["Keypad 2"]
    assert left.closed


def test_a_keypad_plugged_in_later_is_found_and_takes_the_free_number(machine: Machine, keypads: EvdevKeypads) -> None:
    left, _, _ = two_keypads_and_a_keyboard(machine)
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    left.unplug()
    heard.wait_change()
    machine.remove_node("event5")
    third = machine.plug("event6", FakeDevice("usb-0000:00:14.0-3/input0", KEYPAD))
    heard.wait_change()
    assert keypads.keypads() == (
        Keypad("usb-0000:00:14.0-3/input0", "Keypad 1"),
        Keypad("usb-0000:00:14.0-4/input0", "Keypad 2"),
    )
    third.type_keys((ecodes.KEY_KPSLASH, PRESSED))
    assert heard.next_keys(1) == [KeypadEvent("usb-0000:00:14.0-3/input0", "KP_Divide")]
    # the keyboard was looked at once: a device that is no keypad is not opened again at every scan
    assert machine.opens.count(str(machine.folder / "event4")) == 1


def test_a_keypad_grabbed_by_another_program_is_taken_once_it_is_free(
    machine: Machine, keypads: EvdevKeypads, thread_errors: list[BaseException]
) -> None:
    busy = machine.plug("event0", FakeDevice("usb-1", KEYPAD, busy=True))
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    assert keypads.keypads() == ()
    assert busy.closed
    freed = machine.plug("event0", FakeDevice("usb-1", KEYPAD))  # the same node, opened again at the next scan
    heard.wait_change()
    assert keypads.keypads() == (Keypad("usb-1", "Keypad 1"),)
    assert freed.grabbed
    assert thread_errors == []


def test_a_device_the_kiosk_may_not_open_is_no_error(
    machine: Machine, keypads: EvdevKeypads, thread_errors: list[BaseException]
) -> None:
    machine.plug("event0", FakeDevice("usb-1", KEYPAD))
    machine.refuse.add(str(machine.folder / "event0"))
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    assert keypads.keypads() == ()
    machine.refuse.clear()  # the udev rule took effect
    heard.wait_change()
    assert keypads.keypads() == (Keypad("usb-1", "Keypad 1"),)
    assert thread_errors == []


def test_two_devices_on_one_port_are_told_apart_by_path(machine: Machine, keypads: EvdevKeypads) -> None:
    machine.plug("event0", FakeDevice("usb-hub", KEYPAD))
    machine.plug("event1", FakeDevice("usb-hub", KEYPAD))
    machine.plug("event2", FakeDevice("", KEYPAD))
    keypads.start(Listener().on_key, Listener().on_change)
    assert keypads.keypads() == (
        Keypad(str(machine.folder / "event2"), "Keypad 1"),
        Keypad("usb-hub", "Keypad 2"),
        Keypad(str(machine.folder / "event1"), "Keypad 3"),
    )


def test_stop_releases_every_keypad_and_ends_the_thread(machine: Machine, keypads: EvdevKeypads) -> None:
    left, right, _ = two_keypads_and_a_keyboard(machine)
    keypads.start(Listener().on_key, Listener().on_change)
    keypads.stop()
    assert keypads.keypads() == ()
    assert left.closed and right.closed
    assert not [thread for thread in threading.enumerate() if thread.name == "keypads"]
    keypads.stop()  # a second stop does nothing


def test_the_keypads_can_be_read_again_after_stop_but_not_twice_at_once(
    machine: Machine, keypads: EvdevKeypads
) -> None:
    machine.plug("event0", FakeDevice("usb-1", KEYPAD))
    keypads.start(Listener().on_key, Listener().on_change)
    with pytest.raises(RuntimeError):
        keypads.start(Listener().on_key, Listener().on_change)
    keypads.stop()
    again = machine.plug("event0", FakeDevice("usb-1", KEYPAD))
    heard = Listener()
    keypads.start(heard.on_key, heard.on_change)
    again.type_keys((ecodes.KEY_KP0, PRESSED))
    assert heard.next_keys(1) == [KeypadEvent("usb-1", "KP_0")]


def test_stop_from_a_callback_on_the_reader_thread_does_not_hang(
    machine: Machine, keypads: EvdevKeypads, thread_errors: list[BaseException]
) -> None:
    device = machine.plug("event0", FakeDevice("usb-1", KEYPAD))
    heard = Listener()

    def stop_on_enter(event: KeypadEvent) -> None:
        heard.on_key(event)
        keypads.stop()

    keypads.start(stop_on_enter, heard.on_change)
    device.type_keys((ecodes.KEY_KPENTER, PRESSED), (ecodes.KEY_KP1, PRESSED))
    assert heard.next_keys(1) == [KeypadEvent("usb-1", "KP_Enter")]
    for thread in threading.enumerate():
        if thread.name == "keypads":
            thread.join(WAIT_S)
    assert device.closed
    assert heard.keys.empty()  # nothing after the stop
    assert thread_errors == []


def test_the_real_evdev_opener_passes_over_a_file_that_is_no_input_device(tmp_path: Path) -> None:
    (tmp_path / "event0").write_bytes(b"not a device")
    source = EvdevKeypads(str(tmp_path))
    source.start(Listener().on_key, Listener().on_change)
    try:
        assert source.keypads() == ()
    finally:
        source.stop()


# --- open_keypads ---------------------------------------------------------------------------------------------------


def test_without_evdev_the_kiosk_gets_no_keypads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "evdev", None)  # import evdev now fails, as where it is not installed
    source = open_keypads(str(tmp_path))
    assert isinstance(source, NoKeypads)
    heard = Listener()
    source.start(heard.on_key, heard.on_change)
    assert source.keypads() == ()
    source.stop()
    assert heard.keys.empty() and heard.changes.empty()


def test_without_a_readable_input_folder_the_kiosk_gets_no_keypads(tmp_path: Path) -> None:
    assert isinstance(open_keypads(str(tmp_path / "no-input")), NoKeypads)


def test_with_evdev_and_an_input_folder_the_keypads_are_read_through_evdev(tmp_path: Path) -> None:
    assert isinstance(open_keypads(str(tmp_path)), EvdevKeypads)
