"""Telling the members of a bureau apart (C5: the two passes of a pile are entered by two different members).

Names are typed by people, so one person may be written "A. Peeters", "anna peeters" or "PEETERS Anna". Two names
may be the same person when every word of the shorter name matches a different word of the other: the same word
(ignoring case and accents), or an initial and a word that starts with it. "Jan Peeters" and "Anna Peeters" are two
people; "Peeters" and "Anna Peeters" may be one, and are treated as one: a second pass must be clearly someone else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"[^\W_]+")


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without accents, in lower case (digits too: "pass-1" and "pass-2" differ)."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return tuple(_WORD.findall(plain))


def same_person(a: str, b: str) -> bool:
    """Whether two written names may belong to the same person."""
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b:
        return a.strip().casefold() == b.strip().casefold()
    short, long = sorted((words_a, words_b), key=len)
    return _assign(list(short), list(long))


def _assign(short: list[str], long: list[str]) -> bool:
    """Whether every word of `short` can be matched to a different word of `long` (names have few words)."""
    if not short:
        return True
    word, rest = short[0], short[1:]
    for index, other in enumerate(long):
        if _words_match(word, other) and _assign(rest, long[:index] + long[index + 1 :]):
            return True
    return False


def _words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def first_twin(names: Sequence[str]) -> tuple[str, str] | None:
    """The first two names of the list that may be the same person, or None."""
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            if same_person(first, second):
                return first, second
    return None
