"""The station's side of the master stick (requirements S2, P2, X5): open it, list the bureaus, log one in.

Trust runs from the root certificate the appliance was built with, never from anything on the stick:
1. the issuing CA certificate on the stick must chain to that root;
2. the master manifest (`master.json`) must carry a valid signature by that issuing CA (`master.sig`);
3. the bureau's bundle must have the SHA-256 the manifest gives it, before any password is tried;
4. after decryption, the bureau certificate must name the bureau and chain to the root, and the private key must
   belong to it.
So any change on the stick is UntrustedData (helpdesk), and a failed decryption of an intact bundle can only be a
wrong password (BadInput: the bureau retries). Repeated wrong passwords are slowed down (X5) by `LoginThrottle`.
A stick whose master cannot be checked (steps 1 and 2) is `master.damaged` or `master.foreign`, whatever the
parsers made of its bytes: both name the next step (another copy of the master, then the helpdesk).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography import x509

from app import safe_json
from app.counting.model import Election, ElectionCode, Language, Station, StationId
from app.election_json import election_from_dict, station_from_dict
from app.errors import BadInput, UntrustedData
from app.platform.measurement import Provenance
from app.platform.tpm import FakeTpm, PcrPolicy, PlatformRefused, Tpm
from app.signing import bundle, pki
from app.signing.signer import KeySigner, Signer

MASTER_FORMAT = "tabula-master/1"
MANIFEST_FILE = "master.json"
SIGNATURE_FILE = "master.sig"
ISSUING_FILE = "issuing.pem"
ROOT_FILE = "root.pem"  # public; for tools and auditors. The kiosk trusts the root in its own image, never this copy.
BUNDLE_DIR = "bundles"
TPM_PROBE = b"tabula: the bureau key signs through the TPM"

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class BureauEntry:
    """One bureau as the (signed) manifest lists it: enough for the login screen, nothing secret."""

    station: StationId
    name: str
    election: ElectionCode
    constituency: str
    language: Language
    file: str  # relative path of the bundle, e.g. "bundles/b00001.bin"
    sha256: str


@dataclass(frozen=True)
class StickMaster:
    """A master whose manifest signature has been verified against the appliance's root certificate."""

    folder: Path
    root: x509.Certificate
    issuing: x509.Certificate
    bureaus: tuple[BureauEntry, ...]
    master_id: str = ""  # `master_id` of its manifest: every copy of one master has the same

    def bureau(self, station_id: str) -> BureauEntry | None:
        return next((b for b in self.bureaus if b.station == station_id), None)


@dataclass(frozen=True)
class LoadedStation:
    """Everything a bureau needs to count, decrypted and verified."""

    station: Station
    election: Election
    signer: Signer  # the key from the bundle (`KeySigner`); on the appliance, the TPM's (`protect_key`)
    chain: tuple[x509.Certificate, ...]  # bureau certificate, issuing CA, root
    master_id: str | None = None  # the master it was loaded from; results go only to a stick with this master
    # what the outputs say produced them: the measured platform (or, explicitly, development) and training or not
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(frozen=True)
class LoginFailure:
    """A failed login, for the security log (X1)."""

    station: str
    reason: str  # "unknown_station" or "wrong_password"
    failures: int  # consecutive failures so far
    next_delay_s: float  # what the next attempt will have to wait


@dataclass
class LoginThrottle:
    """Slows down repeated wrong passwords (X5): after `free` failures every further one doubles the wait, up to
    `cap_s`. The clock and the sleep are injectable so tests do not wait.

    The passwords have 100 bits of entropy, so this is defence in depth against someone trying passwords at the
    kiosk; it lives in memory (a reboot costs more than the wait does).
    """

    free: int = 2
    base_s: float = 2.0
    cap_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    failures: int = 0
    _last_failure: float | None = field(default=None, repr=False)

    def delay_after(self, failures: int) -> float:
        """The wait imposed after `failures` consecutive failures."""
        if failures <= self.free:
            return 0.0
        return float(min(self.cap_s, self.base_s * 2 ** (failures - self.free - 1)))

    def remaining(self) -> float:
        """How long the next attempt still has to wait (time already passed counts)."""
        if self._last_failure is None:
            return 0.0
        return max(0.0, self._last_failure + self.delay_after(self.failures) - self.clock())

    def wait(self) -> None:
        pending = self.remaining()
        if pending > 0:
            self.sleep(pending)

    def failed(self) -> float:
        """Record a failure; return the delay the next attempt will get."""
        self.failures += 1
        self._last_failure = self.clock()
        return self.delay_after(self.failures)

    def succeeded(self) -> None:
        self.failures = 0
        self._last_failure = None


# The largest file of each kind a master holds, with room to spare (5,000 bureaus: master.json ~2 MB): a stick is
# hostile input, and a 6 GB file must not be read into memory, on every poll of the kiosk.
MAX_BYTES = {ISSUING_FILE: 64 * 1024, SIGNATURE_FILE: 64 * 1024, MANIFEST_FILE: 64 * 1024 * 1024}
MAX_BUNDLE_BYTES = 16 * 1024 * 1024


def _read(folder: Path, name: str) -> bytes:
    limit = MAX_BYTES.get(name, MAX_BUNDLE_BYTES)
    try:
        with (folder / name).open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise UntrustedData("master.file_missing", file=name) from exc
    if len(data) > limit:
        raise UntrustedData("master.damaged", file=name, cause="too large")
    return data


def _entry(item: Any) -> BureauEntry:
    try:
        entry = BureauEntry(
            StationId(str(item["station"])),
            str(item["name"]),
            ElectionCode(item["election"]),
            str(item["constituency"]),
            Language(item["language"]),
            str(item["file"]),
            str(item["sha256"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UntrustedData("master.manifest_malformed") from exc
    # The file name comes from a signed manifest, but we still refuse to leave the stick's bundle folder.
    parts = Path(entry.file).parts
    if len(parts) != 2 or parts[0] != BUNDLE_DIR or parts[1] in ("..", "."):
        raise UntrustedData("master.manifest_malformed")
    return entry


def master_id(manifest: bytes) -> str:
    """The identity of a master: the SHA-256 of its signed manifest (`master.json`, which names every bundle by its
    hash and carries the time it was built). Every copy of one master has it; another master or an empty folder
    does not."""
    return hashlib.sha256(manifest).hexdigest()


def parse_manifest(data: bytes) -> tuple[BureauEntry, ...]:
    """The bureaus of a manifest (whose signature the caller has checked)."""
    try:
        manifest = safe_json.loads(data)
        if manifest["format"] != MASTER_FORMAT:
            raise UntrustedData("master.manifest_malformed")
        items = manifest["bureaus"]
    except (ValueError, KeyError, TypeError) as exc:
        raise UntrustedData("master.manifest_malformed") from exc
    if not isinstance(items, list):
        raise UntrustedData("master.manifest_malformed")
    return tuple(_entry(item) for item in items)


def open_stick(folder: Path, root: x509.Certificate, now: dt.datetime) -> StickMaster:
    """Verify the master on a stick against `root` (at time `now`) and list its bureaus.

    Raises UntrustedData: `master.file_missing`, `master.foreign` (made under another root), `master.damaged` (a
    file that does not parse or verify), `pki.untrusted_certificate` (not valid at this appliance's date)."""
    issuing = _issuing_ca(_read(folder, ISSUING_FILE), root, now)
    manifest = _read(folder, MANIFEST_FILE)
    signature = _read(folder, SIGNATURE_FILE)
    try:
        pki.verify_bytes(issuing, signature, manifest)
    except UntrustedData as exc:
        raise UntrustedData("master.damaged", file=MANIFEST_FILE, cause=exc.key) from exc
    except Exception as exc:  # untrusted bytes in a parser whose exceptions are not all documented
        raise UntrustedData("master.damaged", file=SIGNATURE_FILE, cause=type(exc).__name__) from exc
    return StickMaster(folder, root, issuing, parse_manifest(manifest), master_id(manifest))


def _issuing_ca(pem: bytes, root: x509.Certificate, now: dt.datetime) -> x509.Certificate:
    """The stick's issuing CA certificate, checked against `root`. cryptography parses parts of a certificate only
    when they are used, so a changed byte can surface as ValueError, InvalidVersion, ... anywhere in the check."""
    try:
        issuing = pki.load_certificate(pem)
    except Exception as exc:  # untrusted bytes in a parser whose exceptions are not all documented
        raise UntrustedData("master.damaged", file=ISSUING_FILE, cause=type(exc).__name__) from exc
    try:
        pki.verify_issuing_ca(issuing, root, now)
        return issuing
    except UntrustedData as exc:
        if _foreign(issuing, root):
            raise UntrustedData("master.foreign", file=ISSUING_FILE) from exc
        if not _valid_at(issuing, now):
            raise  # says the certificate is not valid at this appliance's date: the clock, or an old master
        raise UntrustedData("master.damaged", file=ISSUING_FILE, cause=exc.key) from exc
    except Exception as exc:  # untrusted bytes in a parser whose exceptions are not all documented
        raise UntrustedData("master.damaged", file=ISSUING_FILE, cause=type(exc).__name__) from exc


def _foreign(issuing: x509.Certificate, root: x509.Certificate) -> bool:
    """Whether `issuing` names another root as its issuer (by name or key id): a master of another authority or a
    training set, rather than a damaged copy of ours."""
    try:
        if issuing.issuer != root.subject:
            return True
        aki = issuing.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
        ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except Exception:  # a part that does not parse: damaged, not provably foreign
        return False
    return aki is not None and aki != ski


def _valid_at(certificate: x509.Certificate, now: dt.datetime) -> bool:
    try:
        return certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc
    except Exception:  # a validity that does not parse: damaged
        return True


def _payload(data: bytes) -> tuple[Station, Election, bytes, tuple[x509.Certificate, ...]]:
    try:
        payload = safe_json.loads(data)
        key_der = bytes.fromhex(payload["key_pkcs8_der_hex"])
        chain_pem = str(payload["chain_pem"]).encode("ascii")
        station_data, election_data = payload["station"], payload["election"]
    except (ValueError, KeyError, TypeError) as exc:
        raise UntrustedData("bundle.damaged") from exc
    chain = pki.load_certificates(chain_pem)
    return station_from_dict(station_data), election_from_dict(election_data), key_der, chain


def _check_consistent(entry: BureauEntry, station: Station, election: Election) -> None:
    # The bundle is authenticated, but it must also be the bundle the manifest promised for this bureau.
    listed = (entry.station, entry.election, entry.constituency, entry.language)
    if (station.id, station.election, station.constituency, station.language) != listed or (
        election.code,
        election.constituency,
    ) != (station.election, station.constituency):
        raise UntrustedData("bundle.wrong_station", station=entry.station)


def _report(progress: Progress | None, fraction: float, step: str) -> None:
    if progress is not None:
        progress(fraction, step)


def login(
    master: StickMaster,
    station_id: str,
    password: str,
    now: dt.datetime,
    *,
    progress: Progress | None = None,
    throttle: LoginThrottle | None = None,
    on_failure: Callable[[LoginFailure], None] | None = None,
) -> LoadedStation:
    """Log bureau `station_id` in with `password`: decrypt and verify its bundle.

    Raises BadInput for an unknown bureau or a wrong password (after reporting it to `on_failure` and to the
    throttle), UntrustedData for anything altered on the stick.
    """
    throttle = throttle if throttle is not None else LoginThrottle()

    def fail(reason: str) -> BadInput:
        delay = throttle.failed()
        if on_failure is not None:
            on_failure(LoginFailure(station_id, reason, throttle.failures, delay))
        return BadInput(f"auth.{reason}", station=station_id, failures=throttle.failures, delay=round(delay))

    if throttle.remaining() > 0:
        _report(progress, 0.0, "auth.step.waiting")
        throttle.wait()
    entry = master.bureau(station_id)
    if entry is None:
        raise fail("unknown_station")
    _report(progress, 0.05, "auth.step.reading")
    data = _read(master.folder, entry.file)
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise UntrustedData("master.tampered", file=entry.file)
    _report(progress, 0.15, "auth.step.deriving")
    try:
        plain = bundle.open_bundle(data, entry.station, password)
    except BadInput:
        raise fail("wrong_password") from None
    _report(progress, 0.85, "auth.step.checking")
    try:
        loaded = _open_payload(master, entry, plain, now)
    except UntrustedData:
        raise
    except Exception as exc:  # an authenticated bundle cannot be damaged by chance; still, never a traceback
        raise UntrustedData("bundle.damaged", cause=type(exc).__name__) from exc
    throttle.succeeded()
    _report(progress, 1.0, "auth.step.done")
    return loaded


def _open_payload(master: StickMaster, entry: BureauEntry, plain: bytes, now: dt.datetime) -> LoadedStation:
    station, election, key_der, chain = _payload(plain)
    _check_consistent(entry, station, election)
    key = pki.private_key_from_der(key_der)
    if len(chain) != 2 or not pki.key_matches_certificate(key, chain[0]):
        raise UntrustedData("bundle.damaged")
    certified = pki.verify_station_certificate(chain[0], chain[1], master.root, now)
    if certified != station.id:
        raise UntrustedData("bundle.wrong_station", station=entry.station)
    full_chain = (*chain, master.root)
    return LoadedStation(station, election, KeySigner(key, chain[0], chain), full_chain, master.master_id or None)


def load_station(
    folder: Path,
    root: x509.Certificate,
    station_id: str,
    password: str,
    now: dt.datetime,
    *,
    progress: Progress | None = None,
    throttle: LoginThrottle | None = None,
    on_failure: Callable[[LoginFailure], None] | None = None,
) -> LoadedStation:
    """`open_stick` then `login`, for callers without a login screen (replay, tests)."""
    _report(progress, 0.0, "auth.step.manifest")
    master = open_stick(folder, root, now)
    return login(master, station_id, password, now, progress=progress, throttle=throttle, on_failure=on_failure)


def protect_key(loaded: LoadedStation, tpm: Tpm | FakeTpm, policy: PcrPolicy) -> LoadedStation:
    """The bureau, its key moved into the TPM under `policy` (X2): from here on only the TPM signs, and only while
    the measured boot chain is the approved one. One probe signature, checked with the bureau certificate, shows at
    login (not at the end of the count) that the key works there. Raises `PlatformRefused` (helpdesk)."""
    if not isinstance(loaded.signer, KeySigner):  # already protected, or a signer without a key to move
        raise PlatformRefused("platform.key_unsupported")
    key_signer = loaded.signer
    blob = tpm.import_key(key_signer.key, policy)
    signer = tpm.signer(blob, key_signer.certificate, key_signer.chain, policy)
    probe = TPM_PROBE + str(loaded.station.id).encode("utf-8")
    signature = signer.sign(probe)  # PlatformRefused when the TPM will not sign in this state
    try:
        pki.verify_bytes(key_signer.certificate, signature, probe)
    except UntrustedData:
        raise PlatformRefused("platform.key_mismatch") from None
    return replace(loaded, signer=signer)
