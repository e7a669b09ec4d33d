"""A verification report said in the reader's language: the text for a reader and the contract's `--json` object."""

from __future__ import annotations

import io
from typing import Any

from app.i18n import translate
from app.verify.report import Message, Problem, StationReport, StickReport


def render_problem(problem: Problem, language: str) -> str:
    key, params = problem
    return translate(key, language, **_rendered(params, language))


def _rendered(params: dict[str, object], language: str) -> dict[str, object]:
    return {
        name: translate(value.key, language, **_rendered(value.params, language))
        if isinstance(value, Message)
        else value
        for name, value in params.items()
    }


def sticks_json(sticks: list[StickReport], language: str, problems: list[Problem] | None = None) -> dict[str, Any]:
    """The contract's object over every stick given (`verify STICK_DIR...`): `stations` holds every bureau of every
    stick, each naming its `stick`; `sticks` has one entry per stick with its own problems and notes; the top-level
    `problems` and `notes` are those of the sticks (each prefixed with its stick when there are several, so one
    stick's output is exactly the single-stick object) and of the command itself (`problems`: an unreadable root)."""
    several = len(sticks) > 1

    def rendered(stick_report: StickReport, found: list[Problem]) -> list[str]:
        texts = [render_problem(p, language) for p in found]
        return [f"{stick_report.folder}: {text}" for text in texts] if several else texts

    return {
        "ok": bool(sticks) and not problems and all(s.ok for s in sticks),
        "stations": [_station_json(r, language, s.folder) for s in sticks for r in s.stations],
        "problems": [render_problem(p, language) for p in problems or []]
        + [text for s in sticks for text in rendered(s, s.problems)],
        "notes": [text for s in sticks for text in rendered(s, s.notes)],
        "sticks": [
            {
                "stick": s.folder,
                "ok": s.ok,
                "problems": [render_problem(p, language) for p in s.problems],
                "notes": [render_problem(p, language) for p in s.notes],
            }
            for s in sticks
        ],
    }


UNKNOWN = "unknown"  # --json: nothing signed could be read to tell it (never a guess, never a silent null)


def _station_json(report: StationReport, language: str, stick_folder: str = "") -> dict[str, Any]:
    t = report.tally
    return {
        "station": report.station,
        "stick": stick_folder,
        "ok": report.ok,
        "control_number": report.control_number,
        "election": report.election,
        "constituency": report.constituency,
        "name": report.name,
        "received": report.received,
        "entries": report.entries.as_json(),
        # what produced the result, from the files whose own signature verifies (also when the manifest fails)
        "platform": UNKNOWN if report.platform is None else report.platform.as_record(),
        "training": UNKNOWN if report.training is None else report.training,
        # the same keys whatever happened: null where the results could not be read
        "ballots": {
            "counted": t.counted if t else None,
            "valid": t.valid if t else None,
            "blank": t.blank if t else None,
            "invalid": t.invalid if t else None,
        },
        "lists": [
            {
                "list": lst.number,
                "sc1": lst.subcategories[0],
                "sc2": lst.subcategories[1],
                "sc3": lst.subcategories[2],
                "sc4": lst.subcategories[3],
                "ce": lst.ce,
                "titulars": list(lst.titular_votes),
                "successors": list(lst.successor_votes),
            }
            for lst in (t.lists if t else ())
        ],
        "problems": [render_problem(p, language) for p in report.problems],
        "notes": [render_problem(p, language) for p in report.notes],
    }


def report_text(
    reports: list[StationReport],
    language: str,
    problems: list[Problem] | None = None,
    notes: list[Problem] | None = None,
) -> str:
    """One stick's report for a reader: the stick's problems and notes, then a line per bureau with its problems
    (`-`) and notes (`*`)."""
    out = io.StringIO()
    for problem in [*(problems or []), *(notes or [])]:
        out.write(render_problem(problem, language) + "\n")
    if not reports and not problems:
        out.write(translate("verify.nothing", language) + "\n")
    unknown = translate("verify.unknown", language)
    for r in reports:
        status = translate("verify.ok" if r.ok else "verify.failed", language)
        number = r.control_number or unknown
        out.write(f"{r.station}: {status}  {translate('verify.control_number', language)} {number}\n")
        for problem in r.problems:
            out.write(f"  - {render_problem(problem, language)}\n")
        for note in r.notes:
            out.write(f"  * {render_problem(note, language)}\n")
    return out.getvalue()


def sticks_text(sticks: list[StickReport], language: str) -> str:
    """Every stick's report (`report_text`), under a heading per stick when there are several, and once at the end,
    when anything failed, what the verifier does about it (the problems say what is wrong, not who acts)."""
    parts = [
        (translate("verify.stick_heading", language, stick=s.folder) + "\n" if len(sticks) > 1 else "")
        + report_text(s.stations, language, s.problems, s.notes)
        for s in sticks
        if not s.missing  # said on stderr, as bad input
    ]
    failed = any(not s.ok for s in sticks if not s.missing)
    return "".join(parts) + (translate("verify.failed_next", language) + "\n" if failed else "")
