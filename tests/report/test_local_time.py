"""Times in the PV: Belgian local time with the zone named, also without a time-zone database."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from app.report import local_time
from app.report.local_time import eu_rule, format_belgian


@pytest.mark.parametrize(
    ("utc", "printed"),
    [
        (dt.datetime(2024, 6, 9, 21, 47, 5, tzinfo=dt.UTC), "2024-06-09 23:47:05 CEST"),  # election night 2024
        (dt.datetime(2024, 10, 13, 22, 0, tzinfo=dt.UTC), "2024-10-14 00:00:00 CEST"),  # local elections, midnight
        (dt.datetime(2024, 12, 1, 12, 0, tzinfo=dt.UTC), "2024-12-01 13:00:00 CET"),
        (dt.datetime(2029, 3, 25, 0, 59, 59, tzinfo=dt.UTC), "2029-03-25 01:59:59 CET"),  # just before the switch
        (dt.datetime(2029, 3, 25, 1, 0, tzinfo=dt.UTC), "2029-03-25 03:00:00 CEST"),
    ],
)
def test_times_are_printed_in_belgian_local_time_with_the_zone(utc: dt.datetime, printed: str) -> None:
    assert format_belgian(utc) == printed


def test_the_eu_rule_agrees_with_the_time_zone_database_every_hour_for_years() -> None:
    zone = zoneinfo.ZoneInfo("Europe/Brussels")
    moment = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
    while moment.year < 2035:
        expected = moment.astimezone(zone)
        found = eu_rule(moment)
        assert (found.utcoffset(), found.tzname()) == (expected.utcoffset(), expected.tzname()), moment
        moment += dt.timedelta(hours=1)


def test_without_a_time_zone_database_the_eu_rule_gives_the_same_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(key: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(local_time.zoneinfo, "ZoneInfo", missing)
    assert format_belgian(dt.datetime(2024, 6, 9, 21, 47, 5, tzinfo=dt.UTC)) == "2024-06-09 23:47:05 CEST"
