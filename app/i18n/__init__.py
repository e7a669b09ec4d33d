"""Translations for every user-facing string, in NL, FR and DE (requirement U1).

The texts live in gettext catalogues, one domain `tabula`: `locale/<language>/LC_MESSAGES/tabula.po`, the files
translators edit (Poedit, Weblate), compiled into the `.mo` files read here with the standard library. The message
ids are the keys the code uses (`translate("ui.login.title", language)`); messages are `str.format` templates over
named parameters. Error messages say what happened and what to do next; who can fix it comes from the error's
`Fixer`. How to add or change a text: docs/translations.md.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache
from importlib import resources

from app.errors import Fixer, TabulaError

LANGUAGES = ("nl", "fr", "de")
SOURCE_LANGUAGE = "nl"  # the language the texts are written in first; the others fall back to it
DOMAIN = "tabula"


class _CompiledCatalogue(gettext.GNUTranslations):
    """The standard library's reader of a `.mo` file, which can also list what it holds."""

    def messages(self) -> dict[str, str]:
        # GNUTranslations keeps the parsed messages in `_catalog`; "" is the catalogue's header, not a message.
        parsed: dict[str, str] = vars(self)["_catalog"]
        return {key: text for key, text in parsed.items() if key}


def _read_compiled(language: str) -> dict[str, str]:
    path = resources.files(__package__) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as compiled:
        return _CompiledCatalogue(compiled).messages()


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Every message: {key: {language: text}}, with only the languages that really translate it."""
    merged: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        for key, text in _read_compiled(language).items():
            merged.setdefault(key, {})[language] = text
    return merged


def translate(key: str, language: str, /, **params: object) -> str:
    """The message `key` in `language`, with its parameters filled in.

    An unknown key falls back to the key itself so a missing translation never crashes the kiosk; the test suite
    makes sure no key is missing. A text missing in one language falls back to the Dutch source.
    """
    texts = catalogue().get(key)
    if texts is None:
        return key
    template = texts.get(language) or texts.get(SOURCE_LANGUAGE) or key
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
