"""The warehouse's numbers, each one SQL aggregate over indexed columns: inspections per hour
per inspector and per station, the grade and disposition mix, return reasons by category, SKU
and batch, and the batches and SKUs whose share of defect claims crosses a threshold.

Inspection figures count completions in a time window (``ix_inspections_dashboard`` covers
them without touching the table); return figures count after-sales requests by the day they
were asked for (``ix_returns_requested_reason``). Python only reshapes the grouped rows.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final, Literal

from sqlalchemy import ColumnElement, SQLColumnExpression, case, func, select
from sqlalchemy.orm import Session

from station.protocol.enums import Disposition, Grade, ReturnReason
from station.store.models import Inspection, ReturnLine, ReturnOrder, User

Dimension = Literal["category", "sku", "batch"]
Who = Literal["inspector", "station"]
Bucket = Literal["hour", "day"]
DEFAULT_DEFECT_REASONS: Final = frozenset({ReturnReason.QUALITY_DEFECT})
# one inspection alone spans no time at all, a few in a minute hardly any: on duty at least this
MIN_ON_DUTY: Final = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Window:
    """[start, end) in aware datetimes; returns are counted by the local days it covers."""

    start: datetime
    end: datetime
    utc_offset_minutes: int = 480  # the warehouse's clock (China Standard Time)

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("a window needs aware datetimes")
        if self.end <= self.start:
            raise ValueError("a window ends after it starts")
        if self.end - self.start > timedelta(days=3660):
            raise ValueError("a window covers at most ten years")

    @classmethod
    def last_days(cls, now: datetime, days: int, utc_offset_minutes: int = 480) -> Window:
        return cls(now - timedelta(days=days), now, utc_offset_minutes)

    @property
    def tz(self) -> timezone:
        return timezone(timedelta(minutes=self.utc_offset_minutes))

    @property
    def first_day(self) -> date:
        return self.start.astimezone(self.tz).date()

    @property
    def last_day(self) -> date:
        return self.end.astimezone(self.tz).date()


@dataclass(frozen=True, slots=True)
class TimeCount:
    at: datetime  # the hour's (or day's) start, in the window's time zone
    who: str
    count: int


@dataclass(frozen=True, slots=True)
class Rate:
    who: str
    inspections: int
    hours_on_duty: float  # from the first completion of the window to the last

    @property
    def per_hour(self) -> float:
        return self.inspections / self.hours_on_duty if self.hours_on_duty else 0.0


@dataclass(frozen=True, slots=True)
class MixRow:
    code: str
    count: int
    share: float


@dataclass(frozen=True, slots=True)
class ReasonRow:
    key: str
    total: int
    by_reason: tuple[tuple[ReturnReason, int], ...]
    defects: int

    @property
    def defect_share(self) -> float:
        return self.defects / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class AlertRule:
    """When a SKU's or batch's defect share is a problem: at least ``threshold`` of at least
    ``minimum`` returns (so one defect in two returns is not an alert)."""

    threshold: float = 0.5
    minimum: int = 20
    defect_reasons: frozenset[ReturnReason] = field(default=DEFAULT_DEFECT_REASONS)

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ValueError("the threshold is a share above 0, at most 1")
        if not 1 <= self.minimum <= 1_000_000:
            raise ValueError("the minimum count is 1 to 1,000,000 returns")
        if not self.defect_reasons:
            raise ValueError("name at least one reason that counts as a defect")


@dataclass(frozen=True, slots=True)
class Alert:
    dimension: Dimension
    key: str
    returns: int
    defects: int

    @property
    def share(self) -> float:
        return self.defects / self.returns if self.returns else 0.0


def _in_window(window: Window) -> list[ColumnElement[bool]]:
    return [Inspection.completed_at >= window.start, Inspection.completed_at < window.end]


def _bucket(window: Window, per: Bucket) -> Any:
    shift = f"{window.utc_offset_minutes:+d} minutes"
    pattern = "%Y-%m-%d %H:00" if per == "hour" else "%Y-%m-%d 00:00"
    return func.strftime(pattern, Inspection.completed_at, shift)


def _who(by: Who) -> Any:
    return Inspection.inspector_id if by == "inspector" else Inspection.station_id


def throughput(session: Session, window: Window, by: Who, per: Bucket = "hour") -> list[TimeCount]:
    """Completed inspections per local hour (or day) and inspector (or station)."""
    bucket, who = _bucket(window, per), _who(by)
    rows: list[Any] = list(
        session.execute(
            select(bucket, who, func.count())
            .where(*_in_window(window))
            .group_by(bucket, who)
            .order_by(bucket, who)
        )
    )
    names = _names(session, by)
    tz = window.tz
    return [
        TimeCount(
            datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=tz),
            names.get(w) or sys.intern(str(w)),
            int(n),
        )
        for at, w, n in rows
    ]


def rates(session: Session, window: Window, by: Who) -> list[Rate]:
    """Inspections per hour on duty for each inspector or station, busiest first. Time on
    duty runs from the first completion in the window to the last (at least
    :data:`MIN_ON_DUTY`): counting every clock hour touched would make a quarter of an hour
    across 10:00 two hours."""
    who, at = _who(by), Inspection.completed_at
    rows: list[Any] = list(
        session.execute(
            select(who, func.count(), func.min(at), func.max(at))
            .where(*_in_window(window))
            .group_by(who)
        )
    )
    names = _names(session, by)
    out = [
        Rate(names.get(w) or str(w), int(n), max(last - first, MIN_ON_DUTY) / timedelta(hours=1))
        for w, n, first, last in rows
    ]
    return sorted(out, key=lambda r: (-r.per_hour, r.who))


def _names(session: Session, by: Who) -> dict[object, str]:
    if by != "inspector":
        return {}
    users: list[Any] = list(session.execute(select(User.id, User.display_name, User.badge_id)))
    return {uid: sys.intern(f"{name} {badge}") for uid, name, badge in users}


def _mix(session: Session, window: Window, column: Any) -> list[MixRow]:
    rows: list[Any] = list(
        session.execute(
            select(column, func.count())
            .where(*_in_window(window), column.is_not(None))
            .group_by(column)
            .order_by(func.count().desc(), column)
        )
    )
    total = sum(int(n) for _, n in rows)
    return [MixRow(str(code), int(n), int(n) / total if total else 0.0) for code, n in rows]


def grade_mix(session: Session, window: Window) -> list[MixRow]:
    mix = _mix(session, window, Inspection.grade)
    order = [g.value for g in Grade]
    return sorted(mix, key=lambda m: order.index(m.code) if m.code in order else len(order))


def disposition_mix(session: Session, window: Window) -> list[MixRow]:
    mix = _mix(session, window, Inspection.disposition)
    order = [d.value for d in Disposition]
    return sorted(mix, key=lambda m: order.index(m.code) if m.code in order else len(order))


def _dimension(dimension: Dimension) -> SQLColumnExpression[Any]:
    column: SQLColumnExpression[Any] = {
        "category": ReturnLine.category,
        "sku": ReturnLine.sku,
        "batch": ReturnLine.batch,
    }[dimension]
    return column


def _reason_query(
    window: Window, dimension: Dimension, defect_reasons: frozenset[ReturnReason]
) -> Any:
    key = _dimension(dimension)
    total = func.count()
    defects = func.sum(
        case((ReturnOrder.reason.in_([r.value for r in defect_reasons]), 1), else_=0)
    )
    per_reason = [func.sum(case((ReturnOrder.reason == r.value, 1), else_=0)) for r in ReturnReason]
    query = (
        select(key, total, defects, *per_reason)
        .join(ReturnLine, ReturnLine.return_id == ReturnOrder.id)
        .where(
            ReturnOrder.requested_on >= window.first_day,
            ReturnOrder.requested_on <= window.last_day,
            key.is_not(None),
        )
        .group_by(key)
    )
    return query, total, defects


def _reason_rows(rows: list[Any]) -> list[ReasonRow]:
    reasons = list(ReturnReason)
    return [
        ReasonRow(
            key=str(key),
            total=int(total),
            by_reason=tuple(
                (reason, int(n)) for reason, n in zip(reasons, counts, strict=True) if n
            ),
            defects=int(defects or 0),
        )
        for key, total, defects, *counts in rows
    ]


def reasons_by(
    session: Session,
    window: Window,
    dimension: Dimension,
    *,
    top: int = 20,
    defect_reasons: frozenset[ReturnReason] = DEFAULT_DEFECT_REASONS,
) -> list[ReasonRow]:
    """Return reasons by category, SKU or batch, most returned first."""
    query, total, _ = _reason_query(window, dimension, defect_reasons)
    key = _dimension(dimension)
    ordered = query.order_by(total.desc(), key).limit(max(1, min(top, 1000)))
    return _reason_rows(list(session.execute(ordered)))


def defect_alerts(session: Session, window: Window, rule: AlertRule = AlertRule()) -> list[Alert]:
    """SKUs and batches whose defect share reached the rule's threshold, worst first."""
    alerts: list[Alert] = []
    dimensions: tuple[Dimension, ...] = ("batch", "sku")
    for dimension in dimensions:
        query, total, defects = _reason_query(window, dimension, rule.defect_reasons)
        flagged = (
            query.having(total >= rule.minimum)
            .having(defects >= total * rule.threshold)
            .order_by((defects * 1.0 / total).desc(), total.desc())
            .limit(200)
        )
        alerts.extend(
            Alert(dimension, row.key, row.total, row.defects)
            for row in _reason_rows(list(session.execute(flagged)))
        )
    return alerts
