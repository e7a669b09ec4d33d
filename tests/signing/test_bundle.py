"""The bureau bundle (P2): AEAD under a password-derived key, bound to its bureau."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import BadInput, UntrustedData
from app.signing import bundle

PASSWORD = "7K2QD-M9XHB-4TVW0-PZ3NE"
CHEAP = bundle.CHEAP_KDF


def sealed(payload: bytes = b"secret payload", station: str = "A-001") -> bytes:
    return bundle.seal(station, payload, PASSWORD, CHEAP)


def test_round_trip() -> None:
    assert bundle.open_bundle(sealed(), "A-001", PASSWORD) == b"secret payload"


def test_header_records_kdf_parameters_and_binds_the_station() -> None:
    header = json.loads(sealed().split(b"\n", 1)[0])
    assert header["station"] == "A-001"
    assert header["kdf"] == {
        "name": "argon2id",
        "memory_kib": 8,
        "iterations": 1,
        "lanes": 1,
        "salt": header["kdf"]["salt"],
    }
    assert header["cipher"] == "AES-256-GCM"
    assert bundle.bundle_station(sealed()) == "A-001"


def test_real_parameters_are_the_documented_ones() -> None:
    assert (bundle.REAL_KDF.memory_kib, bundle.REAL_KDF.iterations, bundle.REAL_KDF.lanes) == (65536, 2, 1)


@pytest.mark.parametrize("typed", ["7k2qd m9xhb 4tvw0 pz3ne", "7K2QDM9XHB4TVW0PZ3NE", " 7K2QD-M9XHB-4TVWO-PZ3NE "])
def test_typing_variants_of_the_password_are_accepted(typed: str) -> None:
    assert bundle.open_bundle(sealed(), "A-001", typed) == b"secret payload"


def test_confusable_letters_are_read_as_digits() -> None:
    assert bundle.normalise_password("o0-iL1 ") == "00111"


def test_wrong_password_is_bad_input() -> None:
    with pytest.raises(BadInput) as caught:
        bundle.open_bundle(sealed(), "A-001", "7K2QD-M9XHB-4TVW0-PZ3NF")
    assert caught.value.key == "auth.wrong_password"


def test_bundle_of_another_station_is_untrusted() -> None:
    with pytest.raises(UntrustedData) as caught:
        bundle.open_bundle(sealed(station="B-001"), "A-001", PASSWORD)
    assert caught.value.key == "bundle.wrong_station"


def _kdf(**changes: object) -> dict[str, object]:
    return {"name": "argon2id", "memory_kib": 8, "iterations": 1, "lanes": 1, "salt": "AA"} | changes


def _rewrite_header(data: bytes, **changes: object) -> bytes:
    raw, rest = data.split(b"\n", 1)
    header = json.loads(raw) | changes
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n" + rest


def test_relabelled_bundle_fails_authentication() -> None:
    forged = _rewrite_header(sealed(station="B-001"), station="A-001")
    with pytest.raises(UntrustedData) as caught:
        bundle.open_bundle(forged, "A-001", PASSWORD)
    assert caught.value.key == "bundle.damaged"


def test_flipped_ciphertext_byte_is_untrusted() -> None:
    data = bytearray(sealed())
    data[-5] ^= 0x01
    with pytest.raises(UntrustedData):
        bundle.open_bundle(bytes(data), "A-001", PASSWORD)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: d.index(b"\n")],  # no ciphertext
        lambda d: d[: d.index(b"\n") + 10],  # shorter than a tag
        lambda d: b"{not json\n" + d.split(b"\n", 1)[1],
        lambda d: _rewrite_header(d, format="other/9"),
        lambda d: _rewrite_header(d, nonce="AAAA"),
        lambda d: _rewrite_header(d, kdf=_kdf(salt="AA==")),
        lambda d: _rewrite_header(d, kdf=_kdf(memory_kib=2**40)),
        lambda d: _rewrite_header(d, kdf=_kdf(iterations=10**6)),
        lambda d: _rewrite_header(d, kdf=_kdf(name="scrypt")),
        lambda d: _rewrite_header(d, check="!!"),
    ],
    ids=[
        "header only",
        "truncated",
        "header not json",
        "format",
        "nonce",
        "short salt",
        "huge memory",
        "many passes",
        "kdf",
        "base64",
    ],
)
def test_damaged_bundles_are_untrusted(damage: object) -> None:
    assert callable(damage)
    with pytest.raises(UntrustedData) as caught:
        bundle.open_bundle(damage(sealed()), "A-001", PASSWORD)
    assert caught.value.key == "bundle.damaged"


def test_kdf_parameters_are_range_checked() -> None:
    with pytest.raises(ValueError):
        bundle.KdfParams(memory_kib=4)
    with pytest.raises(ValueError):
        bundle.KdfParams(iterations=0)


@settings(max_examples=25, deadline=None)
@given(payload=st.binary(max_size=2000), password=st.text(alphabet=bundle.PASSWORD_ALPHABET, min_size=1, max_size=24))
def test_any_payload_round_trips(payload: bytes, password: str) -> None:
    data = bundle.seal("S-1", payload, password, CHEAP)
    assert bundle.open_bundle(data, "S-1", password.lower()) == payload


@pytest.mark.parametrize(
    "forged",
    [b'"memory_kib":1e400', b'"memory_kib":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'],
)
def test_a_forged_header_is_a_damaged_bundle_not_an_internal_error(forged: bytes) -> None:
    import re

    sealed = bundle.seal("A-1", b"payload", "PASSWORD", bundle.CHEAP_KDF)
    header, _, rest = sealed.partition(b"\n")
    header = re.sub(rb'"memory_kib":\d+', forged, header)
    with pytest.raises(UntrustedData):
        bundle.open_bundle(header + b"\n" + rest, "A-1", "PASSWORD")
