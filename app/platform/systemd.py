"""Telling systemd how the kiosk is doing (sd_notify): READY=1 once the login screen is on display.

The image runs the kiosk as a `Type=notify` service, so the boot is finished only when the bureau can log in, and the
boot test reads that moment from the console. Outside systemd (no NOTIFY_SOCKET) this does nothing.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping


def notify(state: str, env: Mapping[str, str] | None = None) -> bool:
    """Send `state` (e.g. "READY=1") to the service manager; whether there was one to send it to."""
    address = (os.environ if env is None else env).get("NOTIFY_SOCKET", "")
    if not address or address[0] not in "/@":
        return False
    target = "\0" + address[1:] if address[0] == "@" else address  # "@": an abstract socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
        try:
            sock.sendto(state.encode("utf-8"), target)
        except OSError:
            return False
    return True
