"""Every message key the EML and XML-DSig code raises has a text in NL, FR and DE (U1)."""

from __future__ import annotations

import re
from pathlib import Path

from app.i18n import LANGUAGES, catalogue, translate

APP = Path(__file__).resolve().parents[2] / "app"
SOURCES = [*sorted((APP / "eml").glob("*.py")), APP / "signing" / "xmldsig.py"]


def test_every_raised_key_is_translated() -> None:
    keys = {k for path in SOURCES for k in re.findall(r'"((?:eml|xmldsig)\.[a-z_]+)"', path.read_text())}
    assert len(keys) > 15
    for key in sorted(keys):
        assert key in catalogue(), key
        for language in LANGUAGES:
            assert translate(key, language, ballot="1/2", station="A-1", certificate="A-2") != key
