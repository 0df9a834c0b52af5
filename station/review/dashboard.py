"""Everything the supervisor's dashboard shows, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from station.domain.policy import Policy
from station.review.analytics import (
    Alert,
    AlertRule,
    Bucket,
    MixRow,
    Rate,
    ReasonRow,
    TimeCount,
    Window,
    defect_alerts,
    disposition_mix,
    grade_mix,
    rates,
    reasons_by,
    throughput,
)
from station.review.deadlines import TimeLimits, time_limits

RETURNS_SPAN = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Dashboard:
    window: Window
    returns_window: Window  # return reasons and alerts: at least the last 30 days
    bucket: Bucket
    by_inspector: tuple[TimeCount, ...]
    by_station: tuple[TimeCount, ...]
    inspector_rates: tuple[Rate, ...]
    station_rates: tuple[Rate, ...]
    grades: tuple[MixRow, ...]
    dispositions: tuple[MixRow, ...]
    reasons_by_category: tuple[ReasonRow, ...]
    reasons_by_sku: tuple[ReasonRow, ...]
    reasons_by_batch: tuple[ReasonRow, ...]
    alerts: tuple[Alert, ...]
    rule: AlertRule
    limits: TimeLimits


def bucket_for(window: Window) -> Bucket:
    """Hours for a day or two; beyond that an hourly chart has too many bars to read."""
    return "hour" if window.end - window.start <= timedelta(days=2) else "day"


def returns_window_for(window: Window) -> Window:
    """A day's after-sales requests are too few to show a pattern in reasons or batches."""
    if window.end - window.start >= RETURNS_SPAN:
        return window
    return Window(window.end - RETURNS_SPAN, window.end, window.utc_offset_minutes)


def build_dashboard(
    session: Session,
    window: Window,
    *,
    now: datetime,
    rule: AlertRule,
    policy: Policy,
    top: int = 15,
) -> Dashboard:
    bucket = bucket_for(window)
    returns = returns_window_for(window)
    return Dashboard(
        window=window,
        returns_window=returns,
        bucket=bucket,
        by_inspector=tuple(throughput(session, window, "inspector", bucket)),
        by_station=tuple(throughput(session, window, "station", bucket)),
        inspector_rates=tuple(rates(session, window, "inspector")),
        station_rates=tuple(rates(session, window, "station")),
        grades=tuple(grade_mix(session, window)),
        dispositions=tuple(disposition_mix(session, window)),
        reasons_by_category=tuple(
            reasons_by(session, returns, "category", top=top, defect_reasons=rule.defect_reasons)
        ),
        reasons_by_sku=tuple(
            reasons_by(session, returns, "sku", top=top, defect_reasons=rule.defect_reasons)
        ),
        reasons_by_batch=tuple(
            reasons_by(session, returns, "batch", top=top, defect_reasons=rule.defect_reasons)
        ),
        alerts=tuple(defect_alerts(session, returns, rule)),
        rule=rule,
        limits=time_limits(session, now, policy=policy),
    )
