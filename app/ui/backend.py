"""The real `StationBackend`: the master stick, the appliance's root certificate, the local state folder, and the
TPM (X2).

On the appliance (`TABULA_TPM` set, `Mode.TPM`) a login first checks the measured boot state against the image's
signed expected values, then moves the decrypted bureau key into the TPM under those values' PCR policy and signs
through it for the whole session: a modified boot chain cannot sign results. The connection stays open until the
kiosk shuts down (`close_platform`), which flushes what it loaded. Without `TABULA_TPM` the kiosk runs in the
explicit development mode. Either way the bureau carries its `Provenance` (measurement, training) into every output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.errors import StorageError, TabulaError, UntrustedData
from app.platform.measurement import Measurement, Mode, Provenance
from app.platform.tpm import DEVICE_TCTI, Expected, FakeTpm, PlatformRefused, Tpm, current_measurement, read_expected
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
    protect_key,
)
from app.ui.ports import Progress, SessionPort

# Where a kiosk finds the stick when none is given: the automounter's folders (first one holding a master wins).
DEFAULT_MOUNTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
DEFAULT_ROOT_CERT = Path("/etc/tabula/root.pem")

TpmFactory = Callable[[], Tpm | FakeTpm]
T = TypeVar("T")


def device_tpm() -> Tpm:
    """The TPM `TABULA_TPM` names (the image sets the kernel's resource manager, `device:/dev/tpmrm0`)."""
    return Tpm(os.environ.get("TABULA_TPM") or DEVICE_TCTI)


@dataclasses.dataclass(frozen=True)
class Platform:
    """How the backend reaches the machine's TPM; tests inject a `FakeTpm` or a software TPM here."""

    measure: Callable[[], Measurement] = current_measurement
    open_tpm: TpmFactory = device_tpm
    expected: Callable[[], Expected] = read_expected


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
        training: bool = False,
        platform: Platform | None = None,
    ) -> None:
        self.stick = stick
        self.root_cert_path = root_cert_path or Path(os.environ.get("TABULA_ROOT_CERT", DEFAULT_ROOT_CERT))
        self.state_dir = state_dir
        self.mounts = mounts
        self.security_log = security_log
        self.throttle = LoginThrottle()
        self.problem: TabulaError | None = None
        self._last_refusal: tuple[str, str, str] | None = None
        self.training = training  # `--training`: every output of every bureau logged in is marked as training
        self.platform = platform or Platform()
        self.tpm: Tpm | FakeTpm | None = None  # the open connection holding the logged-in bureau's key

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
        measurement = self._guarded(station_id, self.platform.measure)  # a refused platform decrypts nothing
        master = self._open(folder, now)
        loaded = login(
            master, station_id, password, now, progress=progress, throttle=self.throttle, on_failure=self._log_failure
        )
        if measurement.mode is Mode.TPM:
            loaded = self._guarded(station_id, lambda: self._protect(loaded))
        return dataclasses.replace(loaded, provenance=Provenance(measurement, self.training))

    # --- the TPM -------------------------------------------------------------------------------------------------

    def _protect(self, loaded: LoadedStation) -> LoadedStation:
        """The bureau key into the TPM under the image's expected PCR values; the connection kept for the session."""
        tpm = self.platform.open_tpm()
        try:
            protected = protect_key(loaded, tpm, self.platform.expected().policy())
        except BaseException:
            tpm.close()  # flushes what was loaded: a refused login leaves nothing in the TPM
            raise
        self.close_platform()  # the previous bureau's key, if a session was left for another login
        self.tpm = tpm
        return protected

    def close_platform(self) -> None:
        """Close the TPM connection of the logged-in bureau (at shut-down): every object it loaded is flushed."""
        tpm, self.tpm = self.tpm, None
        if tpm is not None:
            tpm.close()

    def _guarded(self, station_id: str, step: Callable[[], T]) -> T:
        """Run a platform step of the login; a `PlatformRefused` is logged (X1) before the login screen shows it."""
        try:
            return step()
        except PlatformRefused as error:
            self._log_platform_refused(station_id, error)
            raise

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

    def _log_platform_refused(self, station_id: str, error: PlatformRefused) -> None:
        """X1/X2: a login the platform refused, with the reason the helpdesk reads back."""
        if self.security_log is None:
            return
        detail: dict[str, str | int | bool | None] = {
            "station": station_id,
            "reason": "platform_refused",
            "problem": error.key,
            **{name: str(value) for name, value in error.params.items()},
        }
        with contextlib.suppress(TabulaError):  # the answer must not depend on the log, which reports itself
            self.security_log.record(EventType.LOGIN_FAILED, station_id, detail)
            # the same event the session logs when the signer refuses at the end: one place for the helpdesk to look
            self.security_log.record(EventType.PLATFORM_REFUSED, station_id, {"key": error.key, "when": "login"})

    def open_session(self, loaded: object) -> SessionPort:
        from app.session import open_session  # the shared service (also behind `tabula replay`)

        assert isinstance(loaded, LoadedStation)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        session: SessionPort = open_session(loaded, self.state_dir)
        return session
