"""A whole count of 2,400 ballots on the Antwerp 2024 Chamber election, split into its steps, and `verify`.

Goals (issue 4): everything after the last decision under 5 s (law: 5 minutes); verify of the stick under 5 s.
Run: .venv/bin/python bench/replay.py [ballots]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography import x509

from app.counting import count as counting
from app.counting.classify import classify
from app.counting.double_entry import Pass
from app.eml.count import write_count
from app.eml.votes import write_votes
from app.replay import enter_pass
from app.report.pv import render_pv
from app.session import BureauContext, open_session
from app.signing.pades import sign_pdf
from app.station_login import load_station
from app.verify import verify_stick
from tests.contract_fixtures import PASSWORD, as_piles, build_test_master
from tests.counting.generate import random_ballots


class Clock:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def lap(self, label: str) -> float:
        now = time.perf_counter()
        took, self.start = now - self.start, now
        print(f"  {label:<38} {took * 1000:8.0f} ms")
        return took


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        master = build_test_master(folder / "m")
        stick = master.stick(folder / "stick")
        root = x509.load_pem_x509_certificate(master.root_pem.read_bytes())
        rows = as_piles(random_ballots(master.election, n, seed=3))
        piles = {}
        for p, _, b in rows:
            piles.setdefault(p, []).append(b)
        from app.pass_files import PileRows

        pile_rows = [PileRows(p, tuple(bs)) for p, bs in piles.items()]
        print(f"Replay of {n} ballots, Antwerp 2024 Chamber (12 lists, 24+13):")
        clock = Clock()
        loaded = load_station(stick, root, "A-001", PASSWORD, dt.datetime.now(dt.UTC))
        clock.lap("load station (cheap test KDF)")
        session = open_session(loaded, folder / "state")
        enter_pass(session, pile_rows, Pass.FIRST)
        enter_pass(session, pile_rows, Pass.SECOND)
        session.apply(counting.CloseEntry())
        clock.lap("enter both passes (journal, fsync each)")
        after_last_decision = 0.0
        context = BureauContext(received_total=n)
        for f in session.findings(context):
            session.apply(counting.Acknowledge(f.code))
        session.finalize(context)
        tally = session.tally()
        after_last_decision += clock.lap("tally + checks + finalize")
        ballots = session.final_ballots()
        today = dt.date.today()
        write_votes(
            "A-001", loaded.election, [(r, b, classify(b)) for r, b in ballots], loaded.signer, issue_date=today
        )
        write_count("A-001", loaded.election, tally, loaded.signer, issue_date=today)
        clock.lap("EML 460 + 510 with signatures (probe)")
        pv = render_pv(session._pv_data(context, tally, "0000-0000-0000-0000", "0" * 64, dt.datetime.now(dt.UTC)))
        sign_pdf(pv, loaded.signer, reason="bench", location="bench")
        clock.lap("PV render + PAdES sign (probe)")
        written = session.write_results(stick, context)
        after_last_decision += clock.lap("all files built, written, read back")
        print(
            f"  => after the last decision: {after_last_decision:.2f} s (goal < 5 s)  control number "
            f"{written.control_number}"
        )
        reports = verify_stick(stick, root, dt.datetime.now(dt.UTC))
        took = clock.lap("tabula verify (with full recount)")
        assert reports and all(r.ok for r in reports), [r.problems for r in reports]
        print(f"  => verify: {took:.2f} s (goal < 5 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2400)
