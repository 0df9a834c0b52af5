"""The review queue's plain values: one row per thing to look at, its flags, and the filter.

Rows are small frozen records, built once on the database thread and then only read, so a
table of 100,000 of them stays light: flags are one integer, codes are enum members, and
repeated names are interned strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntFlag, StrEnum
from typing import Final

from station.domain.labels import Language
from station.protocol.enums import Category, Disposition, Grade, RefundKind, ReturnReason


class RowKind(StrEnum):
    INSPECTION = "inspection"  # a completed inspection of this station
    UNMATCHED = "unmatched"  # a parcel no order matched (无头件)
    PARKED = "parked"  # an event the central service refused; sync parked it
    REMOTE = "remote"  # another station's inspection, read from the central service


class ReviewFlag(IntFlag):
    """Why a row is in the queue (several can hold)."""

    NONE = 0
    OVERRIDDEN = 1  # the inspector overrode the proposal
    REFUSED = 2  # no refund
    PARTIAL = 4  # partial refund
    HIGH_VALUE = 8  # unit price at or above the policy's high-value amount
    RULE_REVIEW = 16  # a verdict rule asked for review
    MISMATCH = 32  # the item did not match the order (suspected swap, wrong item)
    CARRIER_CLAIM = 64
    UNMATCHED = 128
    PARKED = 256
    DECIDED = 512  # a supervisor decided it already
    OVERTURNED = 1024


FLAG_LABELS: dict[ReviewFlag, tuple[str, str]] = {
    ReviewFlag.OVERRIDDEN: ("人工改判", "Overridden"),
    ReviewFlag.REFUSED: ("拒绝退款", "Refused"),
    ReviewFlag.PARTIAL: ("部分退款", "Partial refund"),
    ReviewFlag.HIGH_VALUE: ("高价值", "High value"),
    ReviewFlag.RULE_REVIEW: ("规则要求复核", "Rule asks review"),
    ReviewFlag.MISMATCH: ("货不对板/疑似调包", "Item mismatch"),
    ReviewFlag.CARRIER_CLAIM: ("物流索赔", "Carrier claim"),
    ReviewFlag.UNMATCHED: ("无头件", "Unmatched parcel"),
    ReviewFlag.PARKED: ("同步被拒", "Sync refused"),
    ReviewFlag.DECIDED: ("已复核", "Decided"),
    ReviewFlag.OVERTURNED: ("已改判", "Overturned"),
}


def flag_names(flags: ReviewFlag, language: Language = "zh_CN") -> list[str]:
    index = 0 if language == "zh_CN" else 1
    return [names[index] for flag, names in FLAG_LABELS.items() if flag in flags]


# what a row says of its item, as columns in this order: on screen and in the CSV export
ITEM_COLUMNS: Final = (
    "rma",
    "sku",
    "category",
    "reason",
    "inspector",
    "station",
    "amount",
    "grade",
    "refund",
)


class QueueSort(StrEnum):
    OLDEST = "oldest"  # longest waiting first: the review time limit runs from completion
    NEWEST = "newest"
    AMOUNT = "amount"  # most valuable first

    @property
    def descending(self) -> bool:
        return self is not QueueSort.OLDEST


@dataclass(frozen=True, slots=True)
class QueueFilter:
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    inspector_id: int | None = None
    category: Category | None = None
    reason: ReturnReason | None = None  # the customer's claimed reason
    flag: ReviewFlag | None = None
    text: str = ""  # RMA, order or tracking no., or SKU (prefix)
    include_decided: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueRow:
    """One thing to look at. What a parcel or a refused event has no value for (the order's
    facts, a verdict) stays at its empty default."""

    kind: RowKind
    key: str  # inspection id, parcel id or event id
    at: datetime  # completed, received or parked
    rma_no: str  # for a parcel: its code
    flags: ReviewFlag
    sku: str = ""
    category: Category | None = None
    reason: ReturnReason | None = None
    inspector: str = ""
    station_id: str = ""
    amount_fen: int | None = None
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    note: str = ""  # override reason, refusal from central…

    @property
    def decided(self) -> bool:
        return ReviewFlag.DECIDED in self.flags

    @property
    def decidable(self) -> bool:
        return self.kind in (RowKind.INSPECTION, RowKind.REMOTE)


@dataclass(frozen=True, slots=True)
class QueueCursor:
    """Where the next page starts: after the row with this sort value, arm rank and key
    (for the central service's pages: an offset in ``value``)."""

    value: object
    rank: int
    key: str


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    next: QueueCursor | None  # None: this was the last page

    @property
    def more(self) -> bool:
        return self.next is not None


@dataclass(frozen=True, slots=True)
class QueueCount:
    count: int
    capped: bool  # there are more than ``count``; counting stopped there
