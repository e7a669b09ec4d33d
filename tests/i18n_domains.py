"""The messages of one domain (the former `app/i18n/catalog_<domain>.py`), for tests that check one area's texts.

The domain of each message is the `domain:` comment of its entry in the gettext template."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from app.i18n import DOMAIN, catalogue

TEMPLATE = Path(__file__).resolve().parents[1] / "app" / "i18n" / "locale" / f"{DOMAIN}.pot"


@cache
def domains() -> Mapping[str, str]:
    """{key: domain} for every message of the template."""
    with TEMPLATE.open("rb") as template:
        return {
            m.id: m.auto_comments[0].removeprefix("domain: ")
            for m in read_po(template)
            if m.id and m.auto_comments and m.auto_comments[0].startswith("domain: ")
        }


def messages_of(domain: str) -> Mapping[str, Mapping[str, str]]:
    """{key: {language: text}} of the messages of `domain`, as `catalogue()` gives them."""
    return {key: texts for key, texts in catalogue().items() if domains().get(key) == domain}
