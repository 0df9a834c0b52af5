"""The after-sales policy the verdict engine applies: return windows, and what a no-reason
return may cost the customer when the item comes back used or incomplete.

Loaded from ``resources/policy.toml`` (or the file the settings name); a broken file is refused
with its line and reason.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from station.domain.policy import Policy
from station.protocol.errors import Locator, QcFileError, toml_error_line
from station.protocol.findings import FINDINGS
from station.protocol.textfiles import toml_loads

REFUSE = "refuse"


class PolicyError(QcFileError):
    """A policy file that cannot be used."""


@dataclass(frozen=True, slots=True)
class QcPolicy:
    windows: Policy = field(default_factory=Policy)
    # under a no-reason claim: finding → share of the price deducted, or REFUSE
    no_reason: Mapping[str, float | str] = field(default_factory=dict)
    max_partial_share: float = 0.5
    review_above_fen: int = 300_000

    def deduction(self, finding: str) -> float | str | None:
        return self.no_reason.get(finding)


def parse_policy(text: str, source: str) -> QcPolicy:
    where = Locator(text)

    def fail(reason: str, key: str | None = None, table: str | None = None) -> PolicyError:
        line = where.line(((table, 0),), key) if table else None
        return PolicyError(source, line, reason)

    try:
        data = toml_loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, toml_error_line(str(exc)), f"not valid TOML: {exc}") from exc
    unknown = set(data) - {"windows", "no_reason", "partial", "review"}
    if unknown:
        raise fail(f"unknown table {sorted(unknown)[0]!r}")

    window_values: dict[str, Any] = {}
    names = {f.name for f in fields(Policy)} - {"no_reason_excluded", "high_value_fen"}
    for key, value in _table(data, "windows", fail).items():
        if key not in names:
            raise fail(f"windows: unknown key {key!r}", key, "windows")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3650:
            raise fail(f"windows.{key} must be a whole number of days (0-3650)", key, "windows")
        window_values[key] = value

    deductions: dict[str, float | str] = {}
    for key, value in _table(data, "no_reason", fail).items():
        if key not in FINDINGS:
            raise fail(f"no_reason: unknown finding {key!r}", key, "no_reason")
        if value == REFUSE or (
            isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
        ):
            deductions[key] = value if value == REFUSE else float(value)
        else:
            raise fail(f'no_reason.{key} must be a share 0-1 or "refuse"', key, "no_reason")

    partial = _table(data, "partial", fail)
    max_share = partial.get("max_share", 0.5)
    if (
        isinstance(max_share, bool)
        or not isinstance(max_share, int | float)
        or not (0 < max_share <= 1)
    ):
        raise fail("partial.max_share must be a share above 0, at most 1", "max_share", "partial")
    review = _table(data, "review", fail)
    high_value = review.get("high_value_yuan", 3000)
    if isinstance(high_value, bool) or not isinstance(high_value, int) or high_value < 0:
        raise fail(
            "review.high_value_yuan must be a whole number of yuan", "high_value_yuan", "review"
        )
    for table, allowed in (("partial", {"max_share"}), ("review", {"high_value_yuan"})):
        extra = set(_table(data, table, fail)) - allowed
        if extra:
            raise fail(f"{table}: unknown key {sorted(extra)[0]!r}", sorted(extra)[0], table)
    return QcPolicy(
        windows=Policy(**window_values, high_value_fen=high_value * 100),
        no_reason=deductions,
        max_partial_share=float(max_share),
        review_above_fen=high_value * 100,
    )


def _table(data: Mapping[str, Any], name: str, fail: Any) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise fail(f"{name} must be a table")
    return value
