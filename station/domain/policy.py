"""Return windows and exclusions of the after-sales standard, and which one applies to an order.

Windows count whole days from the customer's receipt of the goods; the claim counts on the day
the customer asked for the return, because a parcel inspected late must not lose its window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from station.protocol.enums import Category, ReturnReason

QUALITY_REASONS = frozenset(
    {
        ReturnReason.QUALITY_DEFECT,
        ReturnReason.NOT_AS_DESCRIBED,
        ReturnReason.WRONG_ITEM_SENT,
        ReturnReason.DAMAGED_IN_TRANSIT,
        ReturnReason.MISSING_PARTS,
    }
)
NO_REASON_REASONS = frozenset({ReturnReason.NO_REASON_7D, ReturnReason.SIZE_FIT})


@dataclass(frozen=True, slots=True)
class Policy:
    no_reason_days: int = 7
    quality_return_days: int = 7
    quality_exchange_days: int = 15
    high_value_exchange_days: int = 30
    fresh_claim_days: int = 1
    high_value_fen: int = 300_000  # designated high-value goods: from ¥3,000
    refund_due_days: int = 3
    dispute_review_hours: int = 24
    no_reason_excluded: frozenset[Category] = field(
        default_factory=lambda: frozenset({Category.CUSTOMISED, Category.FOOD, Category.VIRTUAL})
    )


class WindowKind(StrEnum):
    NO_REASON = "no_reason"
    QUALITY_RETURN = "quality_return"
    QUALITY_EXCHANGE = "quality_exchange"
    FRESH_CLAIM = "fresh_claim"
    EXCLUDED = "excluded"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class WindowStatus:
    kind: WindowKind
    days_allowed: int
    days_at_request: int
    days_since_receipt: int

    @property
    def open(self) -> bool:
        return self.kind not in (WindowKind.EXCLUDED, WindowKind.EXPIRED)

    @property
    def days_left_at_request(self) -> int:
        return self.days_allowed - self.days_at_request

    def describe(self, language: str = "zh_CN") -> str:
        zh, en = _WINDOW_TEXT[self.kind]
        text = zh if language == "zh_CN" else en
        return text.format(allowed=self.days_allowed, used=self.days_at_request)


_WINDOW_TEXT: dict[WindowKind, tuple[str, str]] = {
    WindowKind.NO_REASON: (
        "七天无理由退货期内（申请于签收后第 {used} 天，共 {allowed} 天）",
        "Within the {allowed}-day no-reason window (asked on day {used})",
    ),
    WindowKind.QUALITY_RETURN: (
        "质量问题退货期内（申请于签收后第 {used} 天，共 {allowed} 天）",
        "Within the {allowed}-day quality-return window (asked on day {used})",
    ),
    WindowKind.QUALITY_EXCHANGE: (
        "已过退货期，仅可换货（第 {used} 天，换货期 {allowed} 天）",
        "Past the return window; exchange only (day {used} of {allowed})",
    ),
    WindowKind.FRESH_CLAIM: (
        "生鲜 24 小时内凭证申请（第 {used} 天）",
        "Fresh goods: claim within 24 hours with evidence (day {used})",
    ),
    WindowKind.EXCLUDED: (
        "该品类不支持七天无理由退货",
        "This category is not returnable without reason",
    ),
    WindowKind.EXPIRED: (
        "已超出所有售后期限（申请于签收后第 {used} 天）",
        "Outside every return window (asked on day {used})",
    ),
}


def window_for(
    *,
    reason: ReturnReason,
    category: Category,
    customer_received_on: date,
    requested_on: date,
    today: date,
    high_value: bool = False,
    policy: Policy | None = None,
) -> WindowStatus:
    """Which window governs this return, judged on the day the return was requested."""
    p = policy or Policy()
    used = max(0, (requested_on - customer_received_on).days)
    since = max(0, (today - customer_received_on).days)

    def status(kind: WindowKind, allowed: int) -> WindowStatus:
        return WindowStatus(kind, allowed, used, since)

    if category is Category.FOOD and reason in QUALITY_REASONS:
        kind = WindowKind.FRESH_CLAIM if used <= p.fresh_claim_days else WindowKind.EXPIRED
        return status(kind, p.fresh_claim_days)
    if reason in NO_REASON_REASONS:
        if category in p.no_reason_excluded:
            return status(WindowKind.EXCLUDED, 0)
        kind = WindowKind.NO_REASON if used <= p.no_reason_days else WindowKind.EXPIRED
        return status(kind, p.no_reason_days)
    if used <= p.quality_return_days:
        return status(WindowKind.QUALITY_RETURN, p.quality_return_days)
    exchange = p.high_value_exchange_days if high_value else p.quality_exchange_days
    if used <= exchange:
        return status(WindowKind.QUALITY_EXCHANGE, exchange)
    return status(WindowKind.EXPIRED, exchange)
