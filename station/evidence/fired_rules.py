"""The rules that fired for an inspection, as the evidence pack and the supervisor's review
both list them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuleLine:
    id: str
    zh_CN: str
    en: str


def rule_lines(fired: Iterable[object]) -> tuple[RuleLine, ...]:
    """The rules that fired, as stored with an inspection (here or centrally)."""
    return tuple(
        RuleLine(str(r.get("id", "")), str(r.get("zh_CN", "")), str(r.get("en", "")))
        for r in fired
        if isinstance(r, dict)
    )
