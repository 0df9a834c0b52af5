"""Cleaning what a supervisor types: decision reasons and search text."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from station.review.errors import BadInput, DecisionRefused

MAX_REASON: Final = 500
MAX_SEARCH: Final = 60
# C0/C1 controls and the bidirectional overrides that could disguise a reason in a report
_BAD_CHARS: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_reason(reason: str) -> str:
    """A decision's reason: required, printable, at most :data:`MAX_REASON` characters."""
    text = unicodedata.normalize("NFC", reason).strip()
    if not text:
        raise DecisionRefused(
            "A decision needs a reason; type why the verdict stands or changes.",
            "复核结论必须填写原因，请说明维持或改判的理由。",
        )
    if _BAD_CHARS.search(text):
        raise DecisionRefused(
            "The reason contains control characters; type it again.",
            "原因中含有控制字符，请重新输入。",
        )
    if len(text) > MAX_REASON:
        raise DecisionRefused(
            f"The reason is too long ({len(text)} characters, at most {MAX_REASON}).",
            f"原因过长（{len(text)} 字，上限 {MAX_REASON} 字）。",
        )
    return text


def clean_search(text: str) -> str:
    """Search text for RMA/order no./SKU: NFKC (full-width input), trimmed, upper case."""
    value = unicodedata.normalize("NFKC", text).strip().upper()
    if len(value) > MAX_SEARCH:
        raise BadInput(
            f"Search text is too long ({len(value)} characters, at most {MAX_SEARCH}).",
            f"搜索内容过长（{len(value)} 字，上限 {MAX_SEARCH} 字）。",
        )
    if _BAD_CHARS.search(value):
        raise BadInput("The search text contains control characters.", "搜索内容中含有控制字符。")
    return value


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """``[low, high)`` of the strings starting with ``prefix``, for an index range scan
    (a LIKE would not use SQLite's case-sensitive indexes)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
