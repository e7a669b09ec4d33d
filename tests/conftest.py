"""Shared fixtures: a throwaway PKI, realistic elections from the official 2024 data."""

from __future__ import annotations

import datetime as dt
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from app.signing import pki
from app.signing.bundle import CHEAP_KDF
from app.signing.signer import KeySigner

# The test PKI is made a day before today, so its certificates are valid whenever the tests run.
NOW = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0) - dt.timedelta(days=1)


class TestPki:
    """Root, issuing CA and a signer per bureau id, made once per test session."""

    __test__ = False  # a helper, not a test class

    def __init__(self) -> None:
        self.root = pki.make_root_ca(NOW)
        self.issuing = pki.make_issuing_ca(self.root, NOW)
        self._signers: dict[str, KeySigner] = {}

    def signer(self, station_id: str) -> KeySigner:
        if station_id not in self._signers:
            station = pki.make_station_certificate(self.issuing, station_id, NOW)
            self._signers[station_id] = KeySigner(
                station.key, station.certificate, (station.certificate, self.issuing.certificate)
            )
        return self._signers[station_id]


@pytest.fixture(autouse=True)
def cheap_ca_key_sealing(monkeypatch: pytest.MonkeyPatch) -> None:
    """CA keys are sealed with a 2-second Argon2id; tests use the cheapest parameters (one test checks the real)."""
    monkeypatch.setattr("app.signing.keyfile.CA_KDF", CHEAP_KDF)


@pytest.fixture(scope="session")
def test_pki() -> TestPki:
    return TestPki()
