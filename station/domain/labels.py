"""Bilingual names of the domain codes.

They are data rather than Qt translations because labels, reports and the CLI need them
too, none of which run Qt.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from station.protocol.enums import (
    Carrier,
    Category,
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
    Role,
)

Language = Literal["zh_CN", "en"]
LANGUAGES: tuple[Language, ...] = ("zh_CN", "en")


class OverrideReason(StrEnum):
    """Why an inspector overrides the proposed verdict, offered in this order (number keys 1
    to 8, so a gloved hand need not type); stored with the override beside any words added."""

    TAGS_REMOVED = "tags_removed"
    HIDDEN_WEAR = "hidden_wear"  # wear the checklist's questions did not bring out
    ACCESSORY_FOUND = "accessory_found"  # what was reported missing is in the parcel
    WRONG_CATEGORY = "wrong_category"  # the checklist of another category was asked
    CUSTOMER_PHOTO = "customer_photo"  # the customer's own photos settle it
    DEFECT_FOUND = "defect_found"
    TRANSIT_DAMAGE = "transit_damage"
    OTHER = "other"  # the words say why


_NAMES: dict[StrEnum, tuple[str, str]] = {
    ReturnReason.NO_REASON_7D: ("七天无理由", "No-reason return (7 days)"),
    ReturnReason.QUALITY_DEFECT: ("质量问题", "Quality defect"),
    ReturnReason.NOT_AS_DESCRIBED: ("与描述不符", "Not as described"),
    ReturnReason.WRONG_ITEM_SENT: ("发错货", "Wrong item sent"),
    ReturnReason.DAMAGED_IN_TRANSIT: ("运输损坏", "Damaged in transit"),
    ReturnReason.SIZE_FIT: ("尺码不合适", "Size / fit"),
    ReturnReason.MISSING_PARTS: ("少件/缺配件", "Missing parts"),
    Category.APPAREL: ("服装", "Apparel"),
    Category.FOOTWEAR: ("鞋靴", "Footwear"),
    Category.BAGS: ("箱包配饰", "Bags & accessories"),
    Category.ELECTRONICS: ("数码电器", "Electronics"),
    Category.BEAUTY: ("美妆个护", "Beauty & personal care"),
    Category.HOME: ("家居日用", "Home goods"),
    Category.FOOD: ("食品生鲜", "Food & fresh"),
    Category.CUSTOMISED: ("定制商品", "Customised goods"),
    Category.VIRTUAL: ("虚拟商品", "Virtual goods"),
    Category.GENERIC: ("其他", "Other"),
    Grade.A: ("A 全新", "A as new"),
    Grade.B: ("B 开封可售", "B open box"),
    Grade.C: ("C 使用/损坏", "C used / damaged"),
    Grade.D: ("D 不可售", "D unsellable"),
    Disposition.RESTOCK: ("上架", "Restock"),
    Disposition.RESTOCK_OPEN_BOX: ("开箱品上架", "Restock open box"),
    Disposition.REFURBISH: ("翻新", "Refurbish"),
    Disposition.RETURN_TO_VENDOR: ("退供应商", "Return to vendor"),
    Disposition.LIQUIDATE: ("折价处理", "Liquidate"),
    Disposition.DESTROY: ("销毁", "Destroy"),
    Disposition.RETURN_TO_CUSTOMER: ("退回买家", "Return to customer"),
    RefundKind.FULL: ("全额退款", "Full refund"),
    RefundKind.PARTIAL: ("部分退款", "Partial refund"),
    RefundKind.NONE: ("拒绝退款", "No refund"),
    Responsibility.CUSTOMER: ("买家责任", "Customer"),
    Responsibility.MERCHANT: ("商家责任", "Merchant"),
    Responsibility.CARRIER: ("物流责任", "Carrier"),
    Carrier.SF: ("顺丰速运", "SF Express"),
    Carrier.JD: ("京东物流", "JD Logistics"),
    Carrier.YTO: ("圆通速递", "YTO Express"),
    Carrier.ZTO: ("中通快递", "ZTO Express"),
    Carrier.STO: ("申通快递", "STO Express"),
    Carrier.EMS: ("中国邮政EMS", "China Post EMS"),
    OrderState.REQUESTED: ("待审核", "Requested"),
    OrderState.APPROVED: ("已同意", "Approved"),
    OrderState.REJECTED: ("已拒绝", "Rejected"),
    OrderState.IN_TRANSIT: ("退货途中", "In transit"),
    OrderState.RECEIVED: ("已签收", "Received"),
    OrderState.INSPECTING: ("质检中", "Inspecting"),
    OrderState.INSPECTED: ("已质检", "Inspected"),
    OrderState.REFUNDED: ("已退款", "Refunded"),
    OrderState.PARTIALLY_REFUNDED: ("已部分退款", "Partially refunded"),
    OrderState.RETURNED_TO_CUSTOMER: ("已退回买家", "Returned to customer"),
    OrderState.ESCALATED: ("争议处理中", "Escalated"),
    Role.INSPECTOR: ("质检员", "Inspector"),
    Role.SUPERVISOR: ("主管", "Supervisor"),
    Role.ADMIN: ("管理员", "Administrator"),
    InspectionState.OPEN: ("进行中", "Open"),
    InspectionState.COMPLETED: ("已完成", "Completed"),
    InspectionState.CANCELLED: ("已取消", "Cancelled"),
    PhotoKind.OVERVIEW: ("整体", "Overview"),
    PhotoKind.SHIPPING_LABEL: ("快递面单", "Shipping label"),
    PhotoKind.ITEM_LABEL: ("吊牌/标签", "Item label / tag"),
    PhotoKind.DEFECT: ("瑕疵特写", "Defect close-up"),
    PhotoKind.ACCESSORIES: ("配件", "Accessories"),
    PhotoKind.PACKAGING: ("包装", "Packaging"),
    OverrideReason.TAGS_REMOVED: ("吊牌已拆", "Tags removed"),
    OverrideReason.HIDDEN_WEAR: ("细查发现使用痕迹", "Wear not visible at first"),
    OverrideReason.ACCESSORY_FOUND: ("缺失配件已找到", "Missing accessory found"),
    OverrideReason.WRONG_CATEGORY: ("检查单类目不符", "Checklist of the wrong category"),
    OverrideReason.CUSTOMER_PHOTO: ("买家照片为证", "Customer's photo evidence"),
    OverrideReason.DEFECT_FOUND: ("发现质量问题", "Quality defect found"),
    OverrideReason.TRANSIT_DAMAGE: ("运输途中损坏", "Damaged in transit"),
    OverrideReason.OTHER: ("其他（须说明）", "Other (explain)"),
}


def label(value: StrEnum, language: Language = "zh_CN") -> str:
    """The display name of a domain code; falls back to the code itself."""
    names = _NAMES.get(value)
    if names is None:
        return str(value)
    return names[0] if language == "zh_CN" else names[1]


def has_label(value: StrEnum) -> bool:
    return value in _NAMES
