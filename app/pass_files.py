"""Reading and writing the pass and decisions files of the contract (`pile,position,marks,status`).

Every problem is a BadInput naming the file, the physical line (the header is line 1) and the next step.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.counting.classify import check_marks
from app.counting.double_entry import MAX_PILE_SIZE
from app.counting.model import Ballot, Election, Status
from app.counting.notation import format_marks, format_status, parse_ballot
from app.errors import BadInput, TabulaError

COLUMNS = ("pile", "position", "marks", "status")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DIGITS = 6  # pile and position numbers; more is a typing slip, not a pile


@dataclass(frozen=True)
class PileRows:
    """The ballots of one pile in the order entered."""

    pile: int
    ballots: tuple[Ballot, ...]


def read_pile_file(path: Path, election: Election, *, allow_contested: bool = True) -> tuple[PileRows, ...]:
    """The piles of a pass or decisions file, in file order."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(_rows(reader, path), (1, None))[1]
    if header is None or [h.strip().lower() for h in header[:4]] != list(COLUMNS):
        raise BadInput("passfile.bad_header", file=path.name, columns=",".join(COLUMNS))
    piles: dict[int, list[Ballot]] = {}
    order: list[int] = []
    for line, row in _rows(reader, path):
        if not any(cell.strip() for cell in row):
            continue
        pile, position, ballot = _parse_row(path, line, row, election)
        if ballot.status is Status.CONTESTED and not allow_contested:
            raise BadInput("passfile.contested_in_decision", file=path.name, line=line)
        ballots = piles.get(pile)
        if ballots is None:
            if pile in order:
                raise BadInput("passfile.pile_split", file=path.name, line=line, pile=pile)
            ballots = piles[pile] = []
            order.append(pile)
        elif order[-1] != pile:
            raise BadInput("passfile.pile_split", file=path.name, line=line, pile=pile)
        if len(ballots) >= MAX_PILE_SIZE:
            raise BadInput("passfile.pile_too_large", file=path.name, line=line, pile=pile, maximum=MAX_PILE_SIZE)
        if position != len(ballots) + 1:
            raise BadInput(
                "passfile.position_order",
                file=path.name,
                line=line,
                pile=pile,
                position=position,
                expected=len(ballots) + 1,
            )
        ballots.append(ballot)
    return tuple(PileRows(p, tuple(piles[p])) for p in order)


def _rows(reader: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(physical line, cells) of every row; a row the csv module refuses (a field over its limit of
    `csv.field_size_limit()` characters, a stray NUL) is bad input naming the line, not a crash."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise BadInput(
                "passfile.bad_csv", file=path.name, line=reader.line_num, limit=csv.field_size_limit()
            ) from None
        yield reader.line_num, row


def format_pile_file(piles: Iterable[PileRows]) -> str:
    """A pass file of these piles in the order given: the contract's header, one row per ballot, `\\n` line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for pile in piles:
        for position, ballot in enumerate(pile.ballots, start=1):
            writer.writerow((pile.pile, position, format_marks(ballot), format_status(ballot)))
    return out.getvalue()


def read_text(path: Path) -> str:
    """A UTF-8 text file (with or without a byte-order mark) of at most MAX_FILE_BYTES; BadInput naming it if not."""
    try:
        data = path.read_bytes()
    except OSError:
        raise BadInput("file.unreadable", file=str(path)) from None
    if len(data) > MAX_FILE_BYTES:
        raise BadInput("file.too_large", file=path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("file.not_utf8", file=path.name) from None


def _parse_row(path: Path, line: int, row: list[str], election: Election) -> tuple[int, int, Ballot]:
    cells = [*row, "", "", "", ""][:4]
    pile, position = _positive(path, line, "pile", cells[0]), _positive(path, line, "position", cells[1])
    try:
        ballot = parse_ballot(cells[2], cells[3])
        check_marks(election, ballot)
    except TabulaError as error:
        raise BadInput(
            f"passfile.{error.key}", file=path.name, line=line, pile=pile, position=position, **error.params
        ) from None
    return pile, position, ballot


def _positive(path: Path, line: int, column: str, text: str) -> int:
    value = text.strip()
    if not (value.isdigit() and value.isascii() and len(value) <= MAX_DIGITS) or int(value) < 1:
        raise BadInput("passfile.bad_number", file=path.name, line=line, column=column, value=value)
    return int(value)
