"""EML 230 (`CandidateList`): the candidate lists of one or more elections, read for provisioning (P5).

Per contest (constituency), one `Affiliation` per list (`AffiliationIdentifier@Id` = list number, `RegisteredName`
= list name) with its `Candidate`s. A candidate's `CandidateIdentifier@Id` is `T<n>` (titular n) or `S<n>`
(successor n); a plain number `n` (as in the Kiesraad files) is read as titular n. The candidate's name is its
`CandidateFullName` (xNL `NameLine`s, else first name, prefix and last name), else `CandidateName`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lxml import etree

from app.counting.model import Candidate, CandidateList, Election, Kind, ListNumber, Position
from app.eml import codes
from app.eml.common import (
    child,
    children,
    contest_identifier,
    election_code,
    election_identifier,
    expect_message,
    malformed,
    new_message,
    positive_id,
    q,
    sub,
)
from app.eml.safe_xml import parse
from app.errors import BadInput, UntrustedData

MESSAGE_ID = "230"
XNL_NS = "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"


def read_candidates(data: bytes) -> tuple[Election, ...]:
    """Every (election, constituency) of an EML 230 as an `Election`. Raises BadInput naming what is wrong."""
    try:
        root = parse(data, allow_comments=True)  # the authority's own file may carry comments
        expect_message(root, MESSAGE_ID, variants=True)  # Kiesraad files say 230b
        return tuple(
            _read_contest(election, contest)
            for election in children(child(root, "CandidateList"), "Election")
            for contest in children(election, "Contest")
        )
    except UntrustedData as exc:
        # Provisioning input is the authority's own file: a problem in it is bad input, not tampering.
        raise BadInput(exc.key, **exc.params) from None


def _read_contest(election: etree._Element, contest: etree._Element) -> Election:
    code = election_code(child(election, "ElectionIdentifier"))
    identifier = child(contest, "ContestIdentifier")
    constituency = (identifier.findtext(q("ContestName")) or identifier.get("Id") or "").strip()
    lists = sorted((_read_affiliation(a) for a in children(contest, "Affiliation")), key=lambda lst: lst.number)
    try:
        return Election(code, constituency, tuple(lists), has_successors=any(lst.successors for lst in lists))
    except ValueError:
        raise malformed(contest, "unique list numbers") from None


def _read_affiliation(affiliation: etree._Element) -> CandidateList:
    identifier = child(affiliation, "AffiliationIdentifier")
    number = ListNumber(positive_id(identifier))
    groups: dict[Kind, list[tuple[int, str]]] = {Kind.TITULAR: [], Kind.SUCCESSOR: []}
    for candidate in children(affiliation, "Candidate"):
        kind, position = _candidate_id(child(candidate, "CandidateIdentifier"))
        groups[kind].append((position, _name(candidate)))
    return CandidateList(
        number,
        (identifier.findtext(q("RegisteredName")) or "").strip(),
        _ordered(affiliation, number, Kind.TITULAR, groups[Kind.TITULAR]),
        _ordered(affiliation, number, Kind.SUCCESSOR, groups[Kind.SUCCESSOR]),
    )


def _candidate_id(identifier: etree._Element) -> tuple[Kind, int]:
    value = identifier.get("Id") or ""
    if value.isdigit() and value.isascii() and int(value) >= 1:
        return Kind.TITULAR, int(value)  # Kiesraad style: no successors
    parsed = codes.parse_candidate_id(value)
    if parsed is None:
        raise malformed(identifier, "CandidateIdentifier Id T<n>, S<n> or <n>")
    return parsed


def _ordered(
    affiliation: etree._Element, number: ListNumber, kind: Kind, found: list[tuple[int, str]]
) -> tuple[Candidate, ...]:
    found.sort()
    if [p for p, _ in found] != list(range(1, len(found) + 1)):
        raise malformed(affiliation, f"{kind.value}1..{kind.value}n without gaps or repeats")
    return tuple(Candidate(number, kind, Position(p), name) for p, name in found)


def _name(candidate: etree._Element) -> str:
    full = candidate.find(q("CandidateFullName"))
    if full is not None:
        lines = [str(t).strip() for t in full.itertext(f"{{{XNL_NS}}}NameLine") if str(t).strip()]
        if lines:
            return " ".join(lines)
        parts = [full.findtext(f".//{{{XNL_NS}}}{p}") for p in ("FirstName", "NamePrefix", "LastName")]
        joined = " ".join(p.strip() for p in parts if p and p.strip())
        if joined:
            return joined
    return (candidate.findtext(f"{q('CandidateIdentifier')}/{q('CandidateName')}") or "").strip()


def write_candidates(elections: Sequence[Election], *, issue_date: dt.date) -> bytes:
    """An (unsigned) EML 230 of the given elections, readable by `read_candidates` (for provisioning tests)."""
    root, seal = new_message(MESSAGE_ID, issue_date)
    root.remove(seal)  # the authority signs its own provisioning files, not us
    candidate_list = sub(root, "CandidateList")
    codes_in_order = list(dict.fromkeys(e.code for e in elections))
    for code in codes_in_order:
        mine = [e for e in elections if e.code is code]
        election = sub(candidate_list, "Election")
        election_identifier(election, mine[0])
        for e in mine:
            _write_contest(election, e)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _write_contest(parent: etree._Element, election: Election) -> None:
    contest = sub(parent, "Contest")
    contest_identifier(contest, election.constituency, with_name=True)
    for lst in election.lists:
        affiliation = sub(contest, "Affiliation")
        identifier = sub(affiliation, "AffiliationIdentifier", Id=str(lst.number))
        sub(identifier, "RegisteredName", lst.name)
        sub(affiliation, "Type", "lijst")
        for candidate in (*lst.titulars, *lst.successors):
            element = sub(affiliation, "Candidate")
            sub(element, "CandidateIdentifier", Id=codes.candidate_id(candidate.kind, candidate.position))
            full = sub(element, "CandidateFullName")
            person = etree.SubElement(full, f"{{{XNL_NS}}}PersonName", nsmap={"xnl": XNL_NS})
            etree.SubElement(person, f"{{{XNL_NS}}}NameLine").text = candidate.name
