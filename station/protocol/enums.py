"""The after-sales vocabulary: every code the station stores, prints or sends.

Values are stable wire/database codes; never rename one, add a new one instead.
Human-readable names live in :mod:`station.domain.labels`. Stations and the central service
both read these; they are the protocol's vocabulary.
"""

from __future__ import annotations

from enum import StrEnum


class ReturnReason(StrEnum):
    """The customer's claim when requesting the return."""

    NO_REASON_7D = "no_reason_7d"
    QUALITY_DEFECT = "quality_defect"
    NOT_AS_DESCRIBED = "not_as_described"
    WRONG_ITEM_SENT = "wrong_item_sent"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    SIZE_FIT = "size_fit"
    MISSING_PARTS = "missing_parts"


class Category(StrEnum):
    APPAREL = "apparel"
    FOOTWEAR = "footwear"
    BAGS = "bags"
    ELECTRONICS = "electronics"
    BEAUTY = "beauty"
    HOME = "home"
    FOOD = "food"
    CUSTOMISED = "customised"
    VIRTUAL = "virtual"
    GENERIC = "generic"


class Grade(StrEnum):
    A = "A"  # as new
    B = "B"  # opened, resellable as open-box
    C = "C"  # used or damaged: refurbish or liquidate
    D = "D"  # unsellable


class Disposition(StrEnum):
    RESTOCK = "restock"
    RESTOCK_OPEN_BOX = "restock_open_box"
    REFURBISH = "refurbish"
    RETURN_TO_VENDOR = "return_to_vendor"
    LIQUIDATE = "liquidate"
    DESTROY = "destroy"
    RETURN_TO_CUSTOMER = "return_to_customer"


class RefundKind(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class Responsibility(StrEnum):
    CUSTOMER = "customer"
    MERCHANT = "merchant"
    CARRIER = "carrier"


class Carrier(StrEnum):
    SF = "SF"  # 顺丰
    JD = "JD"  # 京东物流
    YTO = "YTO"  # 圆通
    ZTO = "ZTO"  # 中通
    STO = "STO"  # 申通
    EMS = "EMS"  # 中国邮政 EMS


class OrderState(StrEnum):
    """States of an after-sales order (售后单); transitions are in :mod:`.states`."""

    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    INSPECTING = "inspecting"
    INSPECTED = "inspected"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    RETURNED_TO_CUSTOMER = "returned_to_customer"
    ESCALATED = "escalated"


class Actor(StrEnum):
    """Who asks for a state change."""

    CUSTOMER = "customer"
    PLATFORM = "platform"  # the marketplace's after-sales system / central service
    CARRIER = "carrier"
    STATION = "station"  # the inspection station acting for an inspector
    SUPERVISOR = "supervisor"
    FINANCE = "finance"  # refund execution, arrives through the central service


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class InspectionState(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class MediaKind(StrEnum):
    """What a piece of evidence is; each is stored, sent and verified the same way."""

    PHOTO = "photo"
    VIDEO = "video"  # an unboxing clip: fragmented MP4, H.264


class VideoKind(StrEnum):
    UNBOXING = "unboxing"  # the bench camera, from the parcel's scan to the verdict
    CLOSEUP = "closeup"  # a second camera over the item, with the same chapters


class PhotoKind(StrEnum):
    OVERVIEW = "overview"
    SHIPPING_LABEL = "shipping_label"
    ITEM_LABEL = "item_label"
    DEFECT = "defect"
    ACCESSORIES = "accessories"
    PACKAGING = "packaging"
