#!/usr/bin/env python3
"""Write docs/security-report.md: the static and dynamic security tests of this release and their results (X3).

Run through scripts/security-report.sh (which sets up the venv first). Every figure in the report is measured by
this run; nothing is copied from an earlier one. `--long` adds the long runs (the replay soak with 50 SIGKILLs of a
2,400-ballot count, the fault sweep at every call); `--pip-audit PATH` names a pip-audit executable (kept out of
the project's venv: its own dependencies are not in our lock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess  # nosec B404  # runs the project's own tools
import sys
import tempfile
import time
import xml.etree.ElementTree as ET  # nosec B405  # parses the JUnit XML our own pytest run just wrote
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
REPORT = ROOT / "docs" / "security-report.md"

# The dynamic suites: what each shows, and its test files (those absent in this release are left out).
SUITES: list[tuple[str, str, list[str]]] = [
    (
        "Fault injection: the stick",
        "a FUSE stick (tests/faultfs.py) that fills up, turns read-only, is pulled after any call, fails one call "
        "of any kind, or loses a folder's contents on rename; a real FAT driver (fusefat); the same faults at every "
        "os call in-process; a stick that is not the master the count was loaded from",
        ["tests/test_faults.py", "tests/test_stick.py", "-k", "not replay"],
    ),
    (
        "Fault injection: processes killed",
        "the kiosk's journal under SIGKILL at random moments (no confirmed ballot lost); `tabula replay` under "
        "SIGKILL and SIGTERM (no partial result verifies, no ballot journal left, a rerun completes)",
        ["tests/test_journal_crash.py", "tests/test_faults.py::test_replay_killed_at_random_moments_never_leaves_a_"
         "partial_result_or_its_ballots", "tests/test_faults.py::test_replay_stopped_with_sigterm_removes_its_folder"],
    ),
    (
        "Hostile input: sticks and logins",
        "every byte of the master's issuing certificate changed in turn, and a spread of the manifest's and its "
        "signature's; tampered bundles; a damaged or foreign stick inserted while the kiosk runs",
        ["tests/test_station_login.py", "tests/ui/test_backend.py"],
    ),
    (
        "Hostile input: files of the authority and the bureau",
        "names with bidi controls, zero-width and other invisible characters, 100,000 characters; a 5,000-digit EML "
        "230 identifier; CSV fields over the csv module's limit; pass, decision, bureau and key files",
        ["tests/provisioning", "tests/test_pass_files.py", "tests/test_replay_bureau.py", "tests/test_keys_cli.py"],
    ),
    (
        "Hostile input: results and verify (tamper tables, limits)",
        "forged, altered, re-signed and oversized result files; XML limits; the security log; the PDF trailer",
        ["tests/test_replay_verify.py", "tests/test_verify_passes.py", "tests/test_verify_robust.py", "tests/eml",
         "tests/signing", "tests/test_seclog.py"],
    ),
]
LONG_SUITES: list[tuple[str, str, list[str], dict[str, str]]] = [
    (
        "Soak: 50 SIGKILLs of a 2,400-ballot replay",
        "as the replay kill test, 50 kills at random moments of a 2,400-ballot count",
        ["tests/test_faults.py::test_replay_killed_at_random_moments_never_leaves_a_partial_result_or_its_ballots"],
        {"TABULA_REPLAY_KILLS": "50", "TABULA_REPLAY_BALLOTS": "2400"},
    ),
    (
        "Fault sweep at every call (FUSE)",
        "EIO at every call of every kind a write makes; the stick pulled after every single call",
        ["tests/test_faults.py::test_one_failing_call_of_any_kind_is_reported_or_the_write_is_complete",
         "tests/test_faults.py::test_a_stick_pulled_at_any_moment_of_a_write_keeps_a_complete_set_and_the_retry_"
         "completes"],
        {"TABULA_FULL_FAULTS": "1"},
    ),
]


@dataclass
class Run:
    command: str
    code: int
    output: str  # stdout, then stderr
    seconds: float
    stdout: str = ""


def run(args: list[str], env: dict[str, str] | None = None, timeout: int = 3600) -> Run:
    started = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603  # nosec B603
            args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=timeout,
            check=False,
        )  # fmt: skip
        code, output, stdout = done.returncode, done.stdout + done.stderr, done.stdout
    except (OSError, subprocess.TimeoutExpired) as error:
        code, output, stdout = -1, f"{type(error).__name__}: {error}", ""
    shown = " ".join(a.replace(str(ROOT) + "/", "") for a in args)
    return Run(shown, code, output, time.monotonic() - started, stdout)


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no output)"


def static_section() -> list[str]:
    out = ["## Static analysis", ""]
    ruff = run([str(VENV / "ruff"), "check", "app", "provisioning", "tests", "bench"])
    # only the S rules, with the project's one exception (S101: see pyproject.toml); --select alone would drop it
    ruff_s = run([str(VENV / "ruff"), "check", "--select", "S", "--ignore", "S101", "--statistics", "app",
                  "provisioning"])  # fmt: skip
    mypy = run([str(VENV / "mypy"), "--strict", "app", "provisioning"])
    bandit = run([str(VENV / "bandit"), "-q", "-r", "app", "provisioning", "-c", "pyproject.toml", "-f", "json"])
    try:
        findings = json.loads(bandit.stdout)["results"]
    except (ValueError, KeyError):
        findings = None
    out += [
        "| tool | what | command | result |",
        "|---|---|---|---|",
        f"| ruff 0.17.6 | lint incl. the flake8-bandit `S` rules (pyproject `[tool.ruff.lint]`) | `{ruff.command}` | "
        f"{'pass' if ruff.code == 0 else 'FAIL'}: {last_line(ruff.output)} |",
        f"| ruff `S` only | security rules on the shipped code | `{ruff_s.command}` | "
        f"{'no finding' if ruff_s.code == 0 else 'FINDINGS: ' + last_line(ruff_s.output)} |",
        f"| mypy 2.4.1 | `--strict` type check | `{mypy.command}` | "
        f"{'pass' if mypy.code == 0 else 'FAIL'}: {last_line(mypy.output)} |",
        "| bandit 1.9.4 | security linter (B101 skipped: see pyproject) | `bandit -q -r app provisioning -c "
        "pyproject.toml` | "
        + ("could not run" if findings is None else f"{len(findings)} finding(s)") + " |",
        "",
    ]
    if findings:
        out += ["bandit findings:", ""]
        out += [
            f"- `{f['filename']}:{f['line_number']}` {f['test_id']} ({f['issue_severity']}/{f['issue_confidence']}):"
            f" {f['issue_text']}"
            for f in findings
        ]
        out.append("")
    for name, result in (("ruff", ruff), ("mypy", mypy)):
        if result.code != 0:
            out += [f"{name} output (first lines):", "", "```", *result.output.splitlines()[:30], "```", ""]
    return out


def pytest_suite(paths: list[str], env: dict[str, str] | None = None) -> tuple[Run, dict[str, int]]:
    present = [p for p in paths if p.startswith("-") or not p.startswith("tests") or (ROOT / p.split("::")[0]).exists()]
    with tempfile.TemporaryDirectory() as folder:
        junit = Path(folder) / "junit.xml"
        result = run(
            [str(VENV / "pytest"), "-q", "-p", "no:cacheprovider", "-p", "no:warnings", "-s", f"--junitxml={junit}",
             *present],
            env={"QT_QPA_PLATFORM": "offscreen", **(env or {})},
        )  # fmt: skip
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if junit.exists():
            suite = ET.parse(junit).getroot()  # noqa: S314  # nosec B314
            node = suite if suite.tag == "testsuite" else suite.find("testsuite")
            if node is not None:
                counts = {key: int(node.get(key, "0")) for key in counts}
        result.command = "pytest " + " ".join(present)
    return result, counts


def dynamic_section(long: bool) -> list[str]:
    out = ["## Dynamic tests", ""]
    out += ["| suite | what it shows | tests | passed | failed | skipped | time |", "|---|---|---|---|---|---|---|"]
    details: list[str] = []
    suites = [(*s, {}) for s in SUITES] + (list(LONG_SUITES) if long else [])
    for title, what, paths, env in suites:
        result, counts = pytest_suite(paths, env)
        failed = counts["failures"] + counts["errors"]
        passed = counts["tests"] - failed - counts["skipped"]
        out.append(
            f"| {title} | {what} | {counts['tests']} | {passed} | {failed} | {counts['skipped']} | "
            f"{result.seconds:.0f} s |"
        )
        prints = [line for line in result.output.splitlines() if re.search(r"kills of a|SKIPPED|FAILED", line)]
        details += [f"- {title}: `{result.command}`", *[f"  - {line.strip()}" for line in prints]]
    out += ["", "Commands and notable lines:", "", *details, ""]
    if not long:
        out += ["The long runs (soak, sweep at every call) were not part of this run: `--long`.", ""]
    return out


def dependency_section(pip_audit: str | None) -> list[str]:
    out = ["## Dependencies", ""]
    lock = ROOT / "requirements.lock"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^ \\]+)", lock.read_text("utf-8"), re.MULTILINE)
    hashes = lock.read_text("utf-8").count("--hash=sha256:")
    out += [
        f"`requirements.lock`: {len(pins)} packages, {hashes} file hashes, SHA-256 of the lock `{digest}`; "
        "`scripts/setup.sh` installs only from it (`--require-hashes`, build tools from `requirements-build.lock`, "
        "`--no-build-isolation`).",
        "",
    ]
    check = run([sys.executable, "scripts/check-locks.py"])
    out += ["Appliance lock (`image/requirements.lock`) against this one (`scripts/check-locks.py`): "
            + ("the same runtime versions." if check.code == 0 else "they differ:"), ""]  # fmt: skip
    if check.code != 0:
        out += [f"- {line}" for line in check.output.strip().splitlines()] + [""]
    args = [sys.executable, "scripts/audit-deps.py"] + (["--pip-audit", pip_audit] if pip_audit else [])
    audit = run(args)
    verdicts = {
        0: "every package audited, none with a known vulnerability",
        1: "A KNOWN VULNERABILITY",
        3: "NOT EVERY PACKAGE COULD BE AUDITED",
    }
    verdict = verdicts.get(audit.code, f"the audit failed (exit {audit.code})")
    out += [f"Vulnerability audit (`{audit.command}`): **{verdict}**. {last_line(audit.output)}", ""]
    notable = [line for line in audit.output.splitlines() if "not audited" in line or "GHSA" in line or "PYSEC" in line]
    out += [f"- {line}" for line in notable] + [""]
    out += ["<details><summary>Every locked package</summary>", "", "| package | version |", "|---|---|"]
    out += [f"| {name} | {version} |" for name, version in pins] + ["", "</details>", ""]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="also the soak and the sweep at every call")
    parser.add_argument("--pip-audit", help="pip-audit executable (a separate tool venv)")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args()
    commit = run(["git", "rev-parse", "--short", "HEAD"]).output.strip()
    dirty = run(["git", "status", "--porcelain", "--untracked-files=no"]).output.strip()
    head = ROOT / "docs" / "security-report.head.md"
    lines = [
        "# Security test report",
        "",
        f"Generated by `scripts/security-report.sh{' --long' if args.long else ''}` on "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC for commit `{commit}`"
        + (" with uncommitted changes in the work tree" if dirty else "") + f", on {os.uname().sysname} "
        f"{os.uname().release}, Python {sys.version.split()[0]}, {os.cpu_count()} cores. Do not edit by hand: the "
        "text around the figures is `docs/security-report.head.md`.",
        "",
    ]
    if head.exists():
        lines += [head.read_text("utf-8").rstrip(), ""]
    lines += static_section() + dynamic_section(args.long) + dependency_section(args.pip_audit)
    args.out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    if shutil.which("git") is None:
        sys.exit("git is needed")
    sys.exit(main())
