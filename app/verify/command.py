"""The `tabula verify STICK_DIR... --ca ROOT_PEM` command: its input, every stick, the report on stdout, exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from app.counting.definition import definition_problems
from app.counting.model import Election, ElectionCode
from app.errors import BadInput, TabulaError
from app.i18n import translate
from app.verify.render import render_problem, sticks_json, sticks_text
from app.verify.report import StickReport
from app.verify.sticks import DEFAULT_BUDGET, verify_results


def is_self_signed(certificate: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def read_definition(path: Path) -> Mapping[tuple[ElectionCode, str], Election]:
    """The authority's official elections: candidates.csv, or an EML 230 file (bad input names the file)."""
    from provisioning.csv_import import read_candidates, read_candidates_eml

    return read_candidates_eml(path) if path.suffix.lower() == ".xml" else read_candidates(path)


def verify_command(args: argparse.Namespace, language: str) -> int:
    """`tabula verify STICK_DIR... --ca ROOT_PEM`: every bureau of every stick. Exit 0 when all verify, 1 when a check
    failed, 2 for bad input (an unreadable root or definition, a stick folder that does not exist); with `--json`
    the object is printed on stdout in every case, bad input included (an import tool reads stdout)."""
    try:
        root = read_root(args.ca)
        definition = getattr(args, "definition", None)
        official = read_definition(definition) if definition is not None else None
    except TabulaError as error:
        if args.json:
            _print_json(sticks_json([], language, [(error.key, dict(error.params))]))
        print(translate(error.key, language, **error.params), file=sys.stderr)
        return EXIT_BAD_INPUT
    at = args.at or dt.datetime.now(dt.UTC)
    budget = getattr(args, "budget", DEFAULT_BUDGET)
    sticks = [verify_one_stick(folder, root, at, budget, official) for folder in args.sticks]
    if args.json:
        _print_json(sticks_json(sticks, language))
    else:
        sys.stdout.write(sticks_text(sticks, language))
    for missing in (s for s in sticks if s.missing):  # bad input: one line on stderr, also beside the JSON
        print(render_problem(missing.problems[0], language), file=sys.stderr)
    if any(s.missing for s in sticks):
        return EXIT_BAD_INPUT
    return 0 if all(s.ok for s in sticks) else 1


EXIT_BAD_INPUT = 2  # contract: bad input or usage


def read_root(path: Path) -> x509.Certificate:
    """The trust anchor given with --ca: a readable PEM certificate that is a root (BadInput otherwise)."""
    try:
        root = x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError):
        raise BadInput("replay.bad_root", file=str(path)) from None
    if not is_self_signed(root):  # e.g. issuing.pem given by mistake: the anchor must be the authority's root
        raise BadInput("verify.not_a_root", file=str(path))
    return root


def verify_one_stick(
    folder: Path,
    root: x509.Certificate,
    at: dt.datetime,
    budget: float,
    official: Mapping[tuple[ElectionCode, str], Election] | None,
) -> StickReport:
    """One stick of the command line: its report, `missing` when the folder does not exist (bad input)."""
    if not folder.is_dir():
        return StickReport(problems=[("verify.no_stick", {"stick": str(folder)})], folder=str(folder), missing=True)
    try:
        result = verify_results(folder, root, at, budget=budget)
    except Exception as error:  # never a bare "internal error" for a stick: the report still prints
        result = StickReport(problems=[("verify.stick_unreadable", {"what": type(error).__name__})])
    result.folder = str(folder)
    if official is not None:
        for station in result.stations:
            if station.tally is not None:
                station.problems += definition_problems(official, station.election, station.constituency, station.tally)
    return result


def _print_json(report: dict[str, Any]) -> None:
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
