"""The keyboard notation of the entry screen: `8 T3 S1` is list 8, titular 3 and successor 1; `8 H` its list box.

A number sets the list the following boxes belong to, so a ballot with marks on two lists reads `8 T3 9 H`.
The contract's own notation (`8:T3`) and the compact `8T3` are accepted too. Parsing ends in the core's
`parse_marks`, so a slip gives the same typed errors (and texts) as a pass file does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby

from app.counting.model import Ballot, Box, InvalidReason, Mark, Status
from app.counting.notation import parse_marks
from app.errors import BadInput

Translate = Callable[..., str]

_TOKEN = re.compile(r"^(?:(?P<list>[0-9]{1,3}):?)?(?P<box>[HhTtSs][0-9]{0,3})?$")


def parse_entry(text: str) -> frozenset[Mark]:
    """The marks typed on the entry screen. Raises BadInput naming the token that cannot be read."""
    current: str | None = None
    canonical: list[str] = []
    pending_list = False  # a list number typed without any box after it
    for token in text.replace(",", " ").split():
        match = _TOKEN.match(token)
        if match is None or not token:
            raise BadInput("ui.entry.bad_token", token=token)
        if match.group("list") is not None:
            if pending_list:
                raise BadInput("ui.entry.list_without_box", list=current)
            current, pending_list = str(int(match.group("list"))), True
        box = match.group("box")
        if box is None:
            continue
        if current is None:
            raise BadInput("ui.entry.box_without_list", token=token)
        canonical.append(f"{current}:{box.upper()}")
        pending_list = False
    if pending_list:
        raise BadInput("ui.entry.list_without_box", list=current)
    return parse_marks(" ".join(canonical))


def format_entry(marks: frozenset[Mark]) -> str:
    """The shortest text `parse_entry` reads back as `marks`: `8 H T3 S1 9 T2`."""
    parts: list[str] = []
    ordered = sorted(marks, key=Mark.sort_key)
    for number, group in groupby(ordered, key=lambda m: m.list_number):
        parts.append(str(number))
        parts += ["H" if m.box is Box.LIST else f"{m.box.value}{m.position}" for m in group]
    return " ".join(parts)


def ballot_text(ballot: Ballot | None, tr: Translate) -> str:
    """A ballot as the screens show it: its marks (or 'blank'), then its status; None is 'no ballot'."""
    if ballot is None:
        return tr("ui.ballot.none")
    text = format_entry(ballot.marks) if ballot.marks else tr("ui.ballot.blank")
    if ballot.status is Status.CONTESTED:
        return f"{text} · {tr('ui.ballot.contested')}"
    if ballot.invalid_reason is not None:
        return f"{text} · {tr('ui.ballot.invalid', reason=tr(reason_key(ballot.invalid_reason)))}"
    return text


def reason_key(reason: InvalidReason) -> str:
    return f"ui.reason.{reason.value}"
