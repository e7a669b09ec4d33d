"""Every message key our modules raise or show exists in NL, FR and DE with the same parameters."""

from __future__ import annotations

import re
import string
from pathlib import Path

from app.i18n import catalogue
from tests.i18n_domains import messages_of

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "app" / "signing" / "pki.py",
    ROOT / "app" / "signing" / "bundle.py",
    ROOT / "app" / "election_json.py",
    ROOT / "app" / "station_login.py",
    *sorted((ROOT / "provisioning").glob("*.py")),
]
MESSAGES = messages_of("provisioning")
KEY = re.compile(r'"((?:import|ca|master|bundle|pki|copy|letters?|provision|auth)\.[a-z_.]+)"')


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_used_is_translated() -> None:
    used = {key for path in SOURCES for key in KEY.findall(path.read_text())} - {"master.json", "master.sig"}
    used |= {"auth.unknown_station", "auth.wrong_password"}  # built as f"auth.{reason}"
    missing = sorted(key for key in used if key not in catalogue())
    assert not missing


def test_translations_are_complete_and_consistent() -> None:
    for key, texts in MESSAGES.items():
        assert set(texts) == {"nl", "fr", "de"}, key
        assert _fields(texts["nl"]) == _fields(texts["fr"]) == _fields(texts["de"]), key


def test_every_election_has_a_name_for_the_letters() -> None:
    from app.counting.model import ElectionCode

    assert all(f"letter.election.{code.value}" in MESSAGES for code in ElectionCode)
