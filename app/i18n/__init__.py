"""Translations for every user-facing string, in NL, FR and DE (requirement U1).

Each domain keeps its own catalogue module (`app/i18n/catalog_<domain>.py`) holding a dict `MESSAGES`
{key: {"nl": ..., "fr": ..., "de": ...}}; messages are `str.format` templates over named parameters.
Error messages say what happened and what to do next; who can fix it comes from the error's `Fixer`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache

from app.errors import Fixer, TabulaError

LANGUAGES = ("nl", "fr", "de")


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """All messages of all domain catalogues; a key defined twice is a programming error."""
    merged: dict[str, Mapping[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("catalog_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key} defined twice")
            merged[key] = texts
    return merged


def translate(key: str, language: str, /, **params: object) -> str:
    """The message `key` in `language`, with its parameters filled in.

    An unknown key falls back to the key itself so a missing translation never crashes the kiosk; the test suite
    makes sure no key is missing.
    """
    texts = catalogue().get(key)
    if texts is None:
        return key
    template = texts.get(language) or texts["nl"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def describe_error(error: TabulaError, language: str) -> str:
    """An error as one line for a user: the message, then who can fix it."""
    who = "fixer.helpdesk" if error.fixer is Fixer.HELPDESK else "fixer.bureau"
    text = translate(error.key, language, **error.params)
    detail = getattr(error, "detail", None)  # a refusal that explains itself with a second message (keys files)
    if detail is not None:
        text = f"{text} {translate(detail.key, language, **detail.params)}"
    return f"{text} {translate(who, language)}"
