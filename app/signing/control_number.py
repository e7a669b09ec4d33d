"""The control number (requirement O4): short enough to copy by hand, with a check digit.

Algorithm (so Martine can recompute it):
1. Write the bureau's results in the canonical text below (UTF-8, LF line ends): the same figures as the EML 510.
2. Take SHA-256 of it, read the digest as a big-endian integer, keep it modulo 10**15: 15 digits, zero-padded.
3. Append the Damm check digit (it catches every single-digit error and every swap of two adjacent digits).
4. Print the 16 digits in four groups of four, separated by hyphens: `1234-5678-9012-3456`.

The number depends only on the results, not on signatures or timestamps, so writing the results again (to another
stick, after a crash) gives the same number the president already copied onto the paper form.
"""

from __future__ import annotations

import hashlib

from app.counting.model import Election
from app.counting.tally import Tally

DIGITS = 15
GROUP = 4

# The Damm quasigroup of order 10 (weakly totally anti-symmetric), from H. Michael Damm (2004).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits: str) -> str:
    """The Damm check digit of a string of decimal digits."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return str(interim)


def canonical_results(station_id: str, election: Election, tally: Tally) -> bytes:
    """The bureau's results as canonical text; every list of the constituency appears, in list order."""
    lines = [
        "tabula-results-v1",
        f"station={station_id}",
        f"election={election.code.value}",
        f"constituency={election.constituency}",
        f"counted={tally.counted}",
        f"blank={tally.blank}",
    ]
    lines += [f"invalid.{cause.value}={n}" for cause, n in tally.invalid_by_cause]
    for lst in tally.lists:
        sc = ",".join(map(str, lst.subcategories))
        tit = ",".join(map(str, lst.titular_votes))
        suc = ",".join(map(str, lst.successor_votes))
        lines.append(f"list={lst.number};sc={sc};ce={lst.ce};t={tit};s={suc}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def control_number(canonical: bytes) -> str:
    """The grouped 16-digit control number of canonical results text."""
    value = int.from_bytes(hashlib.sha256(canonical).digest(), "big") % 10**DIGITS
    digits = f"{value:0{DIGITS}d}"
    return group(digits + damm_digit(digits))


def group(digits: str) -> str:
    return "-".join(digits[i : i + GROUP] for i in range(0, len(digits), GROUP))


def is_well_formed(number: str) -> bool:
    """True when a number as copied by hand (spaces or hyphens allowed) has 16 digits and a right check digit."""
    digits = "".join(ch for ch in number if ch not in " -")
    return len(digits) == DIGITS + 1 and digits.isdigit() and damm_digit(digits) == "0"
