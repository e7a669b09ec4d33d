"""A fresh software TPM (swtpm) per test, reached through the `swtpm:` TCTI (the `mssim:` one fails with swtpm 0.7)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port_pair() -> int:
    """A loopback port N with N + 1 free too: the swtpm TCTI talks to the TPM on N and to its control channel on N+1."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = int(first.getsockname()[1])
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free pair of loopback ports")


def _start(state: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port_pair()
    log = state / "swtpm.log"
    proc = subprocess.Popen(
        [
            "swtpm", "socket", "--tpm2",
            "--server", f"type=tcp,port={port},bindaddr=127.0.0.1",
            "--ctrl", f"type=tcp,port={port + 1},bindaddr=127.0.0.1",
            "--tpmstate", f"dir={state}",
            "--log", f"file={log}",
            "--flags", "not-need-init,startup-clear",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:  # lost the port to another process between the check and the bind
            return proc, 0
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.01)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"swtpm did not listen on {port}: {log.read_text(errors='replace') if log.exists() else ''}")


@pytest.fixture
def swtpm(tmp_path: Path) -> Iterator[str]:
    """The TCTI string of a new, empty swtpm; stopped and removed after the test. Needs the `swtpm` package."""
    os.environ.setdefault("TSS2_LOG", "all+NONE")
    state = tmp_path / "swtpm"
    state.mkdir()
    for _ in range(5):
        proc, port = _start(state)
        if port:
            break
    else:
        raise RuntimeError("swtpm could not start (see its log in the test's tmp_path)")
    try:
        yield f"swtpm:host=127.0.0.1,port={port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
