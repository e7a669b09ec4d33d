"""Provisioning benchmark (P2, P5, S2): build a master with the real KDF and time the station's login.

    .venv/bin/python bench/provision.py [--bureaus 200] [--workers N] [--logins 5]

Realistic constituency: 12 lists x (24 titulars + 13 successors) = 444 candidates with accented names.
Prints bureaus/second/core, the extrapolated time for 5,000 bureaus, and password-entry-to-loaded-station time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import station_login
from app.counting.model import ElectionCode, Language, Station, StationId
from app.signing import bundle, pki
from provisioning import letters, master
from provisioning.ca import IssuingCa
from provisioning.csv_import import Imported
from tests.reference import synthetic


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bureaus", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--logins", type=int, default=5)
    args = parser.parse_args()

    now = dt.datetime.now(dt.UTC)
    root = pki.make_root_ca(now)
    ca = IssuingCa(pki.make_issuing_ca(root, now), root.certificate)
    election = synthetic(ElectionCode.CK, 12, 24, 13, name="Antwerpen")
    stations = tuple(
        Station(StationId(f"A-{n:05d}"), f"Telbureau {n}", ElectionCode.CK, "Antwerpen", Language.NL)
        for n in range(1, args.bureaus + 1)
    )
    imported = Imported(stations, {(ElectionCode.CK, "Antwerpen"): election})
    kdf = bundle.REAL_KDF
    print(f"KDF Argon2id m={kdf.memory_kib} KiB t={kdf.iterations} p={kdf.lanes}; ", end="")
    print(f"{args.bureaus} bureaus, {args.workers} workers; load average {os.getloadavg()[0]:.1f}")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "master"
        started, cpu0 = time.perf_counter(), os.times()
        result = master.build_master(ca, imported, out, now, workers=args.workers)
        wall = time.perf_counter() - started
        cpu1 = os.times()
        cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system) + (cpu1.children_user - cpu0.children_user)
        rate = args.bureaus / wall
        print(f"build-master: {wall:.2f} s wall, {rate:.1f} bureaus/s, {rate / args.workers:.1f} bureaus/s/core")
        per_bureau = cpu / args.bureaus
        print(f"  CPU per bureau (all processes; key, certificate, KDF, AEAD): {per_bureau * 1000:.0f} ms")
        print(f"  extrapolated 5,000 bureaus on {args.workers} cores, measured wall: {5000 / rate / 60:.1f} min")
        print(f"  extrapolated 5,000 bureaus on 2 idle cores, from CPU time: {5000 * per_bureau / 2 / 60:.1f} min")
        print("  (goal P5: < 10 min on 2 cores; the wall figure is pessimistic on a busy machine)")
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"  master size: {size / 1e6:.1f} MB ({size / args.bureaus / 1e3:.1f} kB per bureau)")

        started = time.perf_counter()
        letters.write_letters(Path(tmp) / "letters.pdf", result.passwords)
        took = time.perf_counter() - started
        print(f"letters: {took:.2f} s for {args.bureaus} ({took / args.bureaus * 5000:.0f} s extrapolated for 5,000)")

        timings = []
        for station, password in result.passwords[: args.logins]:
            started = time.perf_counter()
            station_login.load_station(out, root.certificate, station.id, password, now)
            timings.append(time.perf_counter() - started)
        print(
            f"login (password entered -> station loaded, incl. manifest check and KDF): "
            f"median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms (goal: < 2 s)"
        )


if __name__ == "__main__":
    main()
