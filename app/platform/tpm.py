"""The TPM (X2): the measured boot state, secrets sealed to it, and a bureau signer only an intact appliance can use.

- `Tpm` is one connection (a TCTI: `device:/dev/tpmrm0` on the appliance, `swtpm:host=…,port=…` in tests). It reads
  and extends PCRs of the SHA-256 bank, seals and unseals secrets under a `PcrPolicy`, and imports the bureau's
  ECC P-256 key under the storage root key with that policy as its only authorisation. Used as a context manager it
  flushes every object and session it loaded; on opening it flushes what a crashed run left behind (a TPM without
  a resource manager, like swtpm, keeps transient objects across connections and has only a few slots).
- `TpmSigner` implements the `Signer` port: SHA-256 on the CPU, ECDSA on the TPM, each signature under a fresh
  PolicyPCR. Once the measured state differs from the policy's values, the TPM refuses and the signer raises
  `PlatformRefused` (a helpdesk error): a modified boot chain cannot sign results.
- `FakeTpm` is the same surface in memory for tests elsewhere; `Measurement` is what the login screen, the security
  log and (later) the outputs show: software version, system hash, PCR values and the mode, "tpm" or an explicit
  "development" without TPM.

Why an expected-values file with its own signature: the PCRs worth binding (11: the UKI with its kernel command line,
which carries the dm-verity root hash) depend on the root file system, so a file of expected values inside that
root would change the very hash it predicts. The image therefore ships `expected-pcrs.json` beside the UKI, signed by
the release key whose certificate (`/etc/tabula/release.pem`) is inside the verity-protected root. See image/README.md.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

import app
from app import safe_json
from app.errors import UntrustedData
from app.platform.measurement import Measurement, Mode, development_measurement
from app.signing import pki
from app.signing.signer import PrivateKey

BANK = "sha256"
DIGEST_SIZE = 32
# 7: Secure Boot state and the keys that verified the boot loader; 11: the UKI (kernel, initrd, command line with
# the verity root hash, os-release) as systemd-stub measures it, and the boot phases after it.
BOOT_PCRS: tuple[int, ...] = (7, 11)
DEVICE_TCTI = "device:/dev/tpmrm0"
EXPECTED_PATH = "/etc/tabula/expected-pcrs.json"
RELEASE_CERT_PATH = "/etc/tabula/release.pem"
EXPECTED_FORMAT = "tabula-expected-pcrs/1"
_TPM_CC_POLICY_PCR = 0x0000017F
_ROOT_HASH = re.compile(r"(?:^|\s)(?:roothash|usrhash)=([0-9a-fA-F]{64})(?:\s|$)")


class PlatformRefused(UntrustedData):
    """The appliance is not in its approved state, or its TPM cannot be used: only the helpdesk can help."""


def system_hash_from_cmdline(cmdline: str) -> str:
    """The dm-verity root hash from the kernel command line (`roothash=` or `usrhash=`), or "" if there is none."""
    found = _ROOT_HASH.search(cmdline)
    return found.group(1).lower() if found else ""


# --- PCR policies (pure) ---


@dataclass(frozen=True)
class PcrPolicy:
    """Values of SHA-256 PCRs an object is bound to; the TPM only lets the object be used while they hold."""

    values: tuple[tuple[int, bytes], ...]

    def __post_init__(self) -> None:
        indices = [index for index, _ in self.values]
        if not indices or indices != sorted(set(indices)) or not all(0 <= index < 24 for index in indices):
            raise ValueError("a PCR policy names distinct PCRs 0..23 in ascending order")
        if any(len(value) != DIGEST_SIZE for _, value in self.values):
            raise ValueError("PCR values of the SHA-256 bank are 32 bytes")

    @classmethod
    def of(cls, values: Mapping[int, bytes]) -> PcrPolicy:
        return cls(tuple(sorted(values.items())))

    @property
    def indices(self) -> tuple[int, ...]:
        return tuple(index for index, _ in self.values)

    def selection(self) -> bytes:
        """The marshalled TPML_PCR_SELECTION of the SHA-256 bank (TPM 2.0 part 2, 10.6.2)."""
        bitmap = bytearray(3)
        for index in self.indices:
            bitmap[index // 8] |= 1 << (index % 8)
        return (1).to_bytes(4, "big") + (0x000B).to_bytes(2, "big") + bytes([3]) + bytes(bitmap)

    def digest(self) -> bytes:
        """The policy digest of one TPM2_PolicyPCR over these values (TPM 2.0 part 3, 23.7), as the TPM computes it."""
        pcr_digest = hashlib.sha256(b"".join(value for _, value in self.values)).digest()
        command = _TPM_CC_POLICY_PCR.to_bytes(4, "big")
        return hashlib.sha256(bytes(DIGEST_SIZE) + command + self.selection() + pcr_digest).digest()


def extended(value: bytes, measurement: bytes) -> bytes:
    """The value a SHA-256 PCR holds after extending `value` with the digest `measurement`."""
    return hashlib.sha256(value + measurement).digest()


# --- Expected values shipped with the image ---


@dataclass(frozen=True)
class Expected:
    """What the approved image predicts: PCR values, its software version and its system hash."""

    pcrs: Mapping[int, bytes]
    software_version: str
    system_hash: str

    def policy(self) -> PcrPolicy:
        return PcrPolicy.of(self.pcrs)


def load_expected(data: bytes, signature: bytes, release_certificate: x509.Certificate) -> Expected:
    """The expected values from the image's file, once its signature by the release key checks out."""
    try:
        pki.verify_bytes(release_certificate, signature, data)
    except UntrustedData:
        raise PlatformRefused("platform.expected_bad") from None
    try:
        raw = safe_json.loads(data.decode("utf-8"))
        if raw["format"] != EXPECTED_FORMAT or raw["bank"] != BANK:
            raise ValueError("not a Tabula expected-PCR file")
        pcrs = {int(index): bytes.fromhex(value) for index, value in raw["pcrs"].items()}
        expected = Expected(pcrs, str(raw["software_version"]), str(raw["system_hash"]).lower())
        expected.policy()  # validates the indices and lengths
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise PlatformRefused("platform.expected_bad") from None
    return expected


def expected_json(expected: Expected) -> bytes:
    """The file `load_expected` reads (written by the image build; tests sign it with a test key)."""
    raw = {
        "format": EXPECTED_FORMAT,
        "bank": BANK,
        "pcrs": {str(index): value.hex() for index, value in sorted(expected.pcrs.items())},
        "software_version": expected.software_version,
        "system_hash": expected.system_hash,
    }
    return json.dumps(raw, sort_keys=True, indent=2).encode("utf-8") + b"\n"


def check_expected(measurement: Measurement, expected: Expected) -> None:
    """Raise `PlatformRefused` unless the measured state is exactly the one the approved image predicts."""
    differing = sorted(index for index, value in expected.pcrs.items() if measurement.pcrs.get(index) != value.hex())
    if differing:
        raise PlatformRefused("platform.pcr_mismatch", pcrs=", ".join(str(index) for index in differing))
    if measurement.system_hash != expected.system_hash or measurement.software_version != expected.software_version:
        raise PlatformRefused("platform.version_mismatch")


# --- Blobs the TPM hands out (only usable with the same TPM and storage root key) ---


@dataclass(frozen=True)
class TpmBlob:
    """An object wrapped by the TPM's storage root key: its public area and its encrypted private area."""

    public: bytes
    private: bytes

    def to_bytes(self) -> bytes:
        raw = {"public": base64.b64encode(self.public).decode(), "private": base64.b64encode(self.private).decode()}
        return json.dumps(raw, sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> TpmBlob:
        try:
            raw = safe_json.loads(data.decode("ascii"))
            return cls(base64.b64decode(raw["public"], validate=True), base64.b64decode(raw["private"], validate=True))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise PlatformRefused("platform.blob_bad") from None


# --- The real TPM through tpm2-pytss ---


def _tss() -> Any:
    # Imported on first use: a development machine without the TSS libraries still runs the rest of the app.
    try:
        import tpm2_pytss
    except ImportError:  # pragma: no cover - the project installs tpm2-pytss everywhere
        raise PlatformRefused("platform.tpm_unavailable") from None
    return tpm2_pytss


def _srk_template(t: Any) -> Any:
    attributes = (
        t.TPMA_OBJECT.USERWITHAUTH
        | t.TPMA_OBJECT.RESTRICTED
        | t.TPMA_OBJECT.DECRYPT
        | t.TPMA_OBJECT.FIXEDTPM
        | t.TPMA_OBJECT.FIXEDPARENT
        | t.TPMA_OBJECT.SENSITIVEDATAORIGIN
        | t.TPMA_OBJECT.NODA
    )
    return t.TPM2B_PUBLIC.parse("ecc256:aes128cfb", objectAttributes=attributes)


class Tpm:
    """One connection to a TPM; a context manager that flushes everything it loaded."""

    def __init__(self, tcti: str = DEVICE_TCTI) -> None:
        self._t = _tss()
        os.environ.setdefault("TSS2_LOG", "all+NONE")  # the TSS writes every refusal to stderr otherwise
        try:
            self._ectx = self._t.ESAPI(tcti)
        except self._t.TSS2_Exception:
            raise PlatformRefused("platform.tpm_unavailable") from None
        self._loaded: list[Any] = []
        self._srk: Any = None
        self._srk_public: Any = None
        self.flush_leftovers()

    def __enter__(self) -> Tpm:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush what this connection loaded, then close it."""
        if self._ectx is None:
            return
        for handle in reversed(self._loaded):
            with suppress(self._t.TSS2_Exception):  # already gone (the TPM flushes a session a command failed in)
                self._ectx.flush_context(handle)
        self._loaded.clear()
        self._ectx.close()
        self._ectx = None

    # -- housekeeping --

    def _handles(self, first: int) -> list[int]:
        t = self._t
        _more, data = self._call(self._ectx.get_capability, t.TPM2_CAP.HANDLES, first, 64)
        return [int(handle) for handle in data.data.handles]

    def transient_handles(self) -> list[int]:
        """The transient objects loaded in the TPM now (from every connection, without a resource manager)."""
        return self._handles(int(self._t.TPM2_HC.TRANSIENT_FIRST))

    def session_handles(self) -> list[int]:
        """The sessions loaded in the TPM now."""
        return self._handles(int(self._t.TPM2_HC.LOADED_SESSION_FIRST))

    def flush_leftovers(self) -> None:
        """Flush transient objects and sessions a crashed run left in a TPM that has no resource manager.

        With the kernel's resource manager (/dev/tpmrm0) each connection sees only its own, so this is a no-op there.
        """
        for handle in self.transient_handles():
            with suppress(self._t.TSS2_Exception):  # gone meanwhile
                self._ectx.flush_context(self._ectx.tr_from_tpmpublic(handle))
        for handle in self.session_handles():
            self._flush_raw(handle)

    def _flush_raw(self, handle: int) -> None:
        # ESAPI has no object for a session it did not start; TPM2_FlushContext takes the bare handle.
        command = (0x8001).to_bytes(2, "big") + (14).to_bytes(4, "big") + (0x165).to_bytes(4, "big")
        tcti = self._ectx.get_tcti()
        tcti.transmit(command + handle.to_bytes(4, "big"))
        tcti.receive()

    # -- PCRs --

    def read_pcrs(self, indices: Iterable[int] = BOOT_PCRS) -> dict[int, bytes]:
        """The SHA-256 values of the PCRs `indices`."""
        wanted = sorted(set(indices))
        values: dict[int, bytes] = {}
        while len(values) < len(wanted):
            missing = [index for index in wanted if index not in values]
            selection = self._t.TPML_PCR_SELECTION.parse(f"{BANK}:" + ",".join(str(i) for i in missing))
            _counter, out, digests = self._call(self._ectx.pcr_read, selection)
            got = [index for index in missing if _selected(out, index)]
            if not got:
                raise PlatformRefused("platform.tpm_failed")
            values.update(zip(got, (bytes(d) for d in digests.digests), strict=True))
        return values

    def extend(self, index: int, data: bytes) -> None:
        """Extend PCR `index` with SHA-256(data), as a boot component measures the next one."""
        t = self._t
        digest = t.TPMT_HA(hashAlg=t.TPM2_ALG.SHA256, digest=t.TPMU_HA(sha256=hashlib.sha256(data).digest()))
        self._call(self._ectx.pcr_extend, t.ESYS_TR.parse(f"pcr{index}"), t.TPML_DIGEST_VALUES([digest]))

    def current_policy(self, indices: Iterable[int] = BOOT_PCRS) -> PcrPolicy:
        """A policy over the values the PCRs hold now."""
        return PcrPolicy.of(self.read_pcrs(indices))

    # -- objects under the storage root key --

    def _track(self, handle: Any) -> Any:
        self._loaded.append(handle)
        return handle

    def _forget(self, handle: Any) -> None:
        if handle in self._loaded:
            self._loaded.remove(handle)
        with suppress(self._t.TSS2_Exception):
            self._ectx.flush_context(handle)

    def storage_root(self) -> tuple[Any, Any]:
        """The storage root key (an ECC primary of the owner hierarchy: the same key on every call to this TPM)."""
        if self._srk is None:
            t = self._t
            empty, owner = t.TPM2B_SENSITIVE_CREATE(), t.ESYS_TR.OWNER
            handle, public, *_ = self._call(self._ectx.create_primary, empty, _srk_template(t), owner)
            self._srk, self._srk_public = self._track(handle), public
        return self._srk, self._srk_public

    def _load(self, blob: TpmBlob) -> Any:
        t = self._t
        parent, _ = self.storage_root()
        try:
            public, _ = t.TPM2B_PUBLIC.unmarshal(blob.public)
            private, _ = t.TPM2B_PRIVATE.unmarshal(blob.private)
            return self._track(self._ectx.load(parent, private, public))
        except t.TSS2_Exception:
            raise PlatformRefused("platform.blob_bad") from None

    @contextmanager
    def policy_session(self, policy: PcrPolicy) -> Iterator[Any]:
        """A policy session that has run TPM2_PolicyPCR over the policy's PCRs (the TPM reads their values itself)."""
        t = self._t
        session = self._track(
            self._call(
                self._ectx.start_auth_session,
                t.ESYS_TR.NONE,
                t.ESYS_TR.NONE,
                t.TPM2_SE.POLICY,
                t.TPMT_SYM_DEF(algorithm=t.TPM2_ALG.NULL),
                t.TPM2_ALG.SHA256,
            )
        )
        try:
            self._call(self._ectx.policy_pcr, session, b"", _selection(t, policy))
            yield session
        finally:
            self._forget(session)

    def seal(self, secret: bytes, policy: PcrPolicy) -> TpmBlob:
        """`secret` (at most 128 bytes: a key, a wrapping key) sealed so that only `unseal` under `policy` opens it."""
        t = self._t
        parent, _ = self.storage_root()
        attributes = t.TPMA_OBJECT.FIXEDTPM | t.TPMA_OBJECT.FIXEDPARENT | t.TPMA_OBJECT.NODA
        public = t.TPM2B_PUBLIC(
            publicArea=t.TPMT_PUBLIC(
                type=t.TPM2_ALG.KEYEDHASH,
                nameAlg=t.TPM2_ALG.SHA256,
                objectAttributes=attributes,
                authPolicy=policy.digest(),
                parameters=t.TPMU_PUBLIC_PARMS(
                    keyedHashDetail=t.TPMS_KEYEDHASH_PARMS(scheme=t.TPMT_KEYEDHASH_SCHEME(scheme=t.TPM2_ALG.NULL))
                ),
            )
        )
        sensitive = t.TPM2B_SENSITIVE_CREATE(t.TPMS_SENSITIVE_CREATE(data=t.TPM2B_SENSITIVE_DATA(secret)))
        private, public_out, *_ = self._call(self._ectx.create, parent, sensitive, public)
        return TpmBlob(public_out.marshal(), private.marshal())

    def unseal(self, blob: TpmBlob, policy: PcrPolicy) -> bytes:
        """The sealed secret back, or `PlatformRefused` if the PCRs no longer hold the policy's values."""
        handle = self._load(blob)
        try:
            with self.policy_session(policy) as session:
                return bytes(self._call(self._ectx.unseal, handle, session1=session))
        finally:
            self._forget(handle)

    def import_key(self, key: PrivateKey, policy: PcrPolicy) -> TpmBlob:
        """The bureau's ECC P-256 key wrapped by this TPM; signing with it needs `policy` (no password works)."""
        if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
            raise PlatformRefused("platform.key_unsupported")
        from tpm2_pytss.utils import wrap

        t = self._t
        parent, parent_public = self.storage_root()
        der = pki.private_key_der(key)
        sha256 = t.TPMS_SCHEME_HASH(hashAlg=t.TPM2_ALG.SHA256)
        scheme = t.TPMT_ASYM_SCHEME(scheme=t.TPM2_ALG.ECDSA, details=t.TPMU_ASYM_SCHEME(anySig=sha256))
        public = t.TPM2B_PUBLIC.from_pem(der, objectAttributes=t.TPMA_OBJECT.SIGN_ENCRYPT, scheme=scheme)
        public.publicArea.authPolicy = policy.digest()
        sensitive = t.TPM2B_SENSITIVE.from_pem(der)
        encryption_key, duplicate, seed = wrap(parent_public.publicArea, public, sensitive)
        no_inner = t.TPMT_SYM_DEF_OBJECT(algorithm=t.TPM2_ALG.NULL)
        private = self._call(self._ectx.import_, parent, encryption_key, public, duplicate, seed, no_inner)
        return TpmBlob(public.marshal(), private.marshal())

    def signer(
        self, blob: TpmBlob, certificate: x509.Certificate, chain: Sequence[x509.Certificate], policy: PcrPolicy
    ) -> TpmSigner:
        """A `Signer` over an imported key; the key stays loaded until this connection closes."""
        try:
            public, _ = self._t.TPM2B_PUBLIC.unmarshal(blob.public)
            matches = public.to_pem() == public_key_pem(certificate)
        except (ValueError, TypeError, self._t.TSS2_Exception):
            matches = False
        if not matches:
            raise PlatformRefused("platform.key_mismatch")
        return TpmSigner(self, self._load(blob), certificate, tuple(chain), policy)

    def _call(self, command: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one TPM command; a refusal of the policy is a changed state, any other failure the TPM's."""
        try:
            return command(*args, **kwargs)
        except self._t.TSS2_Exception as exc:
            if exc.error in (self._t.TPM2_RC.POLICY_FAIL, self._t.TPM2_RC.VALUE):
                raise PlatformRefused("platform.state_changed") from None
            raise PlatformRefused("platform.tpm_failed") from None

    def _sign_digest(self, key: Any, digest: bytes, policy: PcrPolicy) -> bytes:
        t = self._t
        ticket = t.TPMT_TK_HASHCHECK(tag=t.TPM2_ST.HASHCHECK, hierarchy=t.TPM2_RH.NULL)
        with self.policy_session(policy) as session:
            signature = self._call(
                self._ectx.sign, key, digest, t.TPMT_SIG_SCHEME(scheme=t.TPM2_ALG.NULL), ticket, session1=session
            )
        r = int.from_bytes(bytes(signature.signature.ecdsa.signatureR), "big")
        s = int.from_bytes(bytes(signature.signature.ecdsa.signatureS), "big")
        return encode_dss_signature(r, s)


def _selection(t: Any, policy: PcrPolicy) -> Any:
    return t.TPML_PCR_SELECTION.parse(f"{BANK}:" + ",".join(str(i) for i in policy.indices))


def _selected(selection: Any, index: int) -> bool:
    for bank in selection:
        if int(bank.hash) == int(_tss().TPM2_ALG.SHA256) and bank.pcrSelect[index // 8] & (1 << (index % 8)):
            return True
    return False


class TpmSigner:
    """The `Signer` port over a bureau key held by the TPM: SHA-256 here, ECDSA there, under the PCR policy."""

    def __init__(
        self,
        tpm: Tpm,
        key: Any,
        certificate: x509.Certificate,
        chain: tuple[x509.Certificate, ...],
        policy: PcrPolicy,
    ) -> None:
        self._tpm, self._key, self._policy = tpm, key, policy
        self._certificate, self._chain = certificate, chain

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self._chain

    def sign(self, data: bytes) -> bytes:
        """A DER ECDSA signature over SHA-256(data); `PlatformRefused` once the measured state has changed."""
        return self._tpm._sign_digest(self._key, hashlib.sha256(data).digest(), self._policy)


# --- A TPM in memory, for tests of the callers ---


class FakeTpm:
    """The surface of `Tpm` in memory: PCRs that extend like real ones, policies that hold or not.

    Sealed and imported objects are kept in this process only; signing uses the key with `cryptography`.
    """

    def __init__(self, pcrs: Mapping[int, bytes] | None = None) -> None:
        self.pcrs: dict[int, bytes] = {index: bytes(DIGEST_SIZE) for index in range(24)}
        self.pcrs.update(pcrs or {})
        self._objects: dict[bytes, tuple[bytes, object]] = {}
        self.closed = False

    def __enter__(self) -> FakeTpm:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.closed = True

    def read_pcrs(self, indices: Iterable[int] = BOOT_PCRS) -> dict[int, bytes]:
        return {index: self.pcrs[index] for index in sorted(set(indices))}

    def extend(self, index: int, data: bytes) -> None:
        self.pcrs[index] = extended(self.pcrs[index], hashlib.sha256(data).digest())

    def current_policy(self, indices: Iterable[int] = BOOT_PCRS) -> PcrPolicy:
        return PcrPolicy.of(self.read_pcrs(indices))

    def _holds(self, policy: PcrPolicy) -> bool:
        return self.current_policy(policy.indices) == policy

    def _put(self, policy: PcrPolicy, payload: object) -> TpmBlob:
        handle = os.urandom(16)
        self._objects[handle] = (policy.digest(), payload)
        return TpmBlob(b"fake", handle)

    def _get(self, blob: TpmBlob, policy: PcrPolicy) -> object:
        stored = self._objects.get(blob.private)
        if stored is None:
            raise PlatformRefused("platform.blob_bad")
        digest, payload = stored
        if digest != policy.digest() or not self._holds(policy):
            raise PlatformRefused("platform.state_changed")
        return payload

    def seal(self, secret: bytes, policy: PcrPolicy) -> TpmBlob:
        return self._put(policy, bytes(secret))

    def unseal(self, blob: TpmBlob, policy: PcrPolicy) -> bytes:
        payload = self._get(blob, policy)
        assert isinstance(payload, bytes)
        return payload

    def import_key(self, key: PrivateKey, policy: PcrPolicy) -> TpmBlob:
        if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
            raise PlatformRefused("platform.key_unsupported")
        return self._put(policy, key)

    def signer(
        self, blob: TpmBlob, certificate: x509.Certificate, chain: Sequence[x509.Certificate], policy: PcrPolicy
    ) -> FakeTpmSigner:
        key = self._objects[blob.private][1] if blob.private in self._objects else None
        if not isinstance(key, ec.EllipticCurvePrivateKey) or not pki.key_matches_certificate(key, certificate):
            raise PlatformRefused("platform.key_mismatch")
        return FakeTpmSigner(self, blob, certificate, tuple(chain), policy)


@dataclass(frozen=True)
class FakeTpmSigner:
    """`TpmSigner` over a `FakeTpm`: refuses like the real one once a PCR of its policy has moved."""

    tpm: FakeTpm
    blob: TpmBlob
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    policy: PcrPolicy

    def sign(self, data: bytes) -> bytes:
        key = self.tpm._get(self.blob, self.policy)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return key.sign(data, ec.ECDSA(hashes.SHA256()))


# --- Reading the machine ---


def measure(
    tpm: Tpm | FakeTpm, *, software_version: str, cmdline: str, indices: Iterable[int] = BOOT_PCRS
) -> Measurement:
    """The measurement of this appliance: its PCRs as the TPM reports them and the system hash it booted with."""
    values = tpm.read_pcrs(indices)
    return Measurement(
        software_version, system_hash_from_cmdline(cmdline), {i: v.hex() for i, v in values.items()}, Mode.TPM
    )


def public_key_pem(certificate: x509.Certificate) -> bytes:
    """The certificate's public key as PEM (to compare with what the TPM holds)."""
    return certificate.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def read_measurement(
    software_version: str, env: Mapping[str, str] | None = None, cmdline_path: str = "/proc/cmdline"
) -> Measurement:
    """This machine's measurement: with the TPM named by `TABULA_TPM` (the image sets it), else development mode.

    Development mode is chosen by the absence of `TABULA_TPM`, never as a fallback: once a TPM is named, a TPM that
    cannot be reached is a `PlatformRefused` for the helpdesk.
    """
    tcti = (os.environ if env is None else env).get("TABULA_TPM", "")
    if not tcti:
        return development_measurement(software_version)
    with open(cmdline_path, encoding="utf-8") as file:
        cmdline = file.read()
    with Tpm(tcti) as tpm:
        return measure(tpm, software_version=software_version, cmdline=cmdline)


def read_expected(path: str = EXPECTED_PATH, release_cert_path: str = RELEASE_CERT_PATH) -> Expected:
    """The image's expected values (`path`, its signature at `path` + ".sig"), checked with the release certificate."""
    try:
        with open(path, "rb") as file:
            data = file.read()
        with open(path + ".sig", "rb") as file:
            signature = file.read()
        with open(release_cert_path, "rb") as file:
            certificate = pki.load_certificate(file.read())
    except OSError:
        raise PlatformRefused("platform.expected_missing") from None
    except UntrustedData:
        raise PlatformRefused("platform.expected_bad") from None
    return load_expected(data, signature, certificate)


@functools.cache
def current_measurement() -> Measurement:
    """This process's measurement, read once: with a TPM, checked against the image's signed expected values.

    Raises `PlatformRefused` (not cached, so the next call tries again) when a named TPM cannot be read or the
    measured state is not the approved one; development mode never raises.
    """
    measurement = read_measurement(app.__version__)
    if measurement.mode is Mode.TPM:
        check_expected(measurement, read_expected())
    return measurement
