"""sd_notify: the kiosk tells systemd it is ready; without a service manager nothing happens."""

from __future__ import annotations

import socket
from pathlib import Path

from app.platform.systemd import notify


def test_ready_reaches_the_service_managers_socket(tmp_path: Path) -> None:
    path = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind(path)
        assert notify("READY=1", env={"NOTIFY_SOCKET": path})
        assert manager.recv(64) == b"READY=1"


def test_an_abstract_socket_is_reached_too() -> None:
    name = f"tabula-test-{id(object())}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as manager:
        manager.bind("\0" + name)
        assert notify("READY=1", env={"NOTIFY_SOCKET": "@" + name})
        assert manager.recv(64) == b"READY=1"


def test_without_a_service_manager_nothing_is_sent(tmp_path: Path) -> None:
    assert not notify("READY=1", env={})
    assert not notify("READY=1", env={"NOTIFY_SOCKET": "relative/path"})
    assert not notify("READY=1", env={"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})
