"""The real `StationBackend`: the master stick, the appliance's root certificate, the local state folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.errors import StorageError, TabulaError, UntrustedData
from app.seclog import EventType, SecurityLog
from app.signing import pki
from app.station_login import (
    MANIFEST_FILE,
    BureauEntry,
    LoadedStation,
    LoginFailure,
    LoginThrottle,
    login,
    open_stick,
)
from app.ui.ports import Progress, SessionPort

# Where a kiosk finds the stick when none is given: the automounter's folders (first one holding a master wins).
DEFAULT_MOUNTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
DEFAULT_ROOT_CERT = Path("/etc/tabula/root.pem")


def find_master(mounts: tuple[Path, ...]) -> Path | None:
    """The first mounted folder (one or two levels deep) that holds a master manifest."""
    for mount in mounts:
        try:
            candidates = [
                mount,
                *sorted(mount.iterdir()),
                *sorted(p for d in mount.iterdir() if d.is_dir() for p in d.iterdir()),
            ]
        except OSError:
            continue
        for folder in candidates:
            if (folder / MANIFEST_FILE).is_file():
                return folder
    return None


class StickBackend:
    """Logs a bureau in from the stick and opens its session in `state_dir`."""

    def __init__(
        self,
        stick: Path | None,
        root_cert_path: Path | None,
        state_dir: Path,
        *,
        mounts: tuple[Path, ...] = DEFAULT_MOUNTS,
        security_log: SecurityLog | None = None,
    ) -> None:
        self.stick = stick
        self.root_cert_path = root_cert_path or Path(os.environ.get("TABULA_ROOT_CERT", DEFAULT_ROOT_CERT))
        self.state_dir = state_dir
        self.mounts = mounts
        self.security_log = security_log
        self.throttle = LoginThrottle()

    def stick_folder(self) -> Path | None:
        if self.stick is not None:
            return self.stick if (self.stick / MANIFEST_FILE).is_file() else None
        return find_master(self.mounts)

    def throttle_remaining(self) -> float:
        return self.throttle.remaining()

    def bureaus(self) -> tuple[BureauEntry, ...]:
        """The bureaus of the stick's manifest, only once its signature chains to the appliance's root: the picker
        never offers what a tampered stick says. Any failure gives an empty list; the login then names the cause."""
        folder = self.stick_folder()
        if folder is None:
            return ()
        try:
            root = pki.load_certificate(self.root_cert_path.read_bytes())
            master = open_stick(folder, root, dt.datetime.now(dt.UTC))
        except (OSError, TabulaError, ValueError):
            return ()
        return tuple(sorted(master.bureaus, key=lambda b: b.station))

    def login(self, station_id: str, password: str, progress: Progress) -> object:
        folder = self.stick_folder()
        if folder is None:
            raise StorageError("stick.missing")
        try:
            root = pki.load_certificate(self.root_cert_path.read_bytes())
        except OSError as error:
            raise UntrustedData("ui.root_missing") from error
        now = dt.datetime.now(dt.UTC)
        progress(0.0, "auth.step.manifest")
        master = open_stick(folder, root, now)
        return login(
            master, station_id, password, now, progress=progress, throttle=self.throttle, on_failure=self._log_failure
        )

    def _log_failure(self, failure: LoginFailure) -> None:
        """X1/X5: every failed login is logged, and a throttled one says how long the next one waits."""
        if self.security_log is None:
            return
        detail: dict[str, str | int | bool | None] = {
            "station": failure.station,
            "reason": failure.reason,
            "failures": failure.failures,
        }
        try:
            self.security_log.record(EventType.LOGIN_FAILED, failure.station, detail)
            if failure.next_delay_s > 0:
                self.security_log.record(
                    EventType.LOGIN_THROTTLED, failure.station, {**detail, "delay_s": round(failure.next_delay_s)}
                )
        except TabulaError:
            pass  # the login answer must not depend on the log; the session reports a broken log itself

    def open_session(self, loaded: object) -> SessionPort:
        from app.session import open_session  # the shared service (also behind `tabula replay`)

        assert isinstance(loaded, LoadedStation)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        session: SessionPort = open_session(loaded, self.state_dir)
        return session
