"""The whole report of `verify_files` on an intact set and on a table of tampered ones, compared with a golden file.

The golden file was recorded with the verifier that parsed each file three times (signatures, schema, reading),
before it parsed each once: a faster verifier must say exactly the same, problem for problem, key and parameters, in
the same order. Each row damages the files of a small real count in memory: bytes (not XML, a comment, a DOCTYPE, too
many attributes), trees (a ballot changed, removed, unsigned; a stray signature; no seal; the platform changed), trees
re-sealed with the bureau's own key (so that reading, recounting and the pass readings run on them too) or with
another bureau's or authority's, and the PV and the security log.

Regenerate (only for a deliberate change of what verify says): TABULA_REGENERATE_GOLDEN=1 pytest <this file>.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from app.counting import count as counting
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Language, Station, StationId
from app.eml.common import seal_and_serialize
from app.journal import MemoryJournal
from app.results_layout import COUNT_FILE, LOG_FILE, PASS_FILES, PV_FILE, VOTES_FILE
from app.seclog import SecurityLog
from app.session import BureauContext, Session
from app.signing.pki import station_id_of
from app.signing.signer import KeySigner
from app.station_login import LoadedStation
from app.verify import Message, StationReport, StickReport, sticks_json, verify_files
from tests.conftest import NOW, TestPki
from tests.eml.cases import SMALL
from tests.test_replay_verify import vote

GOLDEN = Path(__file__).parent / "golden" / "verify-reports.json"
EML = "{urn:oasis:names:tc:evs:schema:eml}"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
TABULA = "{urn:tabula:be:eml:ext:1}"
PASS1, PASS2 = PASS_FILES[1], PASS_FILES[2]
AT = NOW + dt.timedelta(hours=12)
PILES = {
    1: [vote(1, "H"), vote(2, "T1", "T2"), vote(3, "T1", "S1"), vote(1, "S2"), Ballot()],
    2: [vote(2, "H"), vote(1, "T3"), vote(3, "H", "T2"), vote(2, "S1", "S2")],
}

Files = dict[str, bytes]
Damage = Callable[[Files, KeySigner], None]


@pytest.fixture(scope="module")
def made(test_pki: TestPki) -> Files:
    """The result files of a small count (two piles, both passes alike) through the real session."""
    signer = test_pki.signer("P-1")
    station = Station(StationId("P-1"), "Bureau P", SMALL.code, SMALL.constituency, Language.NL)
    chain = (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    with tempfile.TemporaryDirectory() as folder:
        log = SecurityLog(Path(folder) / "log.jsonl", system="t")
        session = Session(LoadedStation(station, SMALL, signer, chain), MemoryJournal(SMALL), log, clock=lambda: AT)
        for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
            for number, pile in PILES.items():
                session.apply(counting.StartPile(number, pass_no, operator))
                for ballot in pile:
                    session.apply(counting.ConfirmBallot(number, pass_no, ballot))
                session.apply(counting.FinishPile(number, pass_no))
        session.apply(counting.CloseEntry())
        total = sum(len(pile) for pile in PILES.values())
        for finding in session.findings(BureauContext(received_total=total)):
            session.apply(counting.Acknowledge(finding.code))
        session.finalize()
        return dict(session.result_files().files)


# --- damages --------------------------------------------------------------------------------------------------------


def _bytes(name: str, change: Callable[[bytes], bytes]) -> Damage:
    def damage(files: Files, _signer: KeySigner) -> None:
        files[name] = change(files[name])

    return damage


def _tree(name: str, change: Callable[[etree._Element], None], *, reseal: bool = False) -> Damage:
    """`change` on the parsed file; with `reseal`, the message signed again with the bureau's own key (the
    platform kept), so that only the checks after the signatures can find it."""

    def damage(files: Files, signer: KeySigner) -> None:
        root = etree.fromstring(files[name])
        change(root)
        if not reseal:
            files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            return
        seal = root.find(f"{EML}Seal")
        assert seal is not None
        signature = seal[0]
        properties = list(signature.iter(f"{TABULA}Platform"))
        seal.remove(signature)
        seal.text = None
        files[name] = seal_and_serialize(root, seal, signer, properties)

    return damage


def _removed(*names: str) -> Damage:
    def damage(files: Files, _signer: KeySigner) -> None:
        for name in names:
            del files[name]

    return damage


def _swapped(a: str, b: str) -> Damage:
    def damage(files: Files, _signer: KeySigner) -> None:
        files[a], files[b] = files[b], files[a]

    return damage


def _added(name: str, data: bytes) -> Damage:
    def damage(files: Files, _signer: KeySigner) -> None:
        files[name] = data

    return damage


def _cast_vote(root: etree._Element, ballot_id: str) -> etree._Element:
    for cast_vote in root.iter(f"{EML}CastVote"):
        identifier = cast_vote.find(f"{EML}BallotIdentifier")
        if identifier is not None and identifier.get("Id") == ballot_id:
            return cast_vote
    raise AssertionError(ballot_id)


def _remove(element: etree._Element | None) -> None:
    assert element is not None
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


def _set_candidate(root: etree._Element) -> None:
    next(_cast_vote(root, "1-2").iter(f"{EML}CandidateIdentifier")).set("Id", "T3")


def _set_category(root: etree._Element) -> None:
    next(_cast_vote(root, "2-1").iter(f"{EML}Contest")).set("Category", "SC3")


def _drop_ballot(root: etree._Element) -> None:
    _remove(_cast_vote(root, "2-4"))


def _drop_ballot_signature(root: etree._Element) -> None:
    _remove(_cast_vote(root, "1-3").find(f".//{DS}Signature"))


def _stray_signature(root: etree._Element) -> None:
    seal = root.find(f"{EML}Seal/{DS}Signature")
    assert seal is not None
    root.append(etree.fromstring(etree.tostring(seal)))


def _drop_seal(root: etree._Element) -> None:
    _remove(root.find(f"{EML}Seal"))


def _rename_bureau(root: etree._Element) -> None:
    for unit in root.iter(f"{EML}ReportingUnitIdentifier"):
        unit.set("Id", "P-2")


def _platform_mode(root: etree._Element) -> None:
    mode = next(root.iter(f"{TABULA}Mode"))
    mode.text = "tpm" if mode.text == "development" else "development"


def _training(root: etree._Element) -> None:
    """What a training run writes after the header (the schema's EventQualifier): a real result said as training."""
    issue = root.find(f"{EML}IssueDate")
    assert issue is not None
    issue.addnext(etree.fromstring(f'<EventQualifier xmlns="{EML[1:-1]}" Id="training"/>'))


def _foreign_element(root: etree._Element) -> None:
    issue = root.find(f"{EML}IssueDate")
    assert issue is not None
    issue.addnext(etree.Element(f"{EML}Unknown"))


def _bad_ballot_id(root: etree._Element) -> None:
    next(root.iter(f"{EML}BallotIdentifier")).set("Id", "x")


def _total_counted(root: etree._Element) -> None:
    counted = next(root.iter(f"{EML}TotalCounted"))
    counted.text = str(int(counted.text or "0") + 1)


def _list_votes(root: etree._Element) -> None:
    valid = next(root.iter(f"{EML}ValidVotes"))
    valid.text = str(int(valid.text or "0") + 1)


def _reading_mark(root: etree._Element) -> None:
    next(_cast_vote(root, "2-2").iter(f"{EML}CandidateIdentifier")).set("Id", "T1")


def _reading_dropped(root: etree._Element) -> None:
    _remove(_cast_vote(root, "1-5"))


def _without_line(fragment: bytes) -> Callable[[bytes], bytes]:
    return lambda log: b"".join(line for line in log.splitlines(keepends=True) if fragment not in line)


def _comment(data: bytes) -> bytes:
    return data.replace(b"<TransactionId>", b"<!-- x --><TransactionId>", 1)


def _doctype(data: bytes) -> bytes:
    return data.replace(b"?>", b'?><!DOCTYPE EML [<!ENTITY a "b">]>', 1)


def _attributes(data: bytes) -> bytes:
    many = b"".join(b' a%d="1"' % n for n in range(20))
    return data.replace(b"<TransactionId", b"<TransactionId" + many, 1)


def _other_bureau(test_pki: TestPki) -> Damage:
    """Another bureau's 510 (its own bureau, signed with its own key) in place of this one's."""

    def damage(files: Files, _signer: KeySigner) -> None:
        _tree(COUNT_FILE, _rename_bureau, reseal=True)(files, test_pki.signer("P-2"))

    return damage


def _signed_by(name: str, signer: KeySigner) -> Damage:
    """`name` sealed again, unchanged, with another key: another bureau's, or one of another authority."""

    def damage(files: Files, _signer: KeySigner) -> None:
        _tree(name, lambda root: None, reseal=True)(files, signer)

    return damage


def damages(test_pki: TestPki) -> dict[str, Damage]:
    rows: dict[str, Damage] = {"intact": lambda files, signer: None}
    for name in (VOTES_FILE, COUNT_FILE, PASS1, PASS2):
        short = name.removesuffix(".xml")
        rows |= {
            f"{short}_missing": _removed(name),
            f"{short}_truncated": _bytes(name, lambda d: d[: len(d) // 2]),
            f"{short}_not_xml": _bytes(name, lambda d: b"garbage"),
            f"{short}_comment": _bytes(name, _comment),
            f"{short}_doctype": _bytes(name, _doctype),
            f"{short}_attributes": _bytes(name, _attributes),
            f"{short}_other_root": _bytes(name, lambda d: b"<EML/>"),
            f"{short}_stray_signature": _tree(name, _stray_signature),
            f"{short}_no_seal": _tree(name, _drop_seal),
            f"{short}_bureau_renamed": _tree(name, _rename_bureau),
            f"{short}_platform_changed": _tree(name, _platform_mode),
            f"{short}_foreign_element": _tree(name, _foreign_element),
            f"{short}_foreign_element_resealed": _tree(name, _foreign_element, reseal=True),
            f"{short}_training_resealed": _tree(name, _training, reseal=True),
            f"{short}_platform_resealed": _tree(name, _platform_mode, reseal=True),
            f"{short}_bureau_renamed_resealed": _tree(name, _rename_bureau, reseal=True),
        }
    for name in (VOTES_FILE, PASS1, PASS2):
        short = name.removesuffix(".xml")
        rows |= {
            f"{short}_candidate": _tree(name, _set_candidate),
            f"{short}_category": _tree(name, _set_category),
            f"{short}_ballot_dropped": _tree(name, _drop_ballot),
            f"{short}_ballot_dropped_resealed": _tree(name, _drop_ballot, reseal=True),
            f"{short}_bad_ballot_id_resealed": _tree(name, _bad_ballot_id, reseal=True),
        }
    rows |= {
        "votes-460_ballot_signature_dropped": _tree(VOTES_FILE, _drop_ballot_signature),
        "votes-460_ballot_signature_dropped_resealed": _tree(VOTES_FILE, _drop_ballot_signature, reseal=True),
        "votes-460_candidate_resealed": _tree(VOTES_FILE, _set_candidate, reseal=True),
        "count-510_total_counted_resealed": _tree(COUNT_FILE, _total_counted, reseal=True),
        "count-510_list_votes_resealed": _tree(COUNT_FILE, _list_votes, reseal=True),
        "pass1_reading_changed_resealed": _tree(PASS1, _reading_mark, reseal=True),
        "pass2_reading_dropped_resealed": _tree(PASS2, _reading_dropped, reseal=True),
        "pass_files_swapped": _swapped(PASS1, PASS2),
        "votes_and_pass1_swapped": _swapped(VOTES_FILE, PASS1),
        "count-510_of_another_bureau": _other_bureau(test_pki),
        "pass1_signed_by_another_bureau": _signed_by(PASS1, test_pki.signer("P-2")),
        "pass2_signed_by_another_authority": _signed_by(PASS2, TestPki().signer("P-1")),
        "count-510_signed_by_another_authority": _signed_by(COUNT_FILE, TestPki().signer("P-1")),
        "votes-460_resealed_by_another_authority": _signed_by(VOTES_FILE, TestPki().signer("P-1")),
        "pv_garbage": _bytes(PV_FILE, lambda d: b"%PDF-1.7\n"),
        "pv_missing": _removed(PV_FILE),
        "log_line_changed": _bytes(LOG_FILE, lambda d: d.replace(b'"seq":1,', b'"seq":7,', 1)),
        "log_missing": _removed(LOG_FILE),
        "log_event_a_list": _bytes(LOG_FILE, lambda d: d.replace(b'"event":"results.built"', b'"event":["x"]', 1)),
        "log_detail_a_list": _bytes(LOG_FILE, lambda d: d.replace(b'"detail":{', b'"detail":[{', 1)),
        "log_results_built_dropped": _bytes(LOG_FILE, _without_line(b'"event":"results.built"')),
        "log_platform_dropped": _bytes(LOG_FILE, _without_line(b'"event":"platform.measured"')),
        "extra_file": _added("figures.csv", b"1,2,3\n"),
        "everything_missing": _removed(VOTES_FILE, COUNT_FILE, PASS1, PASS2, PV_FILE, LOG_FILE),
    }
    return rows


# --- the report, as data --------------------------------------------------------------------------------------------


_HASH = re.compile(r"\b[0-9a-f]{64}\b")


def _plain(value: object) -> object:
    """A parameter as data; a SHA-256 printed in a file blanked (it changes with every run's fresh keys)."""
    if isinstance(value, Message):
        return {"key": value.key, "params": {k: _plain(v) for k, v in value.params.items()}}
    return _HASH.sub("<sha256>", value) if isinstance(value, str) else value


def snapshot(report: StationReport) -> dict[str, Any]:
    """Everything the report says: each problem and note as key and parameters, and the contract's JSON of it (the
    platform's software version left out: it changes with every release)."""
    shown = json.loads(_HASH.sub("<sha256>", json.dumps(sticks_json([StickReport([report])], "nl")["stations"][0])))
    if isinstance(shown["platform"], dict):
        shown["platform"].pop("software_version", None)
    return {
        "problems": [[key, {k: _plain(v) for k, v in params.items()}] for key, params in report.problems],
        "notes": [[key, {k: _plain(v) for k, v in params.items()}] for key, params in report.notes],
        "signer": None if report.signer is None else station_id_of(report.signer),
        "carried": len(report.carried),
        "json": shown,
    }


def test_every_report_is_the_one_recorded_before(made: Files, test_pki: TestPki) -> None:
    signer = test_pki.signer("P-1")
    found: dict[str, Any] = {}
    for case, damage in damages(test_pki).items():
        files = dict(made)
        damage(files, signer)
        found[case] = snapshot(verify_files("P-1", files, test_pki.root.certificate, AT))
    text = json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("TABULA_REGENERATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert found.keys() == recorded.keys()
    for case in found:  # one assertion per row: the first difference names its case
        assert json.loads(json.dumps(found[case])) == recorded[case], case


def test_the_table_reaches_every_kind_of_check(made: Files, test_pki: TestPki) -> None:
    """The table is worth comparing: its rows fail in the signatures, the schema, the reading, the recount and the
    pass readings, and the intact set verifies."""
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert recorded["intact"]["problems"] == []
    keys = {problem[0] for row in recorded.values() for problem in row["problems"]}
    details = {
        problem[1]["detail"]["key"]
        for row in recorded.values()
        for problem in row["problems"]
        if isinstance(problem[1].get("detail"), dict)
    }
    assert {"verify.schema", "verify.recount_differs", "verify.in_file", "verify.wrong_station"} <= keys
    assert {"eml.ballot_signature_invalid", "eml.message_signature_invalid", "eml.malformed"} <= details
    assert any(key.startswith("verify.pass") for key in keys), keys
