"""Every user-facing text exists in NL, FR and DE, with the same parameters; every key the code uses has a text; the
gettext catalogues are clean for translators' tools and the compiled `.mo` files are exactly what the `.po` give."""

from __future__ import annotations

import ast
import fnmatch
import re
import shutil
import string
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import app.i18n
from app.errors import BadInput, Fixer, UntrustedData
from app.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE, catalogue, describe_error, translate
from app.seclog import EventType
from tests.i18n_domains import domains, messages_of

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "app" / "i18n" / "locale"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"


def po_path(language: str, suffix: str = "po") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.{suffix}"


def read(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- every message in every language ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_exists_in_every_language_with_the_same_parameters(key: str) -> None:
    texts = catalogue()[key]
    assert set(LANGUAGES) <= set(texts), f"{key} lacks a language"
    assert all(texts[lang].strip() for lang in LANGUAGES)
    assert fields(texts["nl"]) == fields(texts["fr"]) == fields(texts["de"]), key


def test_catalogue_is_read_from_the_compiled_files_of_the_package() -> None:
    assert len(catalogue()) > 900
    assert translate("fixer.helpdesk", "de") == "(Rufen Sie den Helpdesk an.)"
    assert translate("demo.login", "fr", station="A-001", password="pw") == (
        "Démo : connectez-vous comme bureau A-001 avec le mot de passe pw."
    )


# --- every key the code uses has a text ------------------------------------------------------------------------------


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


KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
# Literals shaped like keys that are not message keys: files on the stick, and security-log event names (their
# display names are the keys seclog.event.<name>, checked in tests/test_seclog.py).
NOT_KEYS = {"master.json", "master.sig", "pv.pdf"} | {event.value for event in EventType}


def key_literals() -> Iterator[tuple[str, str, bool]]:
    """(literal, where, is the start of an f-string) for every string in app/ and provisioning/ shaped like a key of
    a known domain. Read from the syntax tree, so a key passed to any function (translate, t, show_key, an error)
    or kept in data (check rules, steps) is found, and both branches of `"a" if x else "b"` are seen."""
    domains = {key.split(".")[0] for key in catalogue()}
    for folder in ("app", "provisioning"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            f_string_parts = {
                id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values[:1]
            }
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                    continue
                literal = node.value
                if literal.split(".")[0] in domains and literal not in NOT_KEYS:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    if id(node) in f_string_parts and "." in literal:
                        yield literal, where, True
                    elif KEY_SHAPE.fullmatch(literal):
                        yield literal, where, False


def test_every_key_written_in_the_code_has_a_text() -> None:
    found = list(key_literals())
    missing = [(literal, where) for literal, where, prefix in found if not prefix and literal not in catalogue()]
    assert len(found) > 700  # the scan sees the code's keys (about 750 today)
    assert not missing


def test_every_key_built_in_the_code_starts_a_family_of_texts() -> None:
    # f"definition.unknown_{kind}": at least one text must start so; which ones exist is each area's own test
    prefixes = [(literal, where) for literal, where, prefix in key_literals() if prefix]
    assert prefixes
    assert not [(p, where) for p, where in prefixes if not any(key.startswith(p) for key in catalogue())]


# --- what the kiosk does with a missing text or a wrong parameter ---------------------------------------------------


def test_unknown_key_falls_back_to_the_key_and_a_missing_parameter_does_not_crash() -> None:
    assert translate("no.such.key", "nl") == "no.such.key"
    assert "{mark}" in translate("ballot.unknown_mark", "fr")


def test_text_missing_in_one_language_falls_back_to_the_dutch_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.i18n, "catalogue", lambda: {"x.partly": {"nl": "Alleen {n} in het Nederlands"}})
    assert translate("x.partly", "de", n=2) == "Alleen 2 in het Nederlands"


@given(
    key=st.sampled_from(sorted(catalogue())),
    language=st.sampled_from(LANGUAGES),
    params=st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.text(max_size=20) | st.integers()),
)
def test_translate_never_raises_whatever_the_parameters(key: str, language: str, params: Mapping[str, object]) -> None:
    assert isinstance(translate(key, language, **params), str)


def test_describe_error_says_who_can_fix_it() -> None:
    assert "helpdesk" in describe_error(UntrustedData("ballot.unknown_mark", mark="1:H"), "nl").lower()
    bureau = describe_error(BadInput("ballot.unknown_mark", mark="1:H"), "de")
    assert "1:H" in bureau and "Büro" in bureau
    assert BadInput("x").fixer is Fixer.BUREAU and str(BadInput("x", a=1)) == "x(a=1)"


# --- the gettext files, as Poedit, Weblate and msgfmt see them --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_file_parses_with_no_fuzzy_obsolete_or_empty_entry(language: str) -> None:
    catalog = read(po_path(language))
    assert str(catalog.locale) == language
    assert not catalog.fuzzy and not catalog.obsolete
    assert not [m.id for m in entries(catalog) if m.fuzzy or not m.string or m.context]


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_file_holds_exactly_the_template_s_keys(language: str) -> None:
    template = [m.id for m in entries(read(TEMPLATE))]
    assert len(template) == len(set(template))
    assert {m.id for m in entries(read(po_path(language)))} == set(template)
    assert not [m.id for m in entries(read(TEMPLATE)) if m.string]  # a template carries no translation


@pytest.mark.parametrize("path", [TEMPLATE, *(po_path(language) for language in LANGUAGES)], ids=lambda p: p.name)
def test_every_entry_names_its_former_domain(path: Path) -> None:
    unnamed = [
        m.id for m in entries(read(path)) if not m.auto_comments or not m.auto_comments[0].startswith("domain: ")
    ]
    assert not unnamed


@pytest.mark.parametrize("path", [TEMPLATE, po_path("fr"), po_path("de")], ids=lambda p: p.parent.parent.name)
def test_translators_see_the_current_dutch_source_text(path: Path) -> None:
    nl_texts = {m.id: m.string for m in entries(read(po_path(SOURCE_LANGUAGE)))}
    stale = []
    for message in entries(read(path)):
        shown = " ".join(message.auto_comments[1:]).removeprefix("NL: ")
        if shown.split() != nl_texts[message.id].split():  # comments are wrapped: compare the words
            stale.append(message.id)
    assert not stale, "update the NL: comment of these entries (docs/translations.md)"


def test_compiled_files_are_exactly_what_compiling_the_po_files_gives(tmp_path: Path) -> None:
    shutil.copytree(LOCALE, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    assert CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(tmp_path / "locale"), "-D", DOMAIN]) == 0
    stale = [
        language
        for language in LANGUAGES
        if (tmp_path / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()
        != po_path(language, "mo").read_bytes()
    ]
    assert not stale, "the .mo files are stale: run pybabel compile -d app/i18n/locale -D tabula"


def test_the_wheel_carries_every_catalogue() -> None:
    # the appliance installs the wheel: its package data must name every file under locale/
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    patterns = package_data["app.i18n"]
    files = [p.relative_to(LOCALE.parent).as_posix() for p in LOCALE.rglob("*") if p.is_file()]
    assert len(files) == 1 + 2 * len(LANGUAGES)
    assert not [f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)]


def test_every_message_belongs_to_a_domain_that_tests_can_ask_for() -> None:
    assert set(domains()) == set(catalogue())
    assert set(messages_of("common")) == {"fixer.bureau", "fixer.helpdesk", "ballot.unknown_mark"}
    assert messages_of("common")["fixer.bureau"] == catalogue()["fixer.bureau"]
