"""The proces-verbaal PDF: content per language (golden text), neutrality of the list tables, glyphs, sizes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
from functools import cache
from pathlib import Path
from xml.sax.saxutils import unescape

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import KeepTogether, Table

from app.counting.model import ElectionCode, Language
from app.i18n import catalogue
from app.platform.measurement import Provenance, development_measurement
from app.report import styles
from app.report.pv import ListTable, build_story, render_pv
from app.report.pv_data import Composition, PvData
from tests.reference import synthetic
from tests.report.sample import antwerp, brussels, pv_data

GOLDEN = Path(__file__).parent / "golden"
TRAINING = Provenance(development_measurement("0.1.0"), training=True)
REGENERATE = os.environ.get("TABULA_REGEN_GOLDEN") == "1"  # TABULA_REGEN_GOLDEN=1 pytest tests/report


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF as poppler's pdftotext lays it out."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@cache
def rendered(kind: str, language: Language) -> bytes:
    if kind == "training":
        return render_pv(antwerp(language, provenance=TRAINING))
    return render_pv(antwerp(language) if kind == "antwerp" else brussels(language))


def all_tables(data: PvData) -> list[Table]:
    found: list[Table] = []
    for flowable in build_story(data):
        inner = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
        found += [f for f in inner if isinstance(f, Table)]
    return found


@pytest.mark.parametrize("language", list(Language))
def test_pv_text_matches_golden_file(language: Language) -> None:
    text = pdf_text(rendered("antwerp", language))
    golden = GOLDEN / f"antwerp-{language.value}.txt"
    if REGENERATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", list(Language))
def test_training_pv_text_matches_golden_file(language: Language) -> None:
    text = pdf_text(rendered("training", language))
    golden = GOLDEN / f"antwerp-training-{language.value}.txt"
    if REGENERATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_same_input_gives_the_same_bytes() -> None:
    assert render_pv(antwerp()) == rendered("antwerp", Language.NL)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (Language.NL, ["Proces-verbaal van het stemopnemingsbureau", "Kieskring", "Bijzitter 1", "Stemcijfer",
                       "Kandidaat-opvolgers", "Controlegetal", "pagina 1 van 14", "pagina 14 van 14",
                       "Datum van de verkiezing", "9 juni 2024", "Kieskring                             Antwerpen"]),
        (Language.FR, ["Procès-verbal du bureau de dépouillement", "Circonscription électorale", "Assesseur 1",
                       "Chiffre électoral", "Candidats suppléants", "Nombre de contrôle", "page 14 sur 14",
                       "signe permettant d'identifier l'électeur", "Date de l'élection", "9 juin 2024", "Anvers"]),
        (Language.DE, ["Protokoll des Zählbüros", "Wahlkreis", "Beisitzer 1", "Wahlziffer", "Ersatzkandidaten",
                       "Kontrollzahl", "Seite 14 von 14", "Übertragen Sie diese Zahl", "Wahltag", "9. Juni 2024",
                       "Weiße oder ungültige Stimmzettel", "davon weiß", "Zählbürovorstand"]),
    ],
)  # fmt: skip
def test_labels_are_in_the_bureau_language(language: Language, words: list[str]) -> None:
    text = pdf_text(rendered("antwerp", language))
    for word in words:
        assert word in text


def test_sections_come_in_the_order_of_the_form() -> None:
    text = pdf_text(rendered("antwerp", Language.NL))
    titles = ["Kamer van volksvertegenwoordigers", "Samenstelling van het bureau", "Ontvangen en getelde",
              "Totalen", "Uitslag per lijst", "Lijst 1: VLAAMS BELANG", "Lijst 21: BELG.UNIE-BUB", "Controles",
              "Verschillen tussen eerste en tweede invoer", "Beslissingen van het bureau tegen beide invoeren",
              "Betwiste stembiljetten", "Opmerkingen", "Controlegetal", "SHA-256 over alle resultaatbestanden",
              "Handtekeningen"]  # fmt: skip
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions)


def test_accents_and_apostrophes_survive_text_extraction() -> None:
    text = pdf_text(rendered("antwerp", Language.NL))
    for name in ["Françoise Dupré-Ødegård", "Zoë Mertens", "Jürgen Weiß", "Noël D'Hondt", "Cœur O'Brien"]:
        assert name in text


@pytest.mark.parametrize("language", list(Language))
def test_every_character_printed_has_a_glyph_in_the_embedded_fonts(language: Language) -> None:
    styles.register_fonts()
    text = pdf_text(rendered("antwerp", language))
    texts = [text, *(m[language.value] for k, m in catalogue().items() if k.startswith("pv."))]
    chars = {c for t in texts for c in t if not c.isspace()}
    for font in (styles.REGULAR, styles.BOLD):
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        assert sorted(c for c in chars if ord(c) not in cmap) == []


def test_only_the_shipped_fonts_are_used_and_all_are_embedded() -> None:
    listing = subprocess.run(["pdffonts", "-"], input=rendered("antwerp", Language.FR), capture_output=True,
                             check=True).stdout.decode()  # fmt: skip
    rows = listing.splitlines()[2:]
    assert {r.split()[0].split("+")[-1] for r in rows} == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"}
    assert all(r.split()[-5:-2] == ["yes", "yes", "yes"] for r in rows)  # embedded, subset, unicode


def _row_style(table: Table, row: int) -> tuple[object, ...]:
    cells = table._cellStyles[row]
    return tuple((c.fontname, c.fontsize, c.leading, c.alignment, c.background) for c in cells)


def _typography(table: ListTable) -> tuple[object, ...]:
    """Column widths plus the cell styles of the rows before the candidates (title, SC, CE, totals, checks) and
    the first heading, and of all candidate rows."""
    fixed = tuple(_row_style(table, r) for r in range(table.head_rows + 1))
    rows = range(table.head_rows + 1, len(table._cellvalues))
    candidates = {_row_style(table, r) for r in rows if table._cellvalues[r][0]}
    paragraphs = {c.style.name for row in table._cellvalues for c in row if hasattr(c, "style")}
    return tuple(table._colWidths), fixed, frozenset(candidates), frozenset(paragraphs)


@pytest.mark.parametrize("data", [antwerp(), brussels()], ids=["antwerp", "brussels"])
def test_every_list_table_has_the_same_typography_and_size(data: PvData) -> None:
    tables = [t for t in all_tables(data) if isinstance(t, ListTable)]
    assert len(tables) == len(data.election.lists)
    reference = _typography(tables[0])
    assert all(_typography(t) == reference for t in tables)
    assert len(reference[2]) == 1  # one style for every candidate row


def test_lists_appear_in_official_order_with_every_candidate() -> None:
    data = antwerp()
    tables = [t for t in all_tables(data) if isinstance(t, ListTable)]
    for lst, table in zip(data.election.lists, tables, strict=True):
        assert unescape(table._cellvalues[0][0].text) == f"Lijst {lst.number}: {lst.name}"
        candidates = table._cellvalues[table.head_rows :]
        names = [unescape(c.text) for row in candidates for c in row[1:2] if hasattr(c, "text")]
        assert names == [c.name for c in (*lst.titulars, *lst.successors)]


def test_brussels_without_successors_has_17_lists_and_no_successor_rows() -> None:
    pdf = rendered("brussels", Language.FR)
    text = pdf_text(pdf)
    assert "Liste 17 : Lijst 17" in text
    assert "Kandidaat 17-T72 Dupré" in text
    for successors in ("Candidats suppléants", "Sous-catégorie 3", "Sous-catégorie 4", "SC3", "E.103", "ΣS"):
        assert successors not in text
    assert "Chiffre électoral (SC1 + SC2)" in text and "≥ SC2 = " in text
    assert re.search(r"page (\d+) sur \1", text)


def test_totals_show_blank_and_invalid_together_and_apart_with_causes() -> None:
    data = antwerp()
    text = pdf_text(rendered("antwerp", Language.NL))
    t = data.tally
    assert re.search(rf"Blanco of ongeldige stembiljetten\s+{t.blank_or_invalid}\b", text)
    assert re.search(rf"waarvan blanco\s+{t.blank}\b", text)
    assert re.search(rf"waarvan ongeldig\s+{t.invalid}\b", text)
    assert re.search(r"teken waardoor de kiezer herkenbaar is\s+3\b", text)


def test_empty_sections_say_none() -> None:
    data = pv_data(synthetic(ElectionCode.EU, 2, 3, 2), Language.DE, polling_stations=(), checks=(), overrules=(),
                   differences=(), contested=(), remarks=(), canton=None, files=())  # fmt: skip
    text = pdf_text(render_pv(data))
    assert text.count("Keine.") == 5  # polling stations, checks, differences, contested ballots, remarks
    assert "gegen beide Eingaben" not in text  # the overrules section only when there are overrules
    assert "Wahlkollegium" in text
    assert "Wahlkanton" not in text
    assert "Wahltag" not in text  # a master built without --election-date


def test_unnamed_members_get_a_line_to_write_on() -> None:
    data = antwerp(composition=Composition())
    composition = next(t for t in all_tables(data) if "LINEBELOW" in str(t._linecmds))
    lines = [cmd for cmd in composition._linecmds if cmd[0] == "LINEBELOW"]
    assert len(lines) == 2 + 4 + 4  # president, secretary, 4 assessors, 4 witnesses


def test_control_number_is_printed_in_large_type() -> None:
    data = antwerp()
    cells = [c for t in all_tables(data) for row in t._cellvalues for c in row if hasattr(c, "text")]
    control = next(c for c in cells if c.text == data.control_number)
    assert control.style.fontSize >= 20


def test_warnings_are_listed_with_both_sides_acknowledgement_and_the_bureau_explanation() -> None:
    text = pdf_text(rendered("antwerp", Language.FR))
    block = text[text.index("W.201") : text.index("W.202")]
    assert re.search(r"encodés 3171 = reçus 3172\s+bureau", block) or "encodés 3171 = reçus 3172" in block
    assert "✗ avertissement, acté par le" in block
    assert "Explication du bureau : Stembureau 118 vermeldt" in block
    w205 = text[text.index("W.205") : text.index("W.206")]
    assert "Le bureau n'a pas donné d'explication." in w205


def test_every_check_says_in_words_and_figures_what_it_compared() -> None:
    text = pdf_text(rendered("antwerp", Language.NL))
    checks = text[text.index(" Controles") :]
    for code in ("E.101", "E.102", "E.103", "E.104", "E.106", "W.201", "W.202", "W.203", "W.204", "W.205", "W.206"):
        assert code in checks
    assert "✓ alle 12 lijsten (zie Uitslag per" in checks
    assert "geldig 3144 + blanco 12 + ongeldig 15 = geteld 3171" in checks
    assert "stembureau 119: bij ontvangst geteld 1586 = volgens zijn" in checks  # a case that holds, too


def test_each_list_shows_its_totals_and_the_decree_checks_with_both_sides() -> None:
    data = antwerp()
    text = pdf_text(rendered("antwerp", Language.NL))
    first = data.tally.lists[0]
    assert re.search(rf"ΣT\s+Totaal van de stemmen voor de kandidaat-titularissen\s+{first.titular_total}\b", text)
    assert re.search(rf"ΣS\s+Totaal van de stemmen voor de kandidaat-opvolgers\s+{first.successor_total}\b", text)
    minimum = first.subcategories[1] + first.subcategories[2]
    assert f"stemmen voor de kandidaat-titularissen {first.titular_total} ≥ SC2 + SC3 = {minimum}" in text
    assert text.count("E.102    stemmen") == len(data.election.lists)


def test_the_received_table_adds_up_and_the_entered_ballots_stand_apart() -> None:
    data = antwerp()
    text = pdf_text(rendered("antwerp", Language.NL))
    lines = [line.split() for line in text.splitlines() if line.strip()[:3] in ("118", "119", "Tot")]
    rows = {words[0]: words[-3:] for words in lines}
    received = sum(s.received for s in data.polling_stations)
    counted = sum(s.counted or 0 for s in data.polling_stations)
    assert rows["Totaal"] == [str(received), str(counted), "−1"]
    assert [int(rows[n][0]) for n in ("118", "119")] == [s.received for s in data.polling_stations]
    assert re.search(rf"Ingevoerde stembiljetten .*\s{data.tally.counted}\n", text)


def test_times_are_belgian_local_time_with_the_zone_named() -> None:
    text = pdf_text(rendered("antwerp", Language.NL))
    assert "Opgemaakt op 2024-06-09 23:47:05 CEST (Belgische tijd" in text  # 21:47:05 UTC
    assert "UTC" not in text


def test_the_hash_names_every_file_it_covers_but_not_the_pv() -> None:
    data = antwerp()
    text = pdf_text(rendered("antwerp", Language.DE))
    assert "SHA-256 über alle Ergebnisdateien außer diesem Protokoll" in text
    for name, digest in data.files:
        assert re.search(rf"{re.escape(name)}\s+{digest}", text)
    assert "pv.pdf" not in text


def test_an_overrule_has_its_own_section_with_both_readings_and_the_explanation() -> None:
    text = pdf_text(rendered("antwerp", Language.DE))
    section = text[text.index("Entscheidungen des Zählbürovorstands gegen beide Eingaben") :]
    section = section[: section.index("Beanstandete Stimmzettel")]
    assert "4/12" in section and section.count("1:H VLAAMS") >= 3
    assert "Erklärung des Zählbürovorstands: Bij nazicht bleek" in section


@pytest.mark.parametrize(
    ("day", "language", "written"),
    [((2024, 6, 9), Language.NL, "9 juni 2024"), ((2029, 5, 1), Language.FR, "1er mai 2029"),
     ((2024, 10, 13), Language.DE, "13. Oktober 2024"), ((2029, 3, 1), Language.NL, "1 maart 2029")],
)  # fmt: skip
def test_the_election_date_is_written_as_the_bureau_language_writes_it(
    day: tuple[int, int, int], language: Language, written: str
) -> None:
    from app.i18n import translate
    from app.report.pv import long_date

    assert long_date(dt.date(*day), lambda key, **p: translate(key, language.value, **p)) == written


def test_escapes_markup_in_names() -> None:
    data = antwerp(remarks=("Lijst <3> & co",))
    assert "Lijst <3> & co" in pdf_text(render_pv(data))


def test_a_check_that_follows_from_a_failed_one_says_so_and_a_failed_list_is_named() -> None:
    from app.counting.checks import CheckInput, examine
    from tests.report.sample import fake_tally

    election = synthetic(ElectionCode.VL, 2, 3, 1)
    broken = fake_tally(election)
    broken = dataclasses.replace(broken, counted=broken.counted + 1, lists=(
        dataclasses.replace(broken.lists[0], titular_votes=(0, 0, 0)), *broken.lists[1:]))  # fmt: skip
    data = pv_data(election, checks=examine(CheckInput(election, broken, received_total=broken.counted)))
    text = pdf_text(render_pv(data))
    assert "niet nagegaan: volgt uit E.104" in text  # W.201, W.204, W.206 are moot once the totals do not add up
    assert re.search(r"Lijst 1: stemmen voor de kandidaat-titularissen 0 ≥ SC2 \+ SC3 = \d+\s+✗ fout", text)
