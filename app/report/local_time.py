"""Times as the PV prints them: Belgian local time with the zone named (U1). The security log stays in UTC.

`Europe/Brussels` from the system's time-zone database; if the appliance image lacks it, the EU rule that Belgium
follows (CET, and CEST from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC) gives
the same answer, so a missing package never stops the results being written on election night.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

ZONE = "Europe/Brussels"
_CET = dt.timezone(dt.timedelta(hours=1), "CET")
_CEST = dt.timezone(dt.timedelta(hours=2), "CEST")


def belgian_time(moment: dt.datetime) -> dt.datetime:
    """`moment` (aware) in Belgian local time."""
    try:
        return moment.astimezone(zoneinfo.ZoneInfo(ZONE))
    except zoneinfo.ZoneInfoNotFoundError:
        return eu_rule(moment)


def eu_rule(moment: dt.datetime) -> dt.datetime:
    """Belgian local time by the EU summer-time rule (directive 2000/84/EC), without a time-zone database."""
    utc = moment.astimezone(dt.UTC)
    start, end = _last_sunday(utc.year, 3), _last_sunday(utc.year, 10)
    return utc.astimezone(_CEST if start <= utc < end else _CET)


def _last_sunday(year: int, month: int) -> dt.datetime:
    """01:00 UTC on the last Sunday of `month`: when summer time starts (March) or ends (October)."""
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
    return dt.datetime(sunday.year, sunday.month, sunday.day, 1, tzinfo=dt.UTC)


def format_belgian(moment: dt.datetime) -> str:
    """`2024-06-09 23:47:05 CEST`: date, time to the second and the zone's abbreviation (CET or CEST)."""
    local = belgian_time(moment)
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()}"
