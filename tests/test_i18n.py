"""Every user-facing text exists in NL, FR and DE, with the same parameters, and every error key has a text."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from app.errors import BadInput, Fixer, UntrustedData
from app.i18n import LANGUAGES, catalogue, describe_error, translate

ROOT = Path(__file__).resolve().parents[1]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_exists_in_every_language_with_the_same_parameters(key: str) -> None:
    texts = catalogue()[key]
    assert set(LANGUAGES) <= set(texts), f"{key} lacks a language"
    assert all(texts[lang].strip() for lang in LANGUAGES)
    assert fields(texts["nl"]) == fields(texts["fr"]) == fields(texts["de"]), key


def error_keys_in_source() -> set[str]:
    pattern = re.compile(
        r"(?:BadInput|UntrustedData|StorageError|CountStateError|OpenDifferences|TabulaError)\(\s*\"([a-z_.0-9A-Z]+)\""
    )
    keys: set[str] = set()
    for folder in ("app", "provisioning"):
        for path in (ROOT / folder).rglob("*.py"):
            keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return keys


@pytest.mark.parametrize("key", sorted(error_keys_in_source()))
def test_every_error_raised_in_the_code_has_a_text(key: str) -> None:
    assert key in catalogue()


def test_unknown_key_falls_back_to_the_key_and_a_missing_parameter_does_not_crash() -> None:
    assert translate("no.such.key", "nl") == "no.such.key"
    assert "{mark}" in translate("ballot.unknown_mark", "fr")


def test_describe_error_says_who_can_fix_it() -> None:
    assert "helpdesk" in describe_error(UntrustedData("ballot.unknown_mark", mark="1:H"), "nl").lower()
    bureau = describe_error(BadInput("ballot.unknown_mark", mark="1:H"), "de")
    assert "1:H" in bureau and "Büro" in bureau
    assert BadInput("x").fixer is Fixer.BUREAU and str(BadInput("x", a=1)) == "x(a=1)"
