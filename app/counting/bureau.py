"""What the bureau records besides the ballots: receipts per polling station, its members, remarks (C4, O3).

It is part of the count's state, entered through an event, so it is journaled like a ballot (C7): a figure typed on
the checks screen is not lost by a crash, and the PV prints exactly what the checks used.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.counting.checks import PollingStationCount

MAX_TEXT = 500  # a name or a remark; the PV has room for this, and the journal stays small
MAX_BALLOTS = 100_000  # more than any polling station hands over: an extra digit typed by mistake is caught


@dataclass(frozen=True)
class BureauRecord:
    polling_stations: tuple[PollingStationCount, ...] = ()
    received_total: int | None = None  # when only the total is known (replay --received)
    president: str = ""
    secretary: str = ""
    assessors: tuple[str, ...] = ()
    witnesses: tuple[str, ...] = ()
    canton: str | None = None
    remarks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        numbers = [self.received_total] + [n for p in self.polling_stations for n in (p.per_pv, p.counted)]
        if any(n is not None and not 0 <= n <= MAX_BALLOTS for n in numbers):
            raise ValueError(f"ballot numbers are between 0 and {MAX_BALLOTS}")
        texts = [self.president, self.secretary, *self.assessors, *self.witnesses, *self.remarks, self.canton or ""]
        if any(len(t) > MAX_TEXT for t in texts):
            raise ValueError("text too long")

    @property
    def operators(self) -> tuple[str, ...]:
        """The members who may enter ballots: president, secretary and assessors (witnesses only watch)."""
        return tuple(name for name in (self.president, self.secretary, *self.assessors) if name.strip())
