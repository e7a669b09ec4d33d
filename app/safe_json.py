"""JSON from outside the appliance (stick files, bundle headers): strict, so a forged file is a ValueError, never
an internal error. Python's `json` accepts NaN and Infinity, and recurses without bound on deep nesting."""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 32  # our documents are a few levels deep; a forged one must not exhaust the stack


def _refuse(constant: str) -> Any:
    raise ValueError(f"not JSON: {constant}")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 reads as infinity: not a number any JSON writer gives back the same
        raise ValueError("not JSON: a number out of range")
    return value


def loads(text: str | bytes) -> Any:
    """Parse strict JSON: no NaN/Infinity (also none by overflow, `1e999`), no nesting deeper than MAX_DEPTH, no
    integer of more digits than Python reads; ValueError otherwise."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")  # UnicodeDecodeError is a ValueError
    if _depth(text) > MAX_DEPTH:
        raise ValueError("JSON nested too deeply")
    try:
        return json.loads(text, parse_constant=_refuse, parse_float=_finite)
    except RecursionError:  # pragma: no cover - prevented by the depth check above
        raise ValueError("JSON nested too deeply") from None


def _depth(text: str) -> int:
    """The deepest bracket nesting, ignoring brackets inside strings (cheap, before the parser recurses)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest
