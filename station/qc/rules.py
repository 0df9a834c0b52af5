"""The verdict rules: findings + the order + the policy → grade, disposition, refund and
responsibility, with every rule that fired explained in both languages.

Each rule is a small named function; :data:`RULES` runs them in order and the first one that
decides the refund wins. Grade and disposition follow from the item's condition and who is
responsible, so they are computed once, after the refund rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from station.domain.labels import label
from station.domain.policy import NO_REASON_REASONS, WindowKind, WindowStatus
from station.protocol.enums import (
    Category,
    Disposition,
    Grade,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
)
from station.protocol.findings import FINDINGS, Severity, describe
from station.qc.policy import REFUSE, QcPolicy

DEFECT = frozenset({"defect_confirmed", "not_powering"})
TRANSIT_DAMAGE = frozenset({"item_damaged", "screen_damage"})
HYGIENE_CATEGORIES = frozenset({Category.BEAUTY, Category.FOOD})
REFURBISHABLE = frozenset({Category.ELECTRONICS})


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What the rules need to know about the order line under inspection."""

    reason: ReturnReason
    category: Category
    window: WindowStatus
    amount_fen: int
    high_value: bool = False


@dataclass(frozen=True, slots=True)
class FiredRule:
    id: str
    zh_CN: str
    en: str

    def text(self, language: str) -> str:
        return self.zh_CN if language == "zh_CN" else self.en


@dataclass(frozen=True, slots=True)
class Proposal:
    grade: Grade
    disposition: Disposition
    refund_kind: RefundKind
    refund_fen: int
    responsibility: Responsibility
    carrier_claim: bool
    needs_review: bool
    refund_reason: FiredRule | None
    rules: tuple[FiredRule, ...]
    required_photos: frozenset[PhotoKind]

    def as_dict(self) -> dict[str, object]:
        return {
            "grade": self.grade.value,
            "disposition": self.disposition.value,
            "refund_kind": self.refund_kind.value,
            "refund_fen": self.refund_fen,
            "responsibility": self.responsibility.value,
            "carrier_claim": self.carrier_claim,
            "needs_review": self.needs_review,
            "refund_reason": self.refund_reason.zh_CN if self.refund_reason else "",
            "rules": [rule.id for rule in self.rules],
            "required_photos": sorted(kind.value for kind in self.required_photos),
        }


@dataclass(slots=True)
class _Draft:
    """The decision as rules fill it in."""

    facts: OrderFacts
    findings: frozenset[str]
    policy: QcPolicy
    refund: RefundKind | None = None
    refund_fen: int = 0
    responsibility: Responsibility = Responsibility.CUSTOMER
    merchant_defect: bool = False
    carrier_claim: bool = False
    review: bool = False
    reason: FiredRule | None = None
    rules: list[FiredRule] = field(default_factory=list)
    photos: set[PhotoKind] = field(default_factory=set)

    def fire(self, rule_id: str, **values: object) -> FiredRule:
        zh, en = _TEXT[rule_id]
        rule = FiredRule(rule_id, zh.format(**values), en.format(**values))
        self.rules.append(rule)
        return rule

    def decide(
        self,
        rule_id: str,
        refund: RefundKind,
        responsibility: Responsibility,
        *,
        refund_fen: int | None = None,
        text: Mapping[str, object] | None = None,
    ) -> None:
        rule = self.fire(rule_id, **(text or {}))
        self.refund = refund
        self.responsibility = responsibility
        self.refund_fen = {
            RefundKind.FULL: self.facts.amount_fen,
            RefundKind.NONE: 0,
        }.get(refund, refund_fen or 0)
        if refund is not RefundKind.FULL:
            self.reason = rule

    def has(self, *severities: Severity) -> bool:
        return any(FINDINGS[f].severity in severities for f in self.findings)


_TEXT: dict[str, tuple[str, str]] = {
    "suspected_swap": (
        "退回商品与订单不符，疑似调包：拒绝退款，转主管复核",
        "The returned item does not match the order (suspected swap): refused, for review",
    ),
    "wrong_item_confirmed": (
        "确认商家发错货：商家责任，全额退款",
        "The merchant sent the wrong item: merchant's responsibility, full refund",
    ),
    "carrier_damage": (
        "外箱压坏且商品损坏：物流责任，发起物流索赔，全额退款",
        "Outer box crushed and item damaged: carrier's responsibility, claim opened, full refund",
    ),
    "defect_confirmed": (
        "质量问题属实：商家责任，全额退款",
        "Quality defect confirmed: merchant's responsibility, full refund",
    ),
    "excluded_no_reason": (
        "{category}不支持七天无理由退货：拒绝退款，退回买家",
        "{category_en} cannot be returned without a reason: refused, returned to the customer",
    ),
    "window_expired": (
        "已超出售后期限（申请于签收后第 {days} 天）且未发现质量问题：拒绝退款",
        "Outside every return window (asked on day {days}) and no defect found: refused",
    ),
    "claim_not_found_no_reason": (
        "未发现所述问题，按七天无理由退货处理",
        "The claimed problem was not found; handled as a no-reason return",
    ),
    "claim_not_found": (
        "未发现所述问题，且已过七天无理由期限：拒绝退款，转主管复核",
        "The claimed problem was not found and the no-reason window has passed: refused, "
        "for review",
    ),
    "missing_parts_confirmed": (
        "确认缺少配件：商家责任，全额退款",
        "Missing parts confirmed: merchant's responsibility, full refund",
    ),
    "transit_damage_packing": (
        "商品运输损坏但外箱完好：商家包装责任，全额退款",
        "Damaged in transit with the outer box intact: merchant's packing, full refund",
    ),
    "used_refused": (
        "商品已使用影响二次销售（{findings}），凭证见附件：拒绝退款",
        "Used and cannot be resold ({findings_en}), see the photos: refused",
    ),
    "partial_deduction": (
        "{findings}：扣除 {share}%（¥{amount}），凭证见附件",
        "{findings_en}: {share}% deducted (¥{amount}), see the photos",
    ),
    "deductions_exceed": (
        "扣减合计超过 {limit}%（{findings}）：拒绝退款",
        "Deductions exceed {limit}% ({findings_en}): refused",
    ),
    "clean_no_reason": (
        "七天无理由退货，商品完好：全额退款",
        "No-reason return, item as new: full refund",
    ),
    "high_value_review": ("高价值商品：转主管复核", "High-value item: for supervisor review"),
    "account_locked": (
        "设备未恢复出厂或未退出账号，无法二次销售",
        "Device not reset or account not removed: cannot be resold",
    ),
}


def _names(findings: set[str] | frozenset[str], language: str) -> str:
    sep = "、" if language == "zh_CN" else ", "
    return sep.join(describe(f, language) for f in sorted(findings))


# -- refund rules, in order; each returns True when it decided the refund ---------------------


def _mismatch(d: _Draft) -> bool:
    if not d.has(Severity.MISMATCH):
        return False
    d.review = True
    d.photos.update({PhotoKind.ITEM_LABEL, PhotoKind.OVERVIEW})
    if d.facts.reason is ReturnReason.WRONG_ITEM_SENT:
        d.decide("wrong_item_confirmed", RefundKind.FULL, Responsibility.MERCHANT)
    else:
        d.decide("suspected_swap", RefundKind.NONE, Responsibility.CUSTOMER)
    return True


def _carrier_damage(d: _Draft) -> bool:
    if "outer_box_crushed" not in d.findings or not d.findings & TRANSIT_DAMAGE:
        return False
    d.carrier_claim = True
    d.photos.update({PhotoKind.PACKAGING, PhotoKind.SHIPPING_LABEL, PhotoKind.DEFECT})
    d.decide("carrier_damage", RefundKind.FULL, Responsibility.CARRIER)
    return True


def _defect(d: _Draft) -> bool:
    if not d.findings & DEFECT:
        return False
    d.merchant_defect = True
    d.photos.add(PhotoKind.DEFECT)
    d.decide("defect_confirmed", RefundKind.FULL, Responsibility.MERCHANT)
    return True


def _outside_the_window(d: _Draft, rule: str, text: Mapping[str, object]) -> bool:
    """No refund: the return came outside what the window allows. The parcel as it came and
    its shipping label are what show it."""
    d.photos.update({PhotoKind.OVERVIEW, PhotoKind.SHIPPING_LABEL})
    d.decide(rule, RefundKind.NONE, Responsibility.CUSTOMER, text=text)
    return True


def _excluded(d: _Draft) -> bool:
    if d.facts.window.kind is not WindowKind.EXCLUDED:
        return False
    names = {
        "category": label(d.facts.category, "zh_CN"),
        "category_en": label(d.facts.category, "en"),
    }
    return _outside_the_window(d, "excluded_no_reason", names)


def _claim_consistent(d: _Draft) -> bool:
    reason = d.facts.reason
    if reason is ReturnReason.MISSING_PARTS and "accessories_missing" in d.findings:
        d.photos.add(PhotoKind.ACCESSORIES)
        d.decide("missing_parts_confirmed", RefundKind.FULL, Responsibility.MERCHANT)
        return True
    if reason is ReturnReason.DAMAGED_IN_TRANSIT and d.findings & TRANSIT_DAMAGE:
        d.merchant_defect = True
        d.photos.update({PhotoKind.PACKAGING, PhotoKind.DEFECT})
        d.decide("transit_damage_packing", RefundKind.FULL, Responsibility.MERCHANT)
        return True
    return False


def _expired(d: _Draft) -> bool:
    if d.facts.window.kind is not WindowKind.EXPIRED:
        return False
    return _outside_the_window(d, "window_expired", {"days": d.facts.window.days_at_request})


def _claim_not_found(d: _Draft) -> bool:
    if d.facts.reason in NO_REASON_REASONS:
        return False
    no_reason_open = d.facts.window.days_at_request <= d.policy.windows.no_reason_days and (
        d.facts.category not in d.policy.windows.no_reason_excluded
    )
    if no_reason_open:
        d.fire("claim_not_found_no_reason")
        return False  # continue as a no-reason return
    d.review = True
    d.photos.update({PhotoKind.OVERVIEW, PhotoKind.DEFECT})
    d.decide("claim_not_found", RefundKind.NONE, Responsibility.CUSTOMER)
    return True


def _no_reason(d: _Draft) -> bool:
    costs = {f: d.policy.deduction(f) for f in d.findings}
    refused = {f for f, cost in costs.items() if cost == REFUSE}
    charged = {f: float(c) for f, c in costs.items() if isinstance(c, float) and c > 0}
    if refused:
        d.photos.add(PhotoKind.DEFECT)
        d.decide(
            "used_refused",
            RefundKind.NONE,
            Responsibility.CUSTOMER,
            text={"findings": _names(refused, "zh_CN"), "findings_en": _names(refused, "en")},
        )
        return True
    if charged:
        share = sum(charged.values())
        names: dict[str, object] = {
            "findings": _names(set(charged), "zh_CN"),
            "findings_en": _names(set(charged), "en"),
        }
        d.photos.add(PhotoKind.DEFECT)
        deduction = max(1, round(d.facts.amount_fen * share))  # never a "partial" of 100 %
        if share > d.policy.max_partial_share or deduction >= d.facts.amount_fen:
            d.decide(
                "deductions_exceed",
                RefundKind.NONE,
                Responsibility.CUSTOMER,
                text=names | {"limit": round(d.policy.max_partial_share * 100)},
            )
            return True
        d.decide(
            "partial_deduction",
            RefundKind.PARTIAL,
            Responsibility.CUSTOMER,
            refund_fen=d.facts.amount_fen - deduction,
            text=names | {"share": round(share * 100), "amount": f"{deduction / 100:.2f}"},
        )
        return True
    d.decide("clean_no_reason", RefundKind.FULL, Responsibility.CUSTOMER)
    return True


RULES: tuple[Callable[[_Draft], bool], ...] = (
    _mismatch,
    _carrier_damage,
    _defect,
    _excluded,
    _claim_consistent,
    _expired,
    _claim_not_found,
    _no_reason,
)


# -- condition ---------------------------------------------------------------------------


def grade_for(findings: frozenset[str], category: Category) -> Grade:
    severities = {FINDINGS[f].severity for f in findings}
    hygiene = category in HYGIENE_CATEGORIES
    if Severity.UNSELLABLE in severities:
        return Grade.D
    if severities & {Severity.DAMAGE, Severity.WEAR}:
        return Grade.D if hygiene else Grade.C
    if "accessories_missing" in findings or "account_locked" in findings:
        return Grade.C
    if Severity.PACKAGING in severities:
        return Grade.D if hygiene else Grade.B
    return Grade.A


def disposition_for(d: _Draft, grade: Grade) -> Disposition:
    if d.refund is RefundKind.NONE:
        return Disposition.RETURN_TO_CUSTOMER
    if d.merchant_defect:
        return (
            Disposition.REFURBISH
            if d.facts.category in REFURBISHABLE and "screen_damage" not in d.findings
            else Disposition.RETURN_TO_VENDOR
        )
    return {
        Grade.A: Disposition.RESTOCK,
        Grade.B: Disposition.RESTOCK_OPEN_BOX,
        Grade.C: (
            Disposition.REFURBISH if d.facts.category in REFURBISHABLE else Disposition.LIQUIDATE
        ),
        Grade.D: Disposition.DESTROY,
    }[grade]


def propose(
    findings: frozenset[str],
    facts: OrderFacts,
    policy: QcPolicy,
    template_photos: frozenset[PhotoKind] = frozenset(),
) -> Proposal:
    d = _Draft(facts, findings, policy)
    for rule in RULES:
        if rule(d):
            break
    assert d.refund is not None  # _no_reason always decides
    if "account_locked" in findings:
        d.review = True
        d.fire("account_locked")
    if facts.high_value or facts.amount_fen >= policy.review_above_fen:
        d.review = True
        d.fire("high_value_review")
    grade = grade_for(findings, facts.category)
    if d.refund is not RefundKind.FULL:
        d.photos.add(PhotoKind.DEFECT if d.has(*_CONDITION) else PhotoKind.OVERVIEW)
    return Proposal(
        grade=grade,
        disposition=disposition_for(d, grade),
        refund_kind=d.refund,
        refund_fen=d.refund_fen,
        responsibility=d.responsibility,
        carrier_claim=d.carrier_claim,
        needs_review=d.review,
        refund_reason=d.reason,
        rules=tuple(d.rules),
        required_photos=frozenset(d.photos) | template_photos,
    )


_CONDITION = (Severity.WEAR, Severity.DAMAGE, Severity.UNSELLABLE, Severity.PACKAGING)
