"""`tabula verify` against hostile files: no file hangs it or stops it, every byte has one valid form.

Each row damages one bureau of a stick holding two (A-001 damaged, A-002 intact) and runs `tabula verify --json` as
a separate process: the damaged bureau fails with a problem naming what is wrong, the intact one still verifies, and
the JSON object is always printed. The subprocess timeout is only a guard against a hang, not a performance test.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess  # nosec B404 - the public command line, as an importer runs it
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms as asn1_cms
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.cli import main
from app.seclog import canonical_json
from app.signing.ecdsa import _ORDERS
from tests.contract_fixtures import Master, build_test_master
from tests.test_replay_verify import Run, ballots, rewrite_manifest

ROOT = Path(__file__).resolve().parents[1]
N = _ORDERS["secp256r1"]  # the test PKI's keys are P-256
GUARD = 30  # seconds: "does not hang", nothing more


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="module")
def two_bureaus(master: Master, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stick with the results of A-001 and A-002 (30 ballots each), made once and copied for every test."""
    folder = tmp_path_factory.mktemp("two")
    run = Run(master.stick(folder / "stick"), folder, master)
    for station in ("A-001", "A-002"):
        assert run.replay(ballots(master, 30), station=station) == 0
    return run.stick


@pytest.fixture
def stick(two_bureaus: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(two_bureaus, tmp_path / "stick"))


def verify(stick: Path, master: Master, *extra: str) -> tuple[int, dict[str, Any]]:
    """`tabula verify STICK --ca root.pem --json` in its own process: exit code and the printed object."""
    command = [sys.executable, "-m", "app.cli", "verify", str(stick), "--ca", str(master.root_pem), "--json", *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=GUARD, check=False)  # nosec B603
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def problems_of(report: dict[str, Any], station: str) -> list[str]:
    (found,) = [s for s in report["stations"] if s["station"] == station]
    return list(found["problems"])


# --- damage, one function per kind ----------------------------------------------------------------------------------


def _edit(name: str, change: Callable[[bytes], bytes], *, manifest: bool = True) -> Callable[[Path], None]:
    """Change one file of A-001 and (as whoever edits a file would) make the manifest fit again."""

    def damage(folder: Path) -> None:
        path = folder / name
        new = change(path.read_bytes())
        assert new != path.read_bytes(), f"the damage did not change {name}"
        path.write_bytes(new)
        if manifest:
            rewrite_manifest(folder)

    return damage


def _insert_into_eml(extra: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        return data.replace(b"<TransactionId>", extra + b"<TransactionId>", 1)

    return change


def _attributes(n: int) -> bytes:
    return b"<Extra " + b" ".join(b'a%d="1"' % i for i in range(n)) + b"/>"


def _sparse(name: str, size: int) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        with (folder / name).open("r+b") as handle:
            handle.truncate(size)  # a hole: nothing written, the size is what the folder reports
        rewrite_manifest_without_reading(folder, name)

    return damage


def rewrite_manifest_without_reading(folder: Path, big: str) -> None:
    """The manifest made to fit every file but `big` (whose hash nobody can afford): the size check comes first."""
    manifest = json.loads((folder / "manifest.json").read_bytes())
    from app.stick import make_manifest, sha256_hex

    hashes = {
        p.name: sha256_hex(p.read_bytes())
        for p in folder.iterdir()
        if p.name not in {"manifest.json", "manifest.p7s", big}
    }
    hashes[big] = manifest["files"][big]
    (folder / "manifest.json").write_bytes(make_manifest(folder.name, hashes))


def _log_line(change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def edit(log: bytes) -> bytes:
        first, _, rest = log.partition(b"\n")
        return change(first) + b"\n" + rest

    return edit


def _first_seq(value: bytes) -> Callable[[bytes], bytes]:
    """The first log line with `value` as its `seq`."""
    return _log_line(lambda line: line.replace(b'"seq":0', b'"seq":' + value))


def _pv_gap(pdf: bytes) -> tuple[int, int]:
    """Where the signature's /Contents hex string lies: the gap of the last /ByteRange."""
    *_, found = re.finditer(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+\d+\s*\]", pdf)
    return int(found[1]), int(found[2])


def _pv_contents(change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    """Replace the hex text of the PV's /Contents (between `<` and `>`) by `change(hex)`, same length."""

    def edit(pdf: bytes) -> bytes:
        start, end = _pv_gap(pdf)
        new = change(pdf[start + 1 : end - 1])
        assert len(new) == end - start - 2
        return pdf[: start + 1] + new + pdf[end - 1 :]

    return edit


def _last_digit_padding(hex_text: bytes) -> bytes:
    return hex_text[:-1] + b"1"  # the padding after the DER is zero bytes: one nibble of it set


def _high_s_der(der: bytes) -> bytes:
    r, s = decode_dss_signature(der)
    return encode_dss_signature(r, N - s)


def _pv_high_s(hex_text: bytes) -> bytes:
    raw = bytes.fromhex(hex_text.decode("ascii"))
    info = asn1_cms.ContentInfo.load(raw, strict=False)
    length = len(info.dump())
    signer_info = info["content"]["signer_infos"][0]
    signer_info["signature"] = _high_s_der(signer_info["signature"].native)
    der = info.dump(force=True)
    assert raw[:length] != der
    return der.hex().upper().encode("ascii").ljust(len(hex_text), b"0")


def _xml_seal_high_s(xml: bytes) -> bytes:
    """The message Seal (the first SignatureValue, in the header) with s replaced by n - s."""
    found = re.search(rb"<ds:SignatureValue>([^<]*)</ds:SignatureValue>", xml)
    assert found
    value = base64.b64decode(b"".join(found[1].split()))
    r, s = value[:32], int.from_bytes(value[32:], "big")
    flipped = base64.b64encode(r + (N - s).to_bytes(32, "big"))
    return xml[: found.start(1)] + flipped + xml[found.end(1) :]


def _log_seal_high_s(log: bytes) -> bytes:
    lines = log.rstrip(b"\n").split(b"\n")
    seal = json.loads(lines[-1])
    seal["signature"] = base64.b64encode(_high_s_der(base64.b64decode(seal["signature"]))).decode("ascii")
    return b"\n".join([*lines[:-1], canonical_json(seal)]) + b"\n"


def _p7s_high_s(p7s: bytes) -> bytes:
    info = asn1_cms.ContentInfo.load(p7s)
    signer_info = info["content"]["signer_infos"][0]
    signer_info["signature"] = _high_s_der(signer_info["signature"].native)
    return bytes(info.dump(force=True))


def _p7s_issuing_certificate_high_s(p7s: bytes) -> bytes:
    """The issuing CA's certificate inside the p7s with its own signature turned to the other form: it still chains
    (certificate signatures are checked mathematically), but it is no longer the certificate the files carry."""
    info = asn1_cms.ContentInfo.load(p7s)
    for choice in info["content"]["certificates"]:
        certificate = choice.chosen
        if certificate.subject.native["common_name"] == "Tabula Issuing CA":
            certificate["signature_value"] = _high_s_der(certificate["signature_value"].native)
    return bytes(info.dump(force=True))


def _remove(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).unlink()

    return damage


def _last_trailer(change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def edit(pdf: bytes) -> bytes:
        at = pdf.rindex(b"trailer")
        return pdf[:at] + change(pdf[at:])

    return edit


# (name, damage of A-001's folder, a fragment the problem must contain)
HOSTILE: list[tuple[str, Callable[[Path], None], str]] = [
    # shapes no canonicalisation is run on
    (
        "150000_attributes_in_one_element",
        _edit("votes-460.xml", _insert_into_eml(_attributes(150_000))),
        "meer dan 16 attributen",
    ),
    ("nested_300_deep", _edit("count-510.xml", _insert_into_eml(b"<a>" * 300 + b"</a>" * 300)), "niveaus diep"),
    ("3_million_elements", _edit("votes-460-pass1.xml", _insert_into_eml(b"<b/>" * 3_000_000)), "elementen"),
    # sizes refused before a byte is read
    ("6_GB_sparse_460", _sparse("votes-460.xml", 6 << 30), "votes-460.xml is te groot"),
    ("40_MB_security_log", _sparse("security-log.jsonl", 40 << 20), "security-log.jsonl is te groot"),
    # JSON readers
    ("seq_1e999", _edit("security-log.jsonl", _first_seq(b"1e999")), "regel 1"),
    ("seq_NaN", _edit("security-log.jsonl", _first_seq(b"NaN")), "regel 1"),
    ("1000_nested_arrays_in_the_log", _edit("security-log.jsonl", _first_seq(b"[" * 1000 + b"]" * 1000)), "regel 1"),
    # malformed PDFs
    (
        "1000_nested_arrays_in_the_pv_trailer",
        _edit("pv.pdf", _last_trailer(lambda t: t.replace(b"<<", b"<< /Nest " + b"[" * 1000 + b"]" * 1000, 1))),
        "pv.pdf",
    ),
    ("size_4..6", _edit("pv.pdf", _last_trailer(lambda t: re.sub(rb"/Size \d+", b"/Size 4..6", t, count=1))), "pv.pdf"),
    # one form per signature: the PV's /Contents
    ("contents_in_lower_case", _edit("pv.pdf", _pv_contents(lambda h: h.lower())), "pv.pdf"),
    ("contents_padding_not_zero", _edit("pv.pdf", _pv_contents(_last_digit_padding)), "pv.pdf"),
    ("contents_with_a_blank", _edit("pv.pdf", _pv_contents(lambda h: h[:-2] + b" 0")), "pv.pdf"),
    # one form per signature: s replaced by n - s, re-encoded
    ("pv_signature_high_s", _edit("pv.pdf", _pv_contents(_pv_high_s)), "pv.pdf"),
    ("460_message_seal_high_s", _edit("votes-460.xml", _xml_seal_high_s), "votes-460.xml"),
    ("510_message_seal_high_s", _edit("count-510.xml", _xml_seal_high_s), "count-510.xml"),
    ("log_seal_high_s", _edit("security-log.jsonl", _log_seal_high_s), "zegel"),
    ("p7s_high_s", _edit("manifest.p7s", _p7s_high_s, manifest=False), "manifest.p7s"),
    (
        "p7s_issuing_certificate_high_s",
        _edit("manifest.p7s", _p7s_issuing_certificate_high_s, manifest=False),
        "manifest.p7s is ondertekend met een ander certificaat",
    ),
    # the manifest's signature
    ("p7s_missing", _remove("manifest.p7s"), "manifest.p7s ontbreekt"),
    ("p7s_garbage", _edit("manifest.p7s", lambda _: b"\x30\x03\x02\x01\x00", manifest=False), "manifest.p7s"),
    ("p7s_byte_appended", _edit("manifest.p7s", lambda p: p + b"\0", manifest=False), "manifest.p7s"),
    (
        "manifest_reformatted",
        _edit("manifest.json", lambda m: m.replace(b"\n  ", b"\n   "), manifest=False),
        "manifest.json",
    ),
]


@pytest.mark.parametrize(("name", "damage", "fragment"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_a_hostile_file_is_the_bureaus_problem_and_the_other_bureau_still_verifies(
    stick: Path, master: Master, name: str, damage: Callable[[Path], None], fragment: str
) -> None:
    damage(stick / "results" / "A-001")
    code, report = verify(stick, master)
    assert code == 1 and report["ok"] is False
    damaged = problems_of(report, "A-001")
    assert any(fragment in p for p in damaged), damaged
    assert problems_of(report, "A-002") == []  # the intact bureau beside it: verified and reported


def test_the_intact_stick_verifies_and_openssl_checks_the_manifest_signature(stick: Path, master: Master) -> None:
    code, report = verify(stick, master)
    assert code == 0 and [s["station"] for s in report["stations"]] == ["A-001", "A-002"], report
    if shutil.which("openssl") is None:  # pragma: no cover - scripts/setup.sh installs it
        pytest.fail("openssl is missing: ./scripts/setup.sh installs the tools the tests need")
    shutil.copy(master.root_pem, stick / "root-ca.pem")
    folder = stick / "results" / "A-001"
    command = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s"]
    command += ["-content", "manifest.json", "-CAfile", str(stick / "root-ca.pem"), "-purpose", "any"]
    command += ["-out", "/dev/null"]
    done = subprocess.run(command, cwd=folder, capture_output=True, timeout=GUARD, check=False)  # nosec B603
    assert done.returncode == 0, done.stderr
    (folder / "manifest.json").write_bytes((folder / "manifest.json").read_bytes().replace(b'"A-001"', b'"A-0O1"'))
    done = subprocess.run(command, cwd=folder, capture_output=True, timeout=GUARD, check=False)  # nosec B603
    assert done.returncode != 0  # one byte of the manifest changed: openssl refuses it too


def test_a_bureau_out_of_time_is_reported_and_the_object_still_printed(stick: Path, master: Master) -> None:
    code, report = verify(stick, master, "--budget", "0.001")
    assert code == 1 and [s["station"] for s in report["stations"]] == ["A-001", "A-002"]
    for station in ("A-001", "A-002"):
        assert any("gestopt" in p for p in problems_of(report, station)), report


def test_whatever_a_bureaus_checks_raise_is_that_bureaus_problem(
    stick: Path, master: Master, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.verify.files

    real = app.verify.files._recount

    def fragile(report: app.verify.StationReport, *args: Any) -> str:
        if report.station == "A-001":
            raise RecursionError("a library gave up")
        return real(report, *args)

    monkeypatch.setattr(app.verify.files, "_recount", fragile)
    assert main(["verify", str(stick), "--ca", str(master.root_pem), "--json"]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert any("RecursionError" in p for p in problems_of(report, "A-001"))
    assert problems_of(report, "A-002") == [] and "a library gave up" not in captured.out + captured.err


@pytest.mark.parametrize("entry", [".hidden", ".A-001.new-zz", ".A-001.new-0a1b.pdf"])
def test_a_hidden_entry_under_results_is_reported_and_fails(stick: Path, master: Master, entry: str) -> None:
    if entry.endswith(".pdf"):  # named like a leftover, but a file: Tabula never writes one
        shutil.copy(stick / "results" / "A-001" / "pv.pdf", stick / "results" / entry)
    else:
        shutil.copytree(stick / "results" / "A-001", stick / "results" / entry)
    code, report = verify(stick, master)
    assert code == 1
    assert [s["station"] for s in report["stations"] if not s["ok"]] == [entry]
    assert problems_of(report, entry) and problems_of(report, "A-001") == []


@pytest.mark.parametrize("entry", [".A-001.new-0a1b", ".A-002.old-0a1b"])
def test_a_leftover_of_an_interrupted_write_is_named_and_the_sets_beside_it_still_verify(
    stick: Path, master: Master, entry: str
) -> None:
    """Contract: an interrupted write leaves the old complete set, and that set verifies; the leftover is named."""
    shutil.copytree(stick / "results" / "A-001", stick / "results" / entry)
    code, report = verify(stick, master)
    assert code == 0 and [s["station"] for s in report["stations"]] == ["A-001", "A-002"]
    (note,) = report["notes"]
    assert entry in note


def test_a_stick_without_results_prints_its_object_with_a_problem(master: Master, tmp_path: Path) -> None:
    empty = master.stick(tmp_path / "empty")
    code, report = verify(empty, master)
    assert (code, report["ok"], report["stations"]) == (1, False, []) and report["problems"]
    (empty / "results").mkdir()
    code, report = verify(empty, master)
    assert (code, report["stations"]) == (1, []) and report["problems"]
