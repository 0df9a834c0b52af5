"""The dashboard's figures and the review queue as tables, in the supervisor's language, for
CSV export (and the command line). Headers and codes are bilingual data like
:mod:`station.domain.labels`, because these files are read without Qt."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from station.domain.labels import Language, label
from station.protocol.enums import Category, Disposition, Grade, ReturnReason
from station.review.analytics import Alert, MixRow, Rate, ReasonRow, TimeCount
from station.review.csv_export import ReportTable
from station.review.dashboard import Dashboard
from station.review.deadlines import LimitKind, TimeLimits
from station.review.rows import ITEM_COLUMNS, QueueRow, RowKind, flag_names

_HEADERS: dict[str, tuple[str, str]] = {
    "at": ("时间", "Time"),
    "who": ("人员/工作台", "Who"),
    "inspector": ("质检员", "Inspector"),
    "station": ("工作台", "Station"),
    "count": ("数量", "Count"),
    "share": ("占比", "Share"),
    "hours": ("在岗小时", "Active hours"),
    "per_hour": ("每小时件数", "Per hour"),
    "grade": ("等级", "Grade"),
    "disposition": ("处置", "Disposition"),
    "category": ("品类", "Category"),
    "sku": ("SKU", "SKU"),
    "batch": ("批次", "Batch"),
    "returns": ("退货数", "Returns"),
    "defects": ("质量问题数", "Defect claims"),
    "defect_share": ("质量问题占比", "Defect share"),
    "dimension": ("维度", "Dimension"),
    "limit": ("时限", "Limit"),
    "rma": ("售后单号", "RMA no."),
    "detail": ("详情", "Detail"),
    "since": ("起始", "Since"),
    "due": ("截止", "Due"),
    "hours_left": ("剩余小时", "Hours left"),
    "kind": ("类型", "Kind"),
    "flags": ("复核原因", "Flags"),
    "amount": ("金额(元)", "Amount (¥)"),
    "refund": ("退款", "Refund"),
    "refund_yuan": ("退款金额(元)", "Refund (¥)"),
    "reason": ("退货原因", "Return reason"),
    "note": ("备注", "Note"),
    "key": ("编号", "ID"),
}
_KINDS: dict[str, tuple[str, str]] = {
    RowKind.INSPECTION: ("质检", "Inspection"),
    RowKind.UNMATCHED: ("无头件", "Unmatched parcel"),
    RowKind.PARKED: ("同步被拒", "Parked event"),
    RowKind.REMOTE: ("其他工作台", "Other station"),
    LimitKind.REFUND: ("退款时限", "Refund due"),
    LimitKind.REVIEW: ("复核时限", "Review due"),
    "batch": ("批次", "Batch"),
    "sku": ("SKU", "SKU"),
}


def _h(language: Language, *keys: str) -> tuple[str, ...]:
    index = 0 if language == "zh_CN" else 1
    return tuple(_HEADERS[k][index] for k in keys)


def _kind(value: str, language: Language) -> str:
    names = _KINDS.get(value)
    return value if names is None else names[0 if language == "zh_CN" else 1]


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def _code(value: StrEnum | None, language: Language) -> str:
    return "" if value is None else label(value, language)


def throughput_table(counts: Sequence[TimeCount], language: Language) -> ReportTable:
    return ReportTable(
        "throughput",
        _h(language, "at", "who", "count"),
        tuple((c.at.replace(tzinfo=None), c.who, c.count) for c in counts),
    )


def rates_table(rates: Sequence[Rate], language: Language) -> ReportTable:
    return ReportTable(
        "rates",
        _h(language, "who", "count", "hours", "per_hour"),
        tuple(
            (r.who, r.inspections, round(r.hours_on_duty, 2), round(r.per_hour, 1)) for r in rates
        ),
    )


def mix_table(
    mix: Sequence[MixRow], kind: type[Grade] | type[Disposition], language: Language
) -> ReportTable:
    column = "grade" if kind is Grade else "disposition"
    rows = tuple((label(kind(m.code), language), m.count, round(m.share, 4)) for m in mix)
    return ReportTable(column, _h(language, column, "count", "share"), rows)


def reasons_table(rows: Sequence[ReasonRow], dimension: str, language: Language) -> ReportTable:
    reasons = list(ReturnReason)
    header = (*_h(language, dimension, "returns"), *(label(r, language) for r in reasons))
    out = []
    for row in rows:
        counts = dict(row.by_reason)
        key = label(Category(row.key), language) if dimension == "category" else row.key
        out.append((key, row.total, *(counts.get(r, 0) for r in reasons)))
    return ReportTable(f"reasons_by_{dimension}", header, tuple(out))


def alerts_table(alerts: Sequence[Alert], language: Language) -> ReportTable:
    return ReportTable(
        "defect_alerts",
        _h(language, "dimension", "key", "returns", "defects", "defect_share"),
        tuple(
            (_kind(a.dimension, language), a.key, a.returns, a.defects, round(a.share, 4))
            for a in alerts
        ),
    )


def limits_table(limits: TimeLimits, language: Language) -> ReportTable:
    now = limits.now
    return ReportTable(
        "time_limits",
        _h(language, "limit", "rma", "detail", "since", "due", "hours_left"),
        tuple(
            (
                _kind(item.kind, language),
                item.rma_no,
                item.detail_text(language),
                item.since,
                item.due_at,
                round(item.left(now).total_seconds() / 3600, 1),
            )
            for item in limits.items
        ),
    )


def queue_table(rows: Sequence[QueueRow], language: Language) -> ReportTable:
    return ReportTable(
        "review_queue",
        _h(language, "kind", "at", *ITEM_COLUMNS, "refund_yuan", "flags", "note", "key"),
        tuple(
            (
                _kind(r.kind, language),
                r.at,
                r.rma_no,
                r.sku,
                _code(r.category, language),
                _code(r.reason, language),
                r.inspector,
                r.station_id,
                _yuan(r.amount_fen),
                r.grade.value if r.grade else "",
                _code(r.refund_kind, language),
                _yuan(r.refund_fen),
                ("、" if language == "zh_CN" else ", ").join(flag_names(r.flags, language)),
                r.note,
                r.key,
            )
            for r in rows
        ),
    )


DASHBOARD_TABLES = (
    "alerts",
    "limits",
    "throughput",
    "rates",
    "grades",
    "dispositions",
    "reasons_category",
    "reasons_sku",
    "reasons_batch",
)


def dashboard_table(d: Dashboard, key: str, language: Language) -> ReportTable:
    """One of the dashboard's tables (a key of :data:`DASHBOARD_TABLES`) for CSV."""
    match key:
        case "alerts":
            return alerts_table(d.alerts, language)
        case "limits":
            return limits_table(d.limits, language)
        case "throughput":
            return throughput_table(d.by_inspector, language)
        case "rates":
            return rates_table(d.inspector_rates, language)
        case "grades":
            return mix_table(d.grades, Grade, language)
        case "dispositions":
            return mix_table(d.dispositions, Disposition, language)
        case "reasons_category":
            return reasons_table(d.reasons_by_category, "category", language)
        case "reasons_sku":
            return reasons_table(d.reasons_by_sku, "sku", language)
        case "reasons_batch":
            return reasons_table(d.reasons_by_batch, "batch", language)
    raise KeyError(key)


def stamp(now: datetime) -> str:
    """A file-name-safe local time for suggested export names."""
    return now.astimezone().strftime("%Y%m%d-%H%M")
