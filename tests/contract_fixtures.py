"""A provisioned master stick for contract tests: the test CA, Antwerp 2024 lists, cheap KDF for speed."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.counting.model import Ballot, Election
from app.counting.notation import format_marks, format_status
from app.signing.bundle import CHEAP_KDF
from provisioning.ca import ROOT_CERT, init_ca, load_issuing
from provisioning.csv_import import import_files
from provisioning.master import build_master
from tests.reference import chamber_2024

PASSPHRASE = b"correct horse battery staple"
STATIONS = ("A-001", "A-002")
PASSWORD = "TEST1-TEST1-TEST1-TEST1"


@dataclass(frozen=True)
class Master:
    folder: Path
    root_pem: Path
    election: Election

    def stick(self, target: Path) -> Path:
        """A fresh copy of the master, as a stick."""
        shutil.copytree(self.folder, target)
        return target


def candidates_csv(election: Election, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["election", "constituency", "list", "list_name", "kind", "position", "name"])
        for lst in election.lists:
            for c in (*lst.titulars, *lst.successors):
                w.writerow(
                    [election.code.value, election.constituency, lst.number, lst.name, c.kind.value, c.position, c.name]
                )


def build_test_master(folder: Path) -> Master:
    now = dt.datetime.now(dt.UTC)
    election = chamber_2024()
    init_ca(folder / "ca", PASSPHRASE, now - dt.timedelta(days=1))
    candidates_csv(election, folder / "candidates.csv")
    (folder / "stations.csv").write_text(
        "station,name,election,constituency,language\n"
        + "".join(f"{s},Telbureau {s},CK,{election.constituency},nl\n" for s in STATIONS),
        encoding="utf-8",
    )
    imported = import_files(folder / "stations.csv", folder / "candidates.csv")
    build_master(
        load_issuing(folder / "ca", PASSPHRASE, now),
        imported,
        folder / "master",
        now,
        kdf=CHEAP_KDF,
        workers=1,
        password_source=lambda: PASSWORD,
    )
    return Master(
        folder / "master", folder / "ca" / ROOT_CERT, imported.elections[(election.code, election.constituency)]
    )


def pile_csv(path: Path, rows: list[tuple[int, int, Ballot]]) -> Path:
    path.write_text(
        "pile,position,marks,status\n" + "".join(f"{p},{i},{format_marks(b)},{format_status(b)}\n" for p, i, b in rows),
        encoding="utf-8",
    )
    return path


def as_piles(ballots: list[Ballot], size: int = 50) -> list[tuple[int, int, Ballot]]:
    return [(n // size + 1, n % size + 1, b) for n, b in enumerate(ballots)]
