"""The real `StationBackend`: the master stick, the appliance's root certificate, the local state folder."""

from __future__ import annotations

import contextlib
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
    StickMaster,
    login,
    open_stick,
)
from app.ui.ports import Progress, SessionPort

# Where a kiosk finds the stick when none is given: the automounter's folders (first one holding a master wins).
DEFAULT_MOUNTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
DEFAULT_ROOT_CERT = Path("/etc/tabula/root.pem")


def find_master(mounts: tuple[Path, ...]) -> Path | None:
    """The first mounted folder (one or two levels deep) that holds a master manifest. A folder that cannot be read
    (a stick failing with EIO, a folder without permission) is passed over: this runs on the poll's timer."""
    for mount in mounts:
        for folder in [mount, *_subfolders(mount), *(p for d in _subfolders(mount) for p in _subfolders(d))]:
            if _holds_master(folder):
                return folder
    return None


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def _holds_master(folder: Path) -> bool:
    try:
        return (folder / MANIFEST_FILE).is_file()
    except OSError:
        return False


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
        self.problem: TabulaError | None = None
        self._last_refusal: tuple[str, str, str] | None = None

    def stick_folder(self) -> Path | None:
        if self.stick is not None:
            return self.stick if _holds_master(self.stick) else None
        return find_master(self.mounts)

    def throttle_remaining(self) -> float:
        return self.throttle.remaining()

    def bureaus(self) -> tuple[BureauEntry, ...]:
        """The bureaus of the stick's manifest, only once its signature chains to the appliance's root: the picker
        never offers what a tampered stick says. Any failure gives an empty list, never an exception (this runs on
        the stick poll's timer): the problem is kept for `stick_problem()`, logged once, and the login names it."""
        folder = self.stick_folder()
        if folder is None:
            self.problem = None
            return ()
        try:
            master = self._open(folder, dt.datetime.now(dt.UTC))
        except TabulaError:
            return ()
        self.problem = None
        return tuple(sorted(master.bureaus, key=lambda b: b.station))

    def stick_problem(self) -> TabulaError | None:
        """Why the stick present was refused at the last look (`bureaus` or `login`), with the next step in its
        message: another copy of the master, or the helpdesk; None when it was accepted or there is none."""
        return self.problem

    def login(self, station_id: str, password: str, progress: Progress) -> object:
        folder = self.stick_folder()
        if folder is None:
            raise StorageError("stick.missing")
        now = dt.datetime.now(dt.UTC)
        progress(0.0, "auth.step.manifest")
        master = self._open(folder, now)
        return login(
            master, station_id, password, now, progress=progress, throttle=self.throttle, on_failure=self._log_failure
        )

    def _open(self, folder: Path, now: dt.datetime) -> StickMaster:
        """The stick's verified master; every failure as a typed error (kept, and logged once per stick and cause)."""
        try:
            root = pki.load_certificate(self.root_cert_path.read_bytes())
        except (OSError, TabulaError) as error:
            self.problem = UntrustedData("ui.root_missing")
            raise self.problem from error
        try:
            master = open_stick(folder, root, now)
        except TabulaError as error:
            self._refused(folder, error)
            raise
        except OSError as error:
            self._refused(folder, StorageError("stick.read_failed"))
            raise StorageError("stick.read_failed") from error
        except Exception as error:  # the stick is hostile input and this runs on a timer: never a traceback
            refused = UntrustedData("master.damaged", file=MANIFEST_FILE, cause=type(error).__name__)
            self._refused(folder, refused)
            raise refused from error
        self.problem = None
        return master

    def _refused(self, folder: Path, error: TabulaError) -> None:
        """X1: a refused stick is logged, once per stick and cause (the poll looks again and again)."""
        self.problem = error
        seen = (str(folder), error.key, str(error.params.get("file", "")))
        if self.security_log is None or seen == self._last_refusal:
            return
        self._last_refusal = seen
        detail: dict[str, str | int | bool | None] = {
            "accepted": False,
            "problem": error.key,
            "file": str(error.params.get("file", "")),
            "cause": str(error.params.get("cause", "")),
        }
        with contextlib.suppress(TabulaError):  # the answer must not depend on the log, which reports itself
            self.security_log.record(EventType.STICK_INSERTED, "-", detail)

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
