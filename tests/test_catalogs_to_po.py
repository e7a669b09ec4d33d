"""The converter from the dict catalogues to gettext (scripts/catalogs_to_po.py), kept until the dicts are gone."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs_to_po", ROOT / "scripts" / "catalogs_to_po.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


converter = load_converter()


def write_catalogue(folder: Path, domain: str, body: str) -> None:
    (folder / f"catalog_{domain}.py").write_text(f'"""Test messages."""\n\nMESSAGES = {body}\n', encoding="utf-8")


def test_conversion_is_deterministic_and_keeps_each_catalogue_s_order(tmp_path: Path) -> None:
    write_catalogue(
        tmp_path,
        "b",
        '{"b.z": {"nl": "Z {n}", "fr": "Zf {n}", "de": "Zd {n}"}, "b.a": {"nl": "A", "fr": "Af", "de": "Ad"}}',
    )
    write_catalogue(tmp_path, "a", '{"a.only": {"nl": "Een", "fr": "Un", "de": "Eins"}}')
    entries = converter.load_entries(tmp_path)
    assert [(e.key, e.domain) for e in entries] == [("a.only", "a"), ("b.z", "b"), ("b.a", "b")]
    first = dict(converter.po_files(entries))
    assert first == dict(converter.po_files(converter.load_entries(tmp_path)))
    french = first[Path("fr", "LC_MESSAGES", "tabula.po")].decode()
    assert '#. domain: b\n#. NL: Z {n}\nmsgid "b.z"\nmsgstr "Zf {n}"' in french
    dutch = first[Path("nl", "LC_MESSAGES", "tabula.po")].decode()
    assert '#. domain: b\nmsgid "b.z"\nmsgstr "Z {n}"' in dutch and "fuzzy" not in dutch


@pytest.mark.parametrize(
    ("catalogues", "says"),
    [
        ({"a": '{"x.y": {"nl": "Ja", "fr": "Oui", "de": "Ja"}}', "b": '{"x.y": {"nl": "Ja", "fr": "Oui", "de": "Ja"}}'},
         "x.y is defined in catalog_a.py and in catalog_b.py"),
        ({"a": '{"x.y": {"nl": "Ja", "fr": " ", "de": "Ja"}}'}, "x.y in catalog_a.py has no text in fr: add it"),
        ({"a": '{"x.y": {"nl": "Ja", "fr": "Oui"}}'}, "x.y in catalog_a.py has no text in de: add it"),
        ({}, "the .po files are the source now"),
    ],
)  # fmt: skip
def test_a_catalogue_that_cannot_be_converted_is_named_with_the_fix(
    tmp_path: Path, catalogues: dict[str, str], says: str
) -> None:
    for domain, body in catalogues.items():
        write_catalogue(tmp_path, domain, body)
    with pytest.raises(converter.CatalogueError, match=says):
        converter.load_entries(tmp_path)


def test_main_refuses_without_writing_when_a_catalogue_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert converter.main(tmp_path, tmp_path / "locale") == 2
    assert "source now" in capsys.readouterr().err and not (tmp_path / "locale").exists()


def test_main_writes_and_compiles_the_catalogues(tmp_path: Path) -> None:
    write_catalogue(tmp_path, "a", '{"a.hello": {"nl": "Dag {name}", "fr": "Bonjour {name}", "de": "Hallo {name}"}}')
    assert converter.main(tmp_path, tmp_path / "locale") == 0
    with (tmp_path / "locale" / "de" / "LC_MESSAGES" / "tabula.mo").open("rb") as mo:
        assert gettext.GNUTranslations(mo).gettext("a.hello") == "Hallo {name}"
    assert (tmp_path / "locale" / "tabula.pot").read_text().count('msgstr ""') == 2  # the header and the one entry
