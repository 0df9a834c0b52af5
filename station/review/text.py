"""Cleaning what a supervisor types: decision reasons and search text."""

from __future__ import annotations

import unicodedata
from typing import Final

from station.domain.text import BAD_CHARS, reason_text
from station.review.errors import BadInput, DecisionRefused

MAX_SEARCH: Final = 60


def clean_reason(reason: str) -> str:
    """A decision's reason: required, printable, at most :data:`MAX_REASON` characters."""
    return reason_text(
        reason,
        missing=(
            "A decision needs a reason; type why the verdict stands or changes.",
            "复核结论必须填写原因，请说明维持或改判的理由。",
        ),
        refuse=DecisionRefused,
    )


def clean_search(text: str) -> str:
    """Search text for RMA/order no./SKU: NFKC (full-width input), trimmed, upper case."""
    value = unicodedata.normalize("NFKC", text).strip().upper()
    if len(value) > MAX_SEARCH:
        raise BadInput(
            f"Search text is too long ({len(value)} characters, at most {MAX_SEARCH}).",
            f"搜索内容过长（{len(value)} 字，上限 {MAX_SEARCH} 字）。",
        )
    if BAD_CHARS.search(value):
        raise BadInput("The search text contains control characters.", "搜索内容中含有控制字符。")
    return value


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """``[low, high)`` of the strings starting with ``prefix``, for an index range scan
    (a LIKE would not use SQLite's case-sensitive indexes)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
