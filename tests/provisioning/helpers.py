"""Shared helpers for the provisioning and login tests: CSV writing, the real 2024 data, a cheap master."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.signing import bundle
from provisioning import csv_import, master
from provisioning.ca import IssuingCa
from tests.conftest import NOW, TestPki
from tests.reference import _rows

STATION_HEADER = ("station", "name", "election", "constituency", "language")
CANDIDATE_HEADER = ("election", "constituency", "list", "list_name", "kind", "position", "name")
ANTWERP = "Kieskring Antwerpen"
# Names that must survive the round trip byte for byte.
SPECIAL_NAMES = ("D'Haese Christoph", "Çelik Ayşe", "Ørsted Hans", "Noël-Dupré Zoë", "Weiß Jürgen")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> Path:
    path.write_bytes(csv_bytes(header, rows, bom=bom))
    return path


def reference_rows(
    code: str = "CK", constituency_nl: str = ANTWERP, as_name: str | None = None
) -> list[tuple[str, ...]]:
    """The official 2024 Chamber candidates of one constituency, in our contract's candidates.csv columns."""
    return [
        (code, as_name or constituency_nl, r["list_nr"], r["list_label"], r["kind"], r["nr_on_list"], r["full_name"])
        for r in _rows("candidates.csv")
        if r["constituency_nl"] == constituency_nl
    ]


def special_rows() -> list[tuple[str, ...]]:
    """A small VL election whose candidates carry accents and apostrophes."""
    rows = [("VL", "Antwerpen", "1", "Lijst Ç'est", "T", str(i), n) for i, n in enumerate(SPECIAL_NAMES, 1)]
    return [*rows, ("VL", "Antwerpen", "1", "Lijst Ç'est", "S", "1", "Ångström Åse")]


def issuing_ca(test_pki: TestPki) -> IssuingCa:
    return IssuingCa(test_pki.issuing, test_pki.root.certificate)


def build(
    tmp: Path,
    test_pki: TestPki,
    stations: Sequence[Sequence[object]],
    candidates: Sequence[Sequence[object]],
    *,
    now: dt.datetime = NOW,
    workers: int = 1,
) -> dict[str, str]:
    """Build a master with cheap KDF parameters into `tmp/master`; return the passwords by bureau id."""
    imported = csv_import.import_files(
        write_csv(tmp / "stations.csv", STATION_HEADER, stations),
        write_csv(tmp / "candidates.csv", CANDIDATE_HEADER, candidates),
    )
    result = master.build_master(
        issuing_ca(test_pki), imported, tmp / "master", now, kdf=bundle.CHEAP_KDF, workers=workers
    )
    return {str(station.id): password for station, password in result.passwords}
