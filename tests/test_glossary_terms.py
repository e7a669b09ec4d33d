"""The catalogues use the official terms of the glossary (`../shared/spec/glossary.md`) in NL, FR and DE.

The check, per glossary row: wherever the Dutch text of a message uses the row's Dutch term, the French and the
German texts of that same message use the row's French and German terms, and not a known wrong synonym. Words
match with their inflections (plural, case endings: "Vorsitzender" also matches "Vorsitzenden"), and a compound
counts ("stembiljet" in "stembiljetten", "Liste" in "Listenstimme"). Rows whose terms no message uses are reported
by `test_the_check_covers_the_terms_the_app_uses`, so a check that silently checks nothing fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.i18n import catalogue

GLOSSARY = Path(__file__).resolve().parents[2] / "shared" / "spec" / "glossary.md"
LANGUAGES = ("nl", "fr", "de")
TARGETS = ("fr", "de")

# Endings dropped before matching, so that a term matches its inflected forms (longest first).
ENDINGS = ("aux", "ern", "al", "en", "er", "es", "em", "e", "n", "r", "s", "x")


@dataclass(frozen=True)
class Row:
    """One glossary row: the English code word and, per language, the accepted forms of the term."""

    english: str
    terms: dict[str, tuple[str, ...]]
    wrong: dict[str, tuple[str, ...]]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def glossary_rows(text: str) -> list[Row]:
    """The table's rows, each cell read as its alternatives (see `alternatives`)."""
    rows = []
    for line in text.splitlines():
        cells = _cells(line) if line.startswith("|") else []
        if len(cells) != 4 or cells[0] in ("code (EN)", "---"):
            continue
        english, *languages = cells
        terms = {lang: alternatives(cell) for lang, cell in zip(LANGUAGES, languages, strict=True)}
        wrong = {
            lang: tuple(re.findall(r'not "([^"]+)"', cell)) for lang, cell in zip(LANGUAGES, languages, strict=True)
        }
        rows.append(Row(english, terms, wrong))
    return rows


def alternatives(cell: str) -> tuple[str, ...]:
    """The forms a cell allows. "(?)" marks an unconfirmed term (still the one to use); a parenthesis holds another
    accepted form ("(effectif)", "(Kopffeld)", "(its board: Zählbürovorstand)") unless it is an English note; "a / b"
    gives alternatives, completed from each other when written short ("eerste / tweede invoer" is "eerste invoer"
    and "tweede invoer"; "kandidaat-titularissen / -opvolgers" is also "kandidaat-opvolgers")."""
    forms: list[str] = []
    for note in re.findall(r"\(([^()]*)\)", cell):
        if note == "?" or re.search(r"\b(say|says|confirmed|pages)\b", note):
            continue
        forms.append(note.split(":", 1)[1].strip() if ":" in note else note)
    main = re.sub(r"\([^()]*\)", "", cell).strip()
    return (*_expand_slashes(main), *forms)


def _expand_slashes(text: str) -> list[str]:
    parts = [part.strip() for part in text.split(" / ")]
    if len(parts) != 2:
        return parts
    left, right = parts
    if right.startswith("-"):  # "kandidaat-titularissen / -opvolgers"
        return [left, left.rsplit("-", 1)[0] + right]
    if " " not in left and " " in right:  # "eerste / tweede invoer"
        return [f"{left} {right.split(' ', 1)[1]}", right]
    if " " in left and " " not in right:  # "candidats titulaires / suppléants"
        return [left, f"{left.rsplit(' ', 1)[0]} {right}"]
    return [left, right]


def _stem(word: str) -> str:
    for ending in ENDINGS:
        if len(word) - len(ending) >= 4 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def term_pattern(term: str, *, inside_compound: bool = False) -> re.Pattern[str]:
    """A term in running text: each word from its stem on, words apart by spaces or a hyphen, and the last word may
    open a compound ("lijststem" holds "lijst") or carry a plural in brackets ("bureau(x) de vote"). With
    `inside_compound` the first word may also close a compound ("Ersatzkandidaten" holds "Kandidat"): lenient, for
    the term a translation must use; the Dutch term that triggers the check must start a word ("ongeldig" does
    not hold "geldig")."""
    words = [re.escape(_stem(word)) for word in re.split(r"[\s-]+", term.strip()) if word]
    start = r"\w*" if inside_compound else r"\b"
    return re.compile(start + r"[\w()]*[\s-]+".join(words) + r"[\w()]*", re.IGNORECASE)


def uses(text: str, forms: tuple[str, ...], *, inside_compound: bool = False) -> bool:
    return any(term_pattern(form, inside_compound=inside_compound).search(text) for form in forms)


@dataclass(frozen=True)
class Violation:
    english: str
    key: str
    language: str
    problem: str


def violations(rows: list[Row]) -> Iterator[Violation]:
    """Each message that uses a row's Dutch term but not its French or German term, or a known wrong synonym."""
    for row in rows:
        for key, texts in catalogue().items():
            if not uses(texts["nl"], row.terms["nl"]):
                continue
            for language in TARGETS:
                forms = (*row.terms[language], *ALSO_ACCEPTED.get((row.english, language), ()))
                if not uses(texts[language], forms, inside_compound=True):
                    yield Violation(row.english, key, language, f"lacks {' / '.join(row.terms[language])}")
                if wrong := [w for w in row.wrong[language] if uses(texts[language], (w,))]:
                    yield Violation(row.english, key, language, f"uses {', '.join(wrong)}")
    for wrong in WRONG:
        for key, texts in catalogue().items():
            if uses(texts["nl"], (wrong.nl_term,)) and wrong.misused_in(texts[wrong.language], texts["nl"]):
                yield Violation(f"{wrong.nl_term} (known wrong synonym)", key, wrong.language, f"uses {wrong.word}")


def occurrences(text: str, word: str) -> int:
    return len(term_pattern(word).findall(text))


# Short or inflected forms of a row's term that are the same official word, per (row, language).
ALSO_ACCEPTED: dict[tuple[str, str], tuple[str, ...]] = {
    # the Code électoral's French shortens "bulletin de vote" to "bulletin" and the constituency to "circonscription"
    ("ballot", "fr"): ("bulletin",),
    ("constituency", "fr"): ("circonscription",),
    # the box is "la case de tête"; "vote en tête" is the list vote in the keypad's short prompts (never "tête de
    # liste" alone: that is the list's first candidate)
    ("list vote (box at the top)", "fr"): ("vote en tête", "case de tête"),
    ("SC1 list vote only", "fr"): ("vote en tête uniquement",),
    # "verschillen" is also the verb: "les deux encodages diffèrent", "die beiden Eingaben weichen ab" (abweichen)
    ("difference (between passes)", "fr"): ("diffère", "diffèrent"),
    ("difference (between passes)", "de"): ("weicht", "weichen"),
}


@dataclass(frozen=True)
class WrongSynonym:
    """Where the Dutch text uses `nl_term`, the translation must not say `word`, except as often as the Dutch text
    uses `unless_nl`, the Dutch word `word` rightly translates ("leeg" is "leer": an empty field, not a blank ballot),
    and except within the right phrase `part_of` ("tête de liste" in "vote en tête de liste")."""

    nl_term: str
    language: str
    word: str
    unless_nl: str = ""
    part_of: str = ""

    def misused_in(self, translation: str, dutch: str) -> bool:
        used = occurrences(translation, self.word) - (occurrences(translation, self.part_of) if self.part_of else 0)
        return used > (occurrences(dutch, self.unless_nl) if self.unless_nl else 0)


# Known wrong synonyms besides those the glossary names itself ('not "leer"' only within its own row).
WRONG = (
    WrongSynonym("blanco", "de", "leer", unless_nl="leeg"),  # the glossary: FPS Interior's German pages say "weiß"
    WrongSynonym("voorzitter", "de", "Präsident"),  # the board's chair is the Vorsitzende
    WrongSynonym("verschil", "de", "Unterschied"),  # the glossary's Abweichung
    WrongSynonym("proces-verbaal", "de", "Niederschrift"),  # the glossary's Protokoll
    WrongSynonym("ongeldig stembiljet", "fr", "invalide"),  # art. 156: "bulletin nul"
    WrongSynonym("betwist", "de", "angefochten"),  # the glossary's beanstandet
    WrongSynonym("ontvangen stembiljet", "de", "empfangen"),  # the glossary's erhaltene Stimmzettel
    # alone, "tête de liste" is the list's first candidate, not the list vote
    WrongSynonym("lijststem", "fr", "tête de liste", unless_nl="lijsttrekker", part_of="vote en tête de liste"),
)

# Legitimate exceptions: (row, key, language) -> why the official term is rightly absent from that text.
ALLOWED: dict[tuple[str, str, str], str] = {
    # elliptic coordinations that share the noun, as the glossary's own SC rows write them
    ("titular candidate", "pv.sc3", "de"): "ordentliche und Ersatzkandidaten (glossary row SC3)",
    ("successor candidate", "pv.sc3", "fr"): "candidats titulaires et suppléants (glossary row SC3)",
    ("invalid ballot", "check.E.104.rule", "fr"): "Bulletins valables + blancs + nuls: one noun for the three",
    ("invalid ballot", "pv.blank_or_invalid", "fr"): "Bulletins blancs ou nuls (glossary row blank or invalid)",
    # "lijststem" holds "lijst"; its French is the list vote, "vote en tête" (row list vote)
    ("list", "ui.keypad.prompt.ballot.list-vote", "fr"): "Enter = vote en tête: the list vote, no list named",
    ("list", "ui.grid.list_vote", "fr"): "the list vote's tile, under the list's name: Vote en tête",
}


def test_glossary_is_read_as_the_table_it_is() -> None:
    rows = glossary_rows(GLOSSARY.read_text(encoding="utf-8"))
    by_english = {row.english: row for row in rows}
    assert len(rows) >= 35
    assert by_english["counting bureau"].terms["de"] == ("Zählbüro", "Zählbürovorstand")
    assert by_english["entry pass 1 / 2"].terms["nl"] == ("eerste invoer", "tweede invoer")
    assert by_english["titular candidate"].terms["fr"] == ("candidat titulaire", "effectif")
    assert by_english["blank or invalid ballot"].wrong["de"] == ("leer",)
    assert by_english["control number"].terms["fr"] == ("nombre de contrôle",)


@pytest.mark.parametrize(
    ("term", "text", "inside_compound", "found"),
    [
        ("Vorsitzender", "Der Vorsitzende bestätigt.", False, True),
        ("ordentlicher Kandidat", "die ordentlichen Kandidaten", False, True),
        ("bureau de dépouillement", "les bureaux de dépouillement", False, True),
        ("bureau de vote", "de 3 bureau(x) de vote", False, True),
        ("procès-verbal", "selon les procès-verbaux", False, True),
        ("stembiljet", "Getelde stembiljetten", False, True),
        ("lijst", "de lijststem", False, True),
        ("Kandidat", "für die Ersatzkandidaten", True, True),
        ("Kandidat", "für die Ersatzkandidaten", False, False),
        ("geldig stembiljet", "ongeldige stembiljetten", False, False),
        ("voorzitter", "de secretaris", False, False),
        ("weißer Stimmzettel", "leere Stimmzettel", True, False),
    ],
)
def test_a_term_matches_its_inflected_forms_and_nothing_else(
    term: str, text: str, inside_compound: bool, found: bool
) -> None:
    assert bool(term_pattern(term, inside_compound=inside_compound).search(text)) is found


@pytest.mark.parametrize(
    ("wrong", "translation", "dutch", "misused"),
    [
        (WRONG[0], "Leer oder ungültig", "Blanco of ongeldig", True),
        (WRONG[0], "Das Feld ist leer. Ist der Stimmzettel weiß", "het veld is leeg. Is het stembiljet blanco", False),
        (WRONG[-1], "* tête de liste", "* lijststem", True),
        (WRONG[-1], "* pour le vote en tête de liste", "* voor de lijststem", False),
    ],
)
def test_a_wrong_synonym_is_told_from_the_same_word_used_rightly(
    wrong: WrongSynonym, translation: str, dutch: str, misused: bool
) -> None:
    assert wrong.misused_in(translation, dutch) is misused


def test_every_message_uses_the_official_terms() -> None:
    rows = glossary_rows(GLOSSARY.read_text(encoding="utf-8"))
    found = [v for v in violations(rows) if (v.english, v.key, v.language) not in ALLOWED]
    assert not found, "\n".join(f"{v.key} [{v.language}] {v.english}: {v.problem}" for v in found)


def test_every_exception_is_still_needed() -> None:
    rows = glossary_rows(GLOSSARY.read_text(encoding="utf-8"))
    current = {(v.english, v.key, v.language) for v in violations(rows)}
    assert not [exception for exception in ALLOWED if exception not in current]


def test_the_check_covers_the_terms_the_app_uses() -> None:
    rows = glossary_rows(GLOSSARY.read_text(encoding="utf-8"))
    checked = {row.english for row in rows for texts in catalogue().values() if uses(texts["nl"], row.terms["nl"])}
    assert len(checked) >= 20, sorted(checked)
