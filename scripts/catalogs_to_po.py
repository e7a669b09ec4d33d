#!/usr/bin/env python3
"""Convert the Python dict catalogues (`app/i18n/catalog_*.py`) into the gettext catalogues, and compile them.

Writes `app/i18n/locale/tabula.pot` and `app/i18n/locale/{nl,fr,de}/LC_MESSAGES/tabula.po`, then compiles each
`.po` into its `.mo` exactly as `pybabel compile -d app/i18n/locale -D tabula` does. Deterministic: the same
catalogues give the same bytes (fixed header dates, entries grouped by former catalogue in name order, each
catalogue's own order kept), so running it again on an unchanged tree changes nothing.

Temporary: it exists for the move to gettext. Once the `catalog_*.py` files are deleted, the `.po` files are the
source (see docs/translations.md) and this script goes too.

Usage (from anywhere, with the project's venv, which has Babel):  .venv/bin/python scripts/catalogs_to_po.py
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "app" / "i18n"
LOCALE_DIR = I18N / "locale"
DOMAIN = "tabula"
LANGUAGES = ("nl", "fr", "de")
SOURCE_LANGUAGE = "nl"
# A fixed date keeps the output deterministic; gettext tools only display it.
HEADER_DATE = datetime(2026, 11, 30, tzinfo=UTC)
HEADER_COMMENT = """\
# Tabula: every user-facing text of the counting-station appliance.
# The message ids are the keys the code uses (e.g. ui.login.title), not
# English: the Dutch source text is in the nl catalogue and in the "NL:"
# comment of each entry. Use the official terms of the project's glossary.
# Keep every {placeholder} exactly as written: the program fills it in.
# How to translate and compile: docs/translations.md.
#"""


@dataclass(frozen=True)
class Entry:
    """One message: its key, the former catalogue it comes from, and its text per language."""

    key: str
    domain: str
    texts: Mapping[str, str]


class CatalogueError(Exception):
    """A dict catalogue that cannot be converted as it stands; the message names the key and the fix."""


def load_entries(i18n: Path = I18N) -> list[Entry]:
    """Every message of every `catalog_<domain>.py`, domains in name order, each catalogue in its own order."""
    paths = sorted(i18n.glob("catalog_*.py"))
    if not paths:  # after the cutover: converting nothing would empty every catalogue
        raise CatalogueError(f"no catalog_*.py in {i18n}: the .po files are the source now (docs/translations.md)")
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for path in paths:
        domain = path.stem.removeprefix("catalog_")
        for key, texts in _messages_of(path).items():
            if key in seen:
                raise CatalogueError(f"{key} is defined in catalog_{seen[key]}.py and in {path.name}: keep one")
            missing = [lang for lang in LANGUAGES if not str(texts.get(lang, "")).strip()]
            if missing:
                raise CatalogueError(f"{key} in {path.name} has no text in {', '.join(missing)}: add it")
            seen[key] = domain
            entries.append(Entry(key, domain, {lang: texts[lang] for lang in LANGUAGES}))
    return entries


def _messages_of(path: Path) -> Mapping[str, Mapping[str, str]]:
    # Loaded from the file, not as app.i18n.<module>, so the converter does not depend on the runtime package.
    spec = importlib.util.spec_from_file_location(f"_tabula_catalogue_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    messages: Mapping[str, Mapping[str, str]] = module.MESSAGES
    return messages


def build_catalog(entries: list[Entry], language: str | None) -> Catalog:
    """The template (`language=None`) or one language's catalogue, with the translators' comments."""
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=HEADER_COMMENT,
        project="Tabula",
        version="1",
        msgid_bugs_address="the Tabula helpdesk",
        creation_date=HEADER_DATE,
        revision_date=HEADER_DATE,
        last_translator="Tabula team",
        language_team=f"Tabula {language.upper()}" if language else "Tabula",
        fuzzy=False,
    )
    for entry in entries:
        comments = [f"domain: {entry.domain}"]
        if language != SOURCE_LANGUAGE:  # the source text, for the template and for a translator of FR or DE
            comments.append(f"NL: {entry.texts[SOURCE_LANGUAGE]}")
        # No python-brace-format flag: Babel derives it from the msgid (here a key) and drops it on every read.
        # The tests check the {placeholders} instead; Weblate can be told to check them per component.
        text = entry.texts[language] if language else ""
        catalog.add(entry.key, text, auto_comments=comments)
    return catalog


def po_files(entries: list[Entry]) -> Iterator[tuple[Path, bytes]]:
    """Each file to write (relative to the locale folder) with its content."""
    yield Path(f"{DOMAIN}.pot"), _po_bytes(build_catalog(entries, None))
    for language in LANGUAGES:
        yield Path(language, "LC_MESSAGES", f"{DOMAIN}.po"), _po_bytes(build_catalog(entries, language))


def _po_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog)  # width 76, as pybabel update writes it
    return out.getvalue()


def compile_mo(locale_dir: Path) -> None:
    """Compile every `.po` of the domain into its `.mo`: the documented `pybabel compile` command itself."""
    if CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(locale_dir), "-D", DOMAIN]):
        raise CatalogueError(f"pybabel compile found errors in {locale_dir}: fix the .po files it names")


def main(i18n: Path = I18N, locale_dir: Path = LOCALE_DIR) -> int:
    try:
        entries = load_entries(i18n)
        for relative, content in po_files(entries):
            target = locale_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        compile_mo(locale_dir)
    except CatalogueError as error:
        print(f"catalogs_to_po: {error}", file=sys.stderr)
        return 2
    print(f"catalogs_to_po: {len(entries)} messages in {', '.join(LANGUAGES)} -> {locale_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
