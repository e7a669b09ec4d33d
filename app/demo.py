"""`tabula demo`: the app on an embedded demo election, built into a temporary stick.

The demo goes through the real provisioning (a throwaway CA, a master with three demo bureaus, one per language)
so that what a visitor sees is exactly what a bureau sees. The demo passwords are fixed and printed; they are
public, which is fine for a demo and nowhere else.

Training (`tabula demo --training`, `tabula station --training`) is the same real flow on the same demo election,
with a training band on every screen and every output marked as training (`Provenance.training`), so that a
training result can never pass for a real one (`verify` refuses it).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from app.counting.model import Ballot, Box, Election, Mark, Position
from app.counting.notation import format_marks, format_status
from app.i18n import translate
from app.signing.bundle import CHEAP_KDF
from provisioning.ca import ROOT_CERT, init_ca, load_issuing
from provisioning.csv_import import import_files
from provisioning.master import build_master

DEMO_PASSWORDS = {
    "DEMO-1": "DEMO1-DEMO1-DEMO1-DEMO1",
    "DEMO-2": "DEMO2-DEMO2-DEMO2-DEMO2",
    "DEMO-3": "DEMO3-DEMO3-DEMO3-DEMO3",
}
DEMO_STATION_BY_LANGUAGE = {"nl": "DEMO-1", "fr": "DEMO-2", "de": "DEMO-3"}


@dataclass(frozen=True)
class DemoStick:
    stick: Path
    root_pem: Path


def build_demo_stick(folder: Path) -> DemoStick:
    """A CA and a master stick for the three demo bureaus, in `folder`."""
    now = dt.datetime.now(dt.UTC)
    passphrase = secrets.token_urlsafe(24).encode()
    ca_dir, stick = folder / "ca", folder / "stick"
    init_ca(ca_dir, passphrase, now, kdf=CHEAP_KDF)  # a throwaway CA: no need to make guessing its key costly
    data = resources.files("app") / "demo_data"
    with resources.as_file(data / "stations.csv") as stations, resources.as_file(data / "candidates.csv") as cands:
        imported = import_files(Path(stations), Path(cands))
    order = iter(s.id for s in imported.stations)
    build_master(
        load_issuing(ca_dir, passphrase, now),
        imported,
        stick,
        now,
        password_source=lambda: DEMO_PASSWORDS[next(order)],
        workers=1,
    )
    return DemoStick(stick, ca_dir / ROOT_CERT)


def demo_passes(election: Election, piles: int = 3, size: int = 40, seed: int = 2029) -> tuple[str, str, str]:
    """Pass 1, pass 2 and decisions as CSV text: pass 2 mistypes one ballot and skips another, like people do."""
    rng = random.Random(seed)  # demo data, not security  # noqa: S311  # nosec B311
    rows: list[tuple[int, int, Ballot]] = []
    for pile in range(1, piles + 1):
        for position in range(1, size + 1):
            rows.append((pile, position, _random_ballot(election, rng)))
    header = "pile,position,marks,status\n"
    pass1 = header + "".join(_row(p, i, b) for p, i, b in rows)
    second = [(p, i, b) for p, i, b in rows if not (p == 2 and i == 7)]  # pass 2 skipped ballot 2/7
    second = [(p, i - 1 if p == 2 and i > 7 else i, b) for p, i, b in second]
    second = [(p, i, Ballot() if (p, i) == (1, 12) else b) for p, i, b in second]  # and missed the marks of 1/12
    pass2 = header + "".join(_row(p, i, b) for p, i, b in second)
    decided = header + "".join(_row(p, i, b) for p, i, b in rows if p in (1, 2))  # the bureau looked: pass 1 was right
    return pass1, pass2, decided


def _random_ballot(election: Election, rng: random.Random) -> Ballot:
    lst = rng.choice(election.lists)
    roll = rng.random()
    if roll < 0.45:
        return Ballot(frozenset({Mark(lst.number, Box.LIST)}))
    if roll < 0.5:
        return Ballot(frozenset({Mark(lst.number, Box.SUCCESSOR, Position(rng.randint(1, len(lst.successors))))}))
    if roll < 0.93:
        marks = {Mark(lst.number, Box.TITULAR, Position(rng.randint(1, len(lst.titulars)))) for _ in range(2)}
        if lst.successors and rng.random() < 0.25:
            marks.add(Mark(lst.number, Box.SUCCESSOR, Position(rng.randint(1, len(lst.successors)))))
        return Ballot(frozenset(marks))
    if roll < 0.96:
        return Ballot()
    return Ballot(
        frozenset({Mark(lst.number, Box.LIST), Mark(rng.choice(election.lists).number, Box.TITULAR, Position(1))})
    )


def _row(pile: int, position: int, ballot: Ballot) -> str:
    return f"{pile},{position},{format_marks(ballot)},{format_status(ballot)}\n"


def has_screen() -> bool:
    """Whether a screen is there to show the kiosk on (an X or Wayland display, or an explicit Qt platform)."""
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_demo(*, headless: bool, language: str, witness: bool = False, training: bool = False) -> int:
    """`tabula demo`: the kiosk on the demo election, or without a screen a count printed as a table."""
    with tempfile.TemporaryDirectory(prefix="tabula-demo-") as scratch:
        demo = build_demo_stick(Path(scratch))
        station = DEMO_STATION_BY_LANGUAGE[language]
        print(translate("demo.login", language, station=station, password=DEMO_PASSWORDS[station]))
        if headless or not has_screen():
            if not headless:
                print(translate("demo.no_screen", language))
            return _headless(demo, station, language, Path(scratch), training=training)
        return _kiosk(demo, station, language, Path(scratch), witness=witness, training=training)


def run_training_station(*, language: str, witness: bool = False) -> int:
    """`tabula station --training`: the kiosk in training mode on the demo election (a screen is needed, as for
    `tabula station`); the trainees log in with the demo bureau of their language, shown on the login screen."""
    with tempfile.TemporaryDirectory(prefix="tabula-training-") as scratch:
        demo = build_demo_stick(Path(scratch))
        station = DEMO_STATION_BY_LANGUAGE[language]
        return _kiosk(demo, station, language, Path(scratch), witness=witness, training=True)


def _kiosk(demo: DemoStick, station: str, language: str, scratch: Path, *, witness: bool, training: bool) -> int:
    from app.ui.main import run_station

    return run_station(
        demo.stick,
        language,
        root_cert_path=demo.root_pem,
        state_dir=scratch / "state",
        demo_login=(station, DEMO_PASSWORDS[station]),
        witness=witness,
        training=training,
    )


def _headless(demo: DemoStick, station: str, language: str, scratch: Path, *, training: bool = False) -> int:
    """Count the demo election from generated passes and print the result table, then verify the stick."""
    from cryptography import x509

    from app.replay import run_replay
    from app.verify import TRAINING_PROBLEM, report_text, verify_stick

    root = x509.load_pem_x509_certificate(demo.root_pem.read_bytes())
    from app.station_login import load_station

    loaded = load_station(demo.stick, root, station, DEMO_PASSWORDS[station], dt.datetime.now(dt.UTC))
    pass1, pass2, decided = demo_passes(loaded.election)
    files = {}
    for name, text in (("pass1.csv", pass1), ("pass2.csv", pass2), ("decisions.csv", decided)):
        files[name] = scratch / name
        files[name].write_text(text, encoding="utf-8")
    number = run_replay(
        stick=demo.stick,
        station=station,
        password=DEMO_PASSWORDS[station],
        pass1=files["pass1.csv"],
        pass2=files["pass2.csv"],
        decisions=files["decisions.csv"],
        received=120,
        root=root,
        state_dir=scratch / "state",
        language=language,
        training=training,
    )
    reports = verify_stick(demo.stick, root, dt.datetime.now(dt.UTC))
    print(result_table(reports[0].tally, loaded.election, language) if reports and reports[0].tally else "")
    print(report_text(reports, language), end="")
    print(f"control number: {number}")
    # in training, verify must refuse the result as a training one, and find nothing else
    expected: list[tuple[str, dict[str, object]]] = [(TRAINING_PROBLEM, {})] if training else []
    return 0 if reports and all(r.problems == expected for r in reports) else 1


def result_table(t: object, election: Election, language: str) -> str:
    from app.counting.tally import Tally

    assert isinstance(t, Tally)
    lines = [translate("demo.table.header", language)]
    for lst, row in zip(election.lists, t.lists, strict=True):
        sc = " ".join(f"{n:>5}" for n in row.subcategories)
        lines.append(f"{lst.number:>4}  {lst.name:<22} {sc} {row.ce:>6}")
    lines.append(
        translate("demo.table.totals", language, counted=t.counted, valid=t.valid, blank=t.blank, invalid=t.invalid)
    )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_demo(headless=True, language="nl"))
