"""What an inspection can find: the vocabulary between checklist answers and verdict rules.

Templates map answers to findings; rules read findings. Keeping the words in one place lets a
template be checked at load time (a finding that no rule knows is a typo) and keeps the rules
independent of how a question was phrased.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    PACKAGING = "packaging"  # the item is fine; its packaging is not: open box
    WEAR = "wear"  # used: no longer new
    DAMAGE = "damage"  # physically damaged or not working
    UNSELLABLE = "unsellable"  # hygiene, spoilage: cannot be sold again
    MISMATCH = "mismatch"  # not the item that was ordered
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    zh_CN: str
    en: str


_ALL = (
    Finding("item_mismatch", Severity.MISMATCH, "商品与订单不符", "item does not match the order"),
    Finding(
        "serial_mismatch", Severity.MISMATCH, "序列号与订单不符", "serial does not match the order"
    ),
    Finding("tags_removed", Severity.PACKAGING, "吊牌已拆", "tags removed"),
    Finding("packaging_damaged", Severity.PACKAGING, "商品包装破损", "retail packaging damaged"),
    Finding("packaging_missing", Severity.PACKAGING, "商品包装缺失", "retail packaging missing"),
    Finding("outer_box_crushed", Severity.OTHER, "外箱压坏", "outer shipping box crushed"),
    Finding("worn_light", Severity.WEAR, "轻微穿着/使用痕迹", "light wear"),
    Finding("worn_heavy", Severity.WEAR, "明显穿着/使用痕迹", "heavy wear"),
    Finding("wash_marks", Severity.WEAR, "有洗涤痕迹", "wash marks"),
    Finding("stains", Severity.WEAR, "有污渍", "stains"),
    Finding("odour", Severity.WEAR, "有异味", "odour"),
    Finding("used", Severity.WEAR, "已使用", "used"),
    Finding("seal_broken", Severity.UNSELLABLE, "封口已拆", "seal broken"),
    Finding("hygiene_used", Severity.UNSELLABLE, "贴身/个护用品已使用", "personal-care item used"),
    Finding("expired", Severity.UNSELLABLE, "已过期", "past its date"),
    Finding("spoiled", Severity.UNSELLABLE, "已变质", "spoiled"),
    Finding("item_damaged", Severity.DAMAGE, "商品损坏", "item damaged"),
    Finding("screen_damage", Severity.DAMAGE, "屏幕/机身损伤", "screen or body damage"),
    Finding("not_powering", Severity.DAMAGE, "无法开机", "does not power on"),
    Finding("defect_confirmed", Severity.DAMAGE, "确认存在质量问题", "quality defect confirmed"),
    Finding("accessories_missing", Severity.OTHER, "配件不全", "accessories missing"),
    Finding(
        "account_locked", Severity.OTHER, "未恢复出厂/未退出账号", "not reset / account not removed"
    ),
)

FINDINGS: dict[str, Finding] = {f.code: f for f in _ALL}


def describe(code: str, language: str = "zh_CN") -> str:
    finding = FINDINGS.get(code)
    if finding is None:
        return code
    return finding.zh_CN if language == "zh_CN" else finding.en
