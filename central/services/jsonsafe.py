"""Canonical JSON for hashing, and the checks that keep hostile JSON out of the database.

Python's JSON parser accepts things no database column should get: NUL characters
(PostgreSQL refuses them in text and JSONB), unpaired surrogates (not encodable as UTF-8),
NaN and infinities (not JSON), and nesting deep enough to exhaust the stack of whoever
walks it next.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

MAX_DEPTH = 32


def canonical(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def has_control(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` holds a C0 control character or DEL other than those ``allowed``: no
    text column wants one, and PostgreSQL refuses NUL outright."""
    return any((ord(c) < 32 or ord(c) == 127) and c not in allowed for c in text)


def text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired surrogate"
    return None


def problem(value: Any, *, max_depth: int = MAX_DEPTH) -> str | None:
    """Why ``value`` (parsed JSON) cannot be stored, or None. Iterative: depth is the point."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                return f"nested deeper than {max_depth} levels"
            if isinstance(item, dict):
                for key, child in item.items():
                    if not isinstance(key, str):
                        return "has a key that is not a string"
                    if (why := text_problem(key)) is not None:
                        return f"a key {why}"
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if (why := text_problem(item)) is not None:
                return f"a text {why}"
        elif isinstance(item, float) and not math.isfinite(item):
            return "contains NaN or an infinite number"
        elif item is not None and not isinstance(item, bool | int | float):
            return f"contains a {type(item).__name__}, which is not JSON"
    return None
