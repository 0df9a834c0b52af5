"""Immutable snapshots handed across threads: the UI and CLI never see ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from station.domain.labels import OverrideReason
from station.domain.policy import Policy, WindowStatus, window_for
from station.protocol.enums import (
    Carrier,
    Category,
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    RefundKind,
    Responsibility,
    ReturnReason,
    Role,
)


@dataclass(frozen=True, slots=True)
class LineView:
    id: int
    line_no: int
    sku: str
    title: str
    category: Category
    qty: int
    unit_price_fen: int
    ean: str | None = None
    expected_serial: str | None = None
    batch: str | None = None
    accessories: tuple[str, ...] = ()

    @property
    def amount_fen(self) -> int:
        return self.unit_price_fen * self.qty

    def high_value(self, policy: Policy | None = None) -> bool:
        return self.unit_price_fen >= (policy or Policy()).high_value_fen


@dataclass(frozen=True, slots=True)
class OrderView:
    id: int
    rma_no: str
    order_no: str
    state: OrderState
    reason: ReturnReason
    customer_received_on: date
    requested_on: date
    customer_masked: str
    lines: tuple[LineView, ...]
    tracking: tuple[tuple[Carrier, str], ...] = ()
    reason_note: str = ""
    platform: str = ""

    @property
    def category(self) -> Category:
        """The category that governs the order: its most valuable line's."""
        if not self.lines:
            return Category.GENERIC
        return max(self.lines, key=lambda line: line.amount_fen).category

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    def high_value(self, policy: Policy | None = None) -> bool:
        return any(line.high_value(policy) for line in self.lines)

    def window(self, today: date, policy: Policy | None = None) -> WindowStatus:
        return self._window(self.category, self.high_value(policy), today, policy)

    def line_window(
        self, line: LineView, today: date, policy: Policy | None = None
    ) -> WindowStatus:
        """The window as ``line``'s own category and price judge it, whatever else is in the
        order."""
        return self._window(line.category, line.high_value(policy), today, policy)

    def _window(
        self, category: Category, high_value: bool, today: date, policy: Policy | None
    ) -> WindowStatus:
        return window_for(
            reason=self.reason,
            category=category,
            customer_received_on=self.customer_received_on,
            requested_on=self.requested_on,
            today=today,
            high_value=high_value,
            policy=policy,
        )


@dataclass(frozen=True, slots=True)
class BadgeLogin:
    """What a user signed in with from a badge central issued, kept in memory only for the
    session: the key that signs their decisions, and what opens their session at central."""

    badge_code: str = field(repr=False)
    pin: str = field(repr=False)
    decision_key: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    badge_id: str
    display_name: str
    role: Role
    active: bool = True
    badge: BadgeLogin | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class InspectionView:
    id: str
    return_id: int
    return_line_id: int
    station_id: str
    inspector_id: int
    state: InspectionState
    started_at: datetime
    completed_at: datetime | None = None
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    refund_reason: str = ""
    responsibility: Responsibility | None = None
    answers: dict[str, object] = field(default_factory=dict)
    overridden: bool = False
    needs_review: bool = False  # waiting for a supervisor: the verdict may still change


@dataclass(frozen=True, slots=True)
class UnmatchedView:
    id: str
    code: str
    station_id: str
    inspector_id: int
    received_at: datetime
    resolved_return_id: int | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the inspector decided for one item: the outcome and how it was reached."""

    grade: Grade
    disposition: Disposition
    refund_kind: RefundKind
    refund_fen: int
    responsibility: Responsibility
    refund_reason: str = ""
    carrier_claim: bool = False
    answers: dict[str, object] = field(default_factory=dict)
    rules_fired: tuple[str, ...] = ()
    proposal: dict[str, object] = field(default_factory=dict)
    overridden: bool = False
    override_reason: str = ""  # as people read it: the reason code's names and any words
    needs_review: bool = False
    template_id: str | None = None
    template_version: int | None = None
    override_code: OverrideReason | None = None

    def __post_init__(self) -> None:
        if self.refund_fen < 0:
            raise ValueError("a refund cannot be negative")
        if self.refund_kind is not RefundKind.FULL and not self.refund_reason.strip():
            raise ValueError("a partial or refused refund needs a reason")
        if self.overridden and not self.override_reason.strip():
            raise ValueError("an override needs a reason")
        if self.override_code is not None and not self.overridden:
            raise ValueError("only an override has an override reason")
