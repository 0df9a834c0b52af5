"""Every verdict rule, and the examples the after-sales standard gives, as a table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from station.config import resources_dir
from station.domain.policy import window_for
from station.protocol.enums import (
    Category,
    Disposition,
    Grade,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
)
from station.qc import rules
from station.qc.policy import QcPolicy, parse_policy
from station.qc.rules import OrderFacts, grade_for, propose

POLICY = parse_policy((resources_dir() / "policy.toml").read_text(), "policy.toml")
R, C, G, D, F = ReturnReason, Category, Grade, Disposition, RefundKind
RECEIVED = date(2026, 11, 1)
PRICE = 19_900


def facts(
    reason: ReturnReason = R.NO_REASON_7D,
    category: Category = C.APPAREL,
    asked_on_day: int = 3,
    amount: int = PRICE,
    policy: QcPolicy = POLICY,
) -> OrderFacts:
    window = window_for(
        reason=reason,
        category=category,
        customer_received_on=RECEIVED,
        requested_on=RECEIVED + timedelta(days=asked_on_day),
        today=RECEIVED + timedelta(days=asked_on_day + 2),
        policy=policy.windows,
    )
    return OrderFacts(reason, category, window, amount, amount >= policy.review_above_fen)


# (name, findings, facts, grade, disposition, refund, refund_fen, responsibility, rule)
EXAMPLES = [
    (
        "no-reason, unused, tags on",
        set(),
        facts(),
        G.A,
        D.RESTOCK,
        F.FULL,
        PRICE,
        Responsibility.CUSTOMER,
        "clean_no_reason",
    ),
    (
        "no-reason, tags removed: partial per policy",
        {"tags_removed"},
        facts(),
        G.B,
        D.RESTOCK_OPEN_BOX,
        F.PARTIAL,
        round(PRICE * 0.8),
        Responsibility.CUSTOMER,
        "partial_deduction",
    ),
    (
        "no-reason, wash marks: refused per policy",
        {"wash_marks"},
        facts(),
        G.C,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "used_refused",
    ),
    (
        "no-reason, light wear and tags off: partial",
        {"worn_light", "tags_removed"},
        facts(),
        G.C,
        D.LIQUIDATE,
        F.PARTIAL,
        round(PRICE * 0.5),
        Responsibility.CUSTOMER,
        "partial_deduction",
    ),
    (
        "deductions beyond the limit refuse",
        {"worn_light", "tags_removed", "packaging_missing"},
        facts(),
        G.C,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "deductions_exceed",
    ),
    (
        "scan-match mismatch: suspected swap",
        {"item_mismatch"},
        facts(),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "suspected_swap",
    ),
    (
        "serial mismatch on a quality claim: swap",
        {"serial_mismatch", "not_powering"},
        facts(R.QUALITY_DEFECT, C.ELECTRONICS),
        G.C,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "suspected_swap",
    ),
    (
        "mismatch under a wrong-item claim: merchant",
        {"item_mismatch"},
        facts(R.WRONG_ITEM_SENT),
        G.A,
        D.RESTOCK,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "wrong_item_confirmed",
    ),
    (
        "quality defect confirmed",
        {"defect_confirmed"},
        facts(R.QUALITY_DEFECT),
        G.C,
        D.RETURN_TO_VENDOR,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "defect_confirmed",
    ),
    (
        "defect on electronics is refurbished",
        {"not_powering"},
        facts(R.QUALITY_DEFECT, C.ELECTRONICS),
        G.C,
        D.REFURBISH,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "defect_confirmed",
    ),
    (
        "defect with a broken screen goes back to the vendor",
        {"not_powering", "screen_damage"},
        facts(R.QUALITY_DEFECT, C.ELECTRONICS),
        G.C,
        D.RETURN_TO_VENDOR,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "defect_confirmed",
    ),
    (
        "outer box crushed and item damaged: carrier claim",
        {"outer_box_crushed", "item_damaged"},
        facts(R.DAMAGED_IN_TRANSIT, C.HOME),
        G.C,
        D.LIQUIDATE,
        F.FULL,
        PRICE,
        Responsibility.CARRIER,
        "carrier_damage",
    ),
    (
        "transit damage with the box intact: merchant packing",
        {"item_damaged"},
        facts(R.DAMAGED_IN_TRANSIT, C.HOME),
        G.C,
        D.RETURN_TO_VENDOR,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "transit_damage_packing",
    ),
    (
        "customised under a no-reason claim",
        set(),
        facts(category=C.CUSTOMISED),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "excluded_no_reason",
    ),
    (
        "fresh food under a no-reason claim",
        set(),
        facts(category=C.FOOD),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "excluded_no_reason",
    ),
    (
        "outside every window",
        set(),
        facts(R.QUALITY_DEFECT, asked_on_day=40),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "window_expired",
    ),
    (
        "outside every window but the defect is confirmed",
        {"defect_confirmed"},
        facts(R.QUALITY_DEFECT, asked_on_day=40),
        G.C,
        D.RETURN_TO_VENDOR,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "defect_confirmed",
    ),
    (
        "no-reason claim after 7 days",
        set(),
        facts(asked_on_day=9),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "window_expired",
    ),
    (
        "claimed defect not found, no-reason window still open",
        set(),
        facts(R.QUALITY_DEFECT, asked_on_day=2),
        G.A,
        D.RESTOCK,
        F.FULL,
        PRICE,
        Responsibility.CUSTOMER,
        "clean_no_reason",
    ),
    (
        "claimed defect not found, past the no-reason window",
        set(),
        facts(R.NOT_AS_DESCRIBED, asked_on_day=10),
        G.A,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "claim_not_found",
    ),
    (
        "missing parts confirmed",
        {"accessories_missing"},
        facts(R.MISSING_PARTS, C.ELECTRONICS),
        G.C,
        D.REFURBISH,
        F.FULL,
        PRICE,
        Responsibility.MERCHANT,
        "missing_parts_confirmed",
    ),
    (
        "used beauty product is unsellable",
        {"hygiene_used"},
        facts(category=C.BEAUTY),
        G.D,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "used_refused",
    ),
    (
        "device still locked to an account",
        {"account_locked"},
        facts(category=C.ELECTRONICS),
        G.C,
        D.RETURN_TO_CUSTOMER,
        F.NONE,
        0,
        Responsibility.CUSTOMER,
        "used_refused",
    ),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_examples(example) -> None:
    _, findings, order, grade, disposition, refund, fen, responsibility, rule = example
    p = propose(frozenset(findings), order, POLICY)
    assert (p.grade, p.disposition, p.refund_kind, p.refund_fen, p.responsibility) == (
        grade,
        disposition,
        refund,
        fen,
        responsibility,
    )
    assert rule in [r.id for r in p.rules]
    if refund is not F.FULL:
        assert p.refund_reason is not None and p.refund_reason.zh_CN and p.refund_reason.en
        assert p.required_photos


def test_every_rule_has_an_example() -> None:
    fired = {r.id for e in EXAMPLES for r in propose(frozenset(e[1]), e[2], POLICY).rules}
    assert fired == set(rules._TEXT) - {"high_value_review"}  # that one: see below


def test_refusals_explain_themselves_in_both_languages() -> None:
    p = propose(frozenset({"wash_marks", "stains"}), facts(), POLICY)
    assert p.refund_reason is not None
    assert "商品已使用影响二次销售" in p.refund_reason.zh_CN
    assert "有污渍" in p.refund_reason.zh_CN and "wash marks" in p.refund_reason.en
    assert "凭证见附件" in p.refund_reason.zh_CN
    assert PhotoKind.DEFECT in p.required_photos


def test_a_carrier_claim_asks_for_the_box_and_the_waybill() -> None:
    p = propose(frozenset({"outer_box_crushed", "item_damaged"}), facts(), POLICY)
    assert p.carrier_claim
    assert {PhotoKind.PACKAGING, PhotoKind.SHIPPING_LABEL} <= p.required_photos


def test_policy_refusals_ask_for_the_parcel_as_received() -> None:
    p = propose(frozenset(), facts(category=C.CUSTOMISED), POLICY)
    assert {PhotoKind.OVERVIEW, PhotoKind.SHIPPING_LABEL} <= p.required_photos
    assert "定制商品不支持七天无理由退货" in p.rules[0].zh_CN


def test_high_value_items_and_swaps_go_to_a_supervisor() -> None:
    assert propose(frozenset(), facts(amount=699_900), POLICY).needs_review
    assert propose(frozenset({"item_mismatch"}), facts(), POLICY).needs_review
    assert not propose(frozenset(), facts(), POLICY).needs_review


def test_the_deduction_comes_from_the_policy() -> None:
    generous = QcPolicy(windows=POLICY.windows, no_reason={"tags_removed": 0.05})
    p = propose(frozenset({"tags_removed"}), facts(policy=generous), generous)
    assert p.refund_fen == PRICE - round(PRICE * 0.05)
    assert "5%" in p.rules[-1].zh_CN


@pytest.mark.parametrize(
    "findings,category,grade",
    [
        (set(), C.APPAREL, G.A),
        ({"packaging_damaged"}, C.ELECTRONICS, G.B),
        ({"packaging_damaged"}, C.FOOD, G.D),
        ({"worn_light"}, C.APPAREL, G.C),
        ({"worn_light"}, C.BEAUTY, G.D),
        ({"spoiled"}, C.FOOD, G.D),
        ({"not_powering"}, C.ELECTRONICS, G.C),
    ],
)
def test_grades(findings: set[str], category: Category, grade: Grade) -> None:
    assert grade_for(frozenset(findings), category) is grade
