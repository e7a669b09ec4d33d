"""EML 510 (`Count`): the results of one counting bureau, signed (O2).

    <Count>
      <EventIdentifier Id="2024-06-09"/>                                        (the election date, when known;
                                        in training: <EventQualifier Id="training">training</EventQualifier> inside)
      <Election>
        <ElectionIdentifier Id="CK"><ElectionCategory>CK</ElectionCategory></ElectionIdentifier>
        <Contests><Contest>
          <ContestIdentifier Id="Kieskring_Antwerpen"><ContestName>Kieskring Antwerpen</ContestName></ContestIdentifier>
          <CountQualifier><Simulation>yes</Simulation></CountQualifier>      (only in training, PROFILE.md "Provenance")
          <ReportingUnitVotes>
            <ReportingUnitIdentifier Id="<bureau>"/>
            <CountMetric Type="valid|invalid|blank-or-invalid">n</CountMetric>    (C2: reported together and apart)
            per list, in list order, every list of the constituency (also without votes):
              <Selection>
                <AffiliationIdentifier Id="<list>"><RegisteredName>..</RegisteredName></AffiliationIdentifier>
                <ValidVotes>CE</ValidVotes>
                <CountMetric Type="SC1">n</CountMetric> .. SC4
                <CountMetric Type="titular-votes">n</CountMetric>      (all votes for the list's titulars)
                <CountMetric Type="successor-votes">n</CountMetric>    (for its successors; only with successors)
              </Selection>
              then one row per candidate of that list, titulars then successors, in position order:
              <Selection><Candidate><CandidateIdentifier Id="T1"/></Candidate><ValidVotes>n</ValidVotes></Selection>
            <Cast>ballots counted</Cast>
            <TotalCounted>ballots counted</TotalCounted>
            <RejectedVotes ReasonCode="blank|several-lists|not-official|identifying-mark|altered|other">n</..>
          </ReportingUnitVotes>
        </Contest></Contests>
      </Election>
    </Count>

SC1..SC4 are `CountMetric`s of the list row rather than extra `Selection@Category` rows, so a consumer that adds up
`ValidVotes` per list (as a Kiesraad-style importer does) does not count a list twice. Candidate rows follow their
list row, as in the Kiesraad 510, because EML allows only one `Candidate` per `Selection` with an affiliation.
The totals of titular and successor votes are the figures the decree's checks are about (at least SC2 + SC3 and
SC3 + SC4); they are metrics of the list row too, and a reader checks them against the candidate rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from app.counting.classify import InvalidCause, SubCategory
from app.counting.model import Election, ElectionCode, Kind, ListNumber, StationId
from app.counting.tally import ListTally, Tally
from app.eml import codes
from app.eml.common import (
    check_signer,
    child,
    children,
    contest_identifier,
    count_value,
    election_code,
    election_identifier,
    elements,
    expect_message,
    malformed,
    new_message,
    positive_id,
    q,
    seal_and_serialize,
    sub,
)
from app.eml.provenance import count_qualifier, event_identifier, platform_element
from app.eml.safe_xml import parse
from app.errors import UntrustedData
from app.platform.measurement import Provenance
from app.signing.signer import Signer

MESSAGE_ID = "510"


# ---------------------------------------------------------------------------------------------------- writing


def write_count(
    station_id: str,
    election: Election,
    tally: Tally,
    signer: Signer,
    *,
    issue_date: dt.date,
    produced_by: Provenance | None = None,
) -> bytes:
    """The signed EML 510 of a bureau's tally; every list and candidate of `election` appears. `produced_by`: the
    platform and training flag that made it (default: development, not training)."""
    produced = produced_by or Provenance()
    check_signer(station_id, signer)
    _check_shape(election, tally)
    root, seal = new_message(MESSAGE_ID, issue_date)
    count = sub(root, "Count")
    # Belgian elections held together on one day are one event: its identifier is the date (PROFILE.md)
    event = {} if election.date is None else {"Id": election.date.isoformat()}
    event_identifier(count, produced.training, **event)
    election_element = sub(count, "Election")
    election_identifier(election_element, election)
    contest = sub(sub(election_element, "Contests"), "Contest")
    contest_identifier(contest, election.constituency, with_name=True)
    count_qualifier(contest, produced.training)
    unit = sub(contest, "ReportingUnitVotes")
    sub(unit, "ReportingUnitIdentifier", Id=station_id)
    _metric(unit, codes.METRIC_VALID, tally.valid)
    _metric(unit, codes.METRIC_INVALID, tally.invalid)
    _metric(unit, codes.METRIC_BLANK_OR_INVALID, tally.blank_or_invalid)
    for lst, list_tally in zip(election.lists, tally.lists, strict=True):
        _list_rows(unit, lst.name, list_tally, election.has_successors)
    sub(unit, "Cast", str(tally.counted))
    sub(unit, "TotalCounted", str(tally.counted))
    sub(unit, "RejectedVotes", str(tally.blank), ReasonCode=codes.BLANK)
    for cause, n in tally.invalid_by_cause:
        sub(unit, "RejectedVotes", str(n), ReasonCode=cause.value)
    etree.indent(root, space="  ")  # before signing: the signature covers the layout
    return seal_and_serialize(root, seal, signer, [platform_element(produced.measurement)])


def _check_shape(election: Election, tally: Tally) -> None:
    """The tally must be of this election: same lists, same number of candidates per list."""
    shape = [(lst.number, len(lst.titulars), len(lst.successors)) for lst in election.lists]
    if shape != [(t.number, len(t.titular_votes), len(t.successor_votes)) for t in tally.lists]:
        raise ValueError("the tally does not match the election's lists and candidates")


def _metric(parent: etree._Element, kind: str, value: int) -> None:
    sub(parent, "CountMetric", str(value), Type=kind)


def _list_rows(unit: etree._Element, name: str, list_tally: ListTally, has_successors: bool) -> None:
    selection = sub(unit, "Selection")
    identifier = sub(selection, "AffiliationIdentifier", Id=str(list_tally.number))
    sub(identifier, "RegisteredName", name)
    sub(selection, "ValidVotes", str(list_tally.ce))
    for category in SubCategory:
        _metric(selection, codes.category_code(category), list_tally.sc(category))
    _metric(selection, codes.METRIC_TITULAR_VOTES, list_tally.titular_total)
    if has_successors:
        _metric(selection, codes.METRIC_SUCCESSOR_VOTES, list_tally.successor_total)
    for kind, votes in ((Kind.TITULAR, list_tally.titular_votes), (Kind.SUCCESSOR, list_tally.successor_votes)):
        for position, n in enumerate(votes, start=1):
            row = sub(unit, "Selection")
            sub(sub(row, "Candidate"), "CandidateIdentifier", Id=codes.candidate_id(kind, position))
            sub(row, "ValidVotes", str(n))


# ---------------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class CountMessage:
    station_id: StationId
    election: ElectionCode
    contest_id: str
    constituency: str
    issue_date: str
    tally: Tally
    election_date: str = ""  # `EventIdentifier@Id`, YYYY-MM-DD; empty when the master had no election date


def read_count(data: bytes) -> CountMessage:
    """Parse an EML 510 written by `write_count` into a `Tally` (signatures are checked by `app.eml.verify`).

    The derived figures in the file (bureau metrics, Cast) must agree with the rows; UntrustedData otherwise.
    """
    return read_count_tree(parse(data, error=UntrustedData))


def read_count_tree(root: etree._Element) -> CountMessage:
    """`read_count` on a message already parsed by `app.eml.safe_xml.parse` (the tree is only read)."""
    expect_message(root, MESSAGE_ID)
    election = child(child(root, "Count"), "Election")
    contest = child(child(election, "Contests"), "Contest")
    identifier = child(contest, "ContestIdentifier")
    unit = child(contest, "ReportingUnitVotes")
    tally = _read_unit(unit)
    return CountMessage(
        StationId(child(unit, "ReportingUnitIdentifier").get("Id") or ""),
        election_code(child(election, "ElectionIdentifier")),
        identifier.get("Id") or "",
        (identifier.findtext(q("ContestName")) or "").strip(),
        (root.findtext(q("IssueDate")) or "").strip(),
        tally,
        child(child(root, "Count"), "EventIdentifier").get("Id") or "",
    )


def _read_unit(unit: etree._Element) -> Tally:
    lists = _read_lists(unit)
    rows = list(children(unit, "RejectedVotes"))
    rejected = {r.get("ReasonCode"): count_value(r) for r in rows}
    if len(rows) != len(codes.SPOILT_CODES) or set(rejected) != set(codes.SPOILT_CODES):
        raise malformed(unit, "one RejectedVotes per reason code")
    counted = count_value(child(unit, "TotalCounted"))
    result = Tally(
        lists,
        rejected[codes.BLANK],
        tuple((cause, rejected[cause.value]) for cause in InvalidCause),
        counted,
    )
    metrics = {m.get("Type"): count_value(m) for m in children(unit, "CountMetric")}
    expected = {
        codes.METRIC_VALID: result.valid,
        codes.METRIC_INVALID: result.invalid,
        codes.METRIC_BLANK_OR_INVALID: result.blank_or_invalid,
    }
    if metrics != expected or count_value(child(unit, "Cast")) != counted:
        raise malformed(unit, "bureau totals that agree with the rows")
    return result


def _read_lists(unit: etree._Element) -> tuple[ListTally, ...]:
    rows: list[tuple[etree._Element, list[etree._Element]]] = []
    for selection in children(unit, "Selection"):
        first = elements(selection)[0] if len(selection) else None
        if first is not None and first.tag == q("AffiliationIdentifier"):
            rows.append((selection, []))
        elif first is not None and first.tag == q("Candidate") and rows:
            rows[-1][1].append(selection)
        else:
            raise malformed(selection, "a list row or a candidate row after its list row")
    result = tuple(_read_list(list_row, candidate_rows) for list_row, candidate_rows in rows)
    numbers = [lst.number for lst in result]
    if numbers != sorted(set(numbers)):
        raise malformed(unit, "lists unique and in list order")
    return result


def _read_list(row: etree._Element, candidate_rows: list[etree._Element]) -> ListTally:
    number = ListNumber(positive_id(child(row, "AffiliationIdentifier")))
    rows = list(children(row, "CountMetric"))
    metrics = {m.get("Type"): count_value(m) for m in rows}
    expected = {*codes.CATEGORY_CODES, codes.METRIC_TITULAR_VOTES}
    if set(metrics) - {codes.METRIC_SUCCESSOR_VOTES} != expected or len(metrics) != len(rows):
        raise malformed(row, "CountMetric SC1..SC4, titular-votes (and successor-votes), once each")
    votes: dict[Kind, list[int]] = {Kind.TITULAR: [], Kind.SUCCESSOR: []}
    for candidate_row in candidate_rows:
        identifier = child(child(candidate_row, "Candidate"), "CandidateIdentifier")
        parsed = codes.parse_candidate_id(identifier.get("Id"))
        if parsed is None or parsed[1] != len(votes[parsed[0]]) + 1:
            raise malformed(candidate_row, "candidates T1..Tn then S1..Sn in order")
        votes[parsed[0]].append(count_value(child(candidate_row, "ValidVotes")))
    successors = metrics.get(codes.METRIC_SUCCESSOR_VOTES, 0)  # absent: a list without successors
    if metrics[codes.METRIC_TITULAR_VOTES] != sum(votes[Kind.TITULAR]) or successors != sum(votes[Kind.SUCCESSOR]):
        raise malformed(row, "totals of titular and successor votes that agree with the candidate rows")
    sc = tuple(metrics[code] for code in codes.CATEGORY_CODES)
    return ListTally(
        number,
        (sc[0], sc[1], sc[2], sc[3]),
        tuple(votes[Kind.TITULAR]),
        tuple(votes[Kind.SUCCESSOR]),
        count_value(child(row, "ValidVotes")),
    )
