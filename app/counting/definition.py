"""A bureau's result held against the authority's official definition (`tabula verify --definition`).

Martine import must see at once which count a stick claims to be, and that it is the count of the official lists:
the right election and constituency for the bureau, every list of the constituency present, and no list or
candidate the authority did not register. Pure: it takes the official elections and what the result says.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.counting.model import Election, ElectionCode
from app.counting.tally import Tally

Problem = tuple[str, dict[str, object]]


def definition_problems(
    official: Mapping[tuple[ElectionCode, str], Election], election: str | None, constituency: str | None, tally: Tally
) -> list[Problem]:
    """What differs between the result and the official lists; empty when the result is of the official count."""
    try:
        code = ElectionCode(election or "")
    except ValueError:
        return [("definition.unknown_count", {"election": election or "-", "constituency": constituency or "-"})]
    defined = official.get((code, constituency or ""))
    if defined is None:
        return [("definition.unknown_count", {"election": code.value, "constituency": constituency or "-"})]
    problems: list[Problem] = []
    counted = {lst.number: lst for lst in tally.lists}
    for lst in defined.lists:
        got = counted.get(lst.number)
        if got is None:
            problems.append(("definition.list_missing", {"list": lst.number, "name": lst.name}))
            continue
        for kind, votes, registered in (
            ("titular", got.titular_votes, lst.titulars),
            ("successor", got.successor_votes, lst.successors),
        ):
            if len(votes) > len(registered):
                problems.append(
                    (f"definition.unknown_{kind}", {"list": lst.number, "position": len(registered) + 1})
                )
            elif len(votes) < len(registered):
                problems.append((f"definition.{kind}_missing", {"list": lst.number, "position": len(votes) + 1}))
    defined_numbers = {lst.number for lst in defined.lists}
    problems += [("definition.unknown_list", {"list": n}) for n in sorted(counted) if n not in defined_numbers]
    return problems
