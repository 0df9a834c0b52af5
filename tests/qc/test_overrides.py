"""An override holds together or is refused in both languages; a reason code is enough, words
are needed only for "other"; a form's fields follow each other into combinations that hold."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from station.domain.labels import OverrideReason as Why
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.qc.engine import Override, OverrideError, check_override, decide, evaluate
from station.qc.overrides import Choice, offered, override_text, settle
from station.qc.rules import FiredRule, Proposal
from tests.qc.test_engine import ALL_PHOTOS, APPAREL, CLEAN_APPAREL, EXPECTED
from tests.qc.test_rules import POLICY, PRICE, facts

D = Disposition
RULE = FiredRule("clean_no_reason", "七天无理由退货，商品完好：全额退款", "No-reason return")
CLEAN = Proposal(
    Grade.A,
    D.RESTOCK,
    RefundKind.FULL,
    PRICE,
    Responsibility.CUSTOMER,
    False,
    False,
    None,
    (RULE,),
    frozenset(),
)
# what the rules propose for a customised item returned without a reason: as new, refused
EXCLUDED = replace(
    CLEAN, refund_kind=RefundKind.NONE, refund_fen=0, disposition=D.RETURN_TO_CUSTOMER
)


@pytest.mark.parametrize(
    "override,en,zh",
    [
        (
            Override("", disposition=D.RESTOCK_OPEN_BOX, code=Why.TAGS_REMOVED),
            "grade A) is restocked as new, not as open box",
            "不能作开箱品",
        ),
        (
            Override("发霉", grade=Grade.D),  # still restocked
            "grade D) cannot be restocked",
            "D 级（不可售）商品不能上架",
        ),
        (
            Override("发霉", grade=Grade.D, disposition=D.RESTOCK_OPEN_BOX),
            "grade D) cannot be restocked",
            "不能上架",
        ),
        (
            Override("", grade=Grade.C, refund_kind=RefundKind.NONE, code=Why.HIDDEN_WEAR),
            "A refused refund sends the item back to the customer",
            "拒绝退款时商品应退回买家",
        ),
        (
            Override("", grade=Grade.C, disposition=D.RETURN_TO_CUSTOMER, code=Why.HIDDEN_WEAR),
            "An item sent back to the customer is not refunded",
            "退回买家的商品不退款",
        ),
        (
            Override("客户说的", refund_kind=RefundKind.PARTIAL, refund_fen=PRICE // 2),
            "needs a reason that explains it: Tags removed, Checklist of the wrong category,"
            " Customer's photo evidence",
            "吊牌已拆、检查单类目不符、买家照片为证",
        ),
        (
            Override(
                "",
                refund_kind=RefundKind.NONE,
                disposition=D.RETURN_TO_CUSTOMER,
                code=Why.ACCESSORY_FOUND,
            ),
            "grade A) with a partial or no refund",
            "A 级（全新）商品部分退款或拒绝退款",
        ),
    ],
)
def test_a_combination_that_contradicts_itself_is_refused_in_both_languages(
    override: Override, en: str, zh: str
) -> None:
    with pytest.raises(OverrideError) as caught:
        check_override(CLEAN, PRICE, override)
    assert en in caught.value.message("en") and en in str(caught.value)
    assert zh in caught.value.message("zh_CN")


@pytest.mark.parametrize(
    "override",
    [
        Override("", grade=Grade.D, disposition=D.DESTROY, code=Why.DEFECT_FOUND),
        Override(
            "",
            grade=Grade.D,
            disposition=D.DESTROY,
            refund_kind=RefundKind.NONE,
            code=Why.HIDDEN_WEAR,
        ),  # an unsellable item refused may be destroyed
        Override("", refund_kind=RefundKind.PARTIAL, refund_fen=8000, code=Why.TAGS_REMOVED),
        Override(
            "",
            refund_kind=RefundKind.NONE,
            disposition=D.RETURN_TO_CUSTOMER,
            code=Why.WRONG_CATEGORY,
        ),
        Override("", grade=Grade.B, disposition=D.RESTOCK_OPEN_BOX, code=Why.TAGS_REMOVED),
    ],
)
def test_combinations_that_hold_are_taken(override: Override) -> None:
    check_override(CLEAN, PRICE, override)


def test_what_the_rules_proposed_stands_on_their_explanation() -> None:
    """As new and refused is the rules' own verdict for an excluded category: changing only
    who is responsible does not need a code that explains the refusal."""
    kept = check_override(
        EXCLUDED,
        PRICE,
        Override("系统归责有误", responsibility=Responsibility.MERCHANT),
    )
    assert (kept.grade, kept.refund_kind) == (Grade.A, RefundKind.NONE)


def test_a_reason_code_is_enough_and_words_are_needed_only_for_other() -> None:
    e = evaluate(APPAREL, CLEAN_APPAREL, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    coded = decide(e, APPAREL, PRICE, Override("", grade=Grade.B, code=Why.TAGS_REMOVED))
    assert coded.override_code is Why.TAGS_REMOVED
    assert coded.override_reason == "吊牌已拆 / Tags removed"
    assert coded.refund_reason == ""  # the refund is the rules' full one: nothing to explain
    worded = decide(e, APPAREL, PRICE, Override(" 左袖口 ", grade=Grade.B, code=Why.HIDDEN_WEAR))
    assert worded.override_reason == "细查发现使用痕迹 / Wear not visible at first: 左袖口"
    with pytest.raises(OverrideError) as caught:
        decide(e, APPAREL, PRICE, Override("  ", grade=Grade.B, code=Why.OTHER))
    assert "原因为“其他”" in caught.value.message("zh_CN")
    other = decide(e, APPAREL, PRICE, Override("领口有线头", grade=Grade.B))
    assert other.override_reason == "领口有线头" and other.override_code is Why.OTHER


@pytest.mark.parametrize(
    "words,reason",
    [
        ("原因\x07", "control characters"),
        ("\u202e反向", "control characters"),
        ("长" * 401, "too long"),
    ],
)
def test_words_that_cannot_stand_on_record_are_refused(words: str, reason: str) -> None:
    with pytest.raises(OverrideError, match=re.escape(reason)):
        override_text(Why.TAGS_REMOVED, words)


def test_an_override_that_keeps_the_refund_keeps_the_rule_that_explained_it() -> None:
    tags_cut = CLEAN_APPAREL | {"tags_attached": False}
    e = evaluate(APPAREL, tags_cut, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    assert e.proposal.refund_kind is RefundKind.PARTIAL
    regraded = decide(
        e,
        APPAREL,
        PRICE,
        Override("", grade=Grade.C, disposition=D.LIQUIDATE, code=Why.HIDDEN_WEAR),
    )
    assert "吊牌已拆" in regraded.refund_reason  # the deduction rule, not the inspector
    assert regraded.override_reason == "细查发现使用痕迹 / Wear not visible at first"


def test_fields_follow_each_other_in_a_form() -> None:
    start = Choice.of(CLEAN)
    refused = settle(replace(start, refund_kind=RefundKind.NONE), "refund_kind", CLEAN, PRICE)
    assert (refused.disposition, refused.refund_fen) == (D.RETURN_TO_CUSTOMER, 0)
    sent_back = settle(
        replace(start, disposition=D.RETURN_TO_CUSTOMER), "disposition", CLEAN, PRICE
    )
    assert (sent_back.refund_kind, sent_back.refund_fen) == (RefundKind.NONE, 0)
    restocked = settle(replace(sent_back, disposition=D.RESTOCK), "disposition", CLEAN, PRICE)
    assert (restocked.refund_kind, restocked.refund_fen) == (RefundKind.FULL, PRICE)
    unsellable = settle(replace(start, grade=Grade.D), "grade", CLEAN, PRICE)
    assert unsellable.disposition is D.DESTROY
    opened = settle(replace(start, grade=Grade.B), "grade", CLEAN, PRICE)
    assert opened.disposition is D.RESTOCK  # it held: nothing had to follow
    back_to_full = settle(
        replace(refused, refund_kind=RefundKind.FULL), "refund_kind", CLEAN, PRICE
    )
    assert (back_to_full.disposition, back_to_full.refund_fen) == (D.RESTOCK, PRICE)


def test_a_form_offers_only_what_can_hold() -> None:
    start = Choice.of(CLEAN)
    assert offered("refund_kind", start, Why.OTHER, CLEAN, PRICE) == {RefundKind.FULL}
    explained = offered("refund_kind", start, Why.TAGS_REMOVED, CLEAN, PRICE)
    assert explained == set(RefundKind)
    dispositions = offered("disposition", start, Why.OTHER, CLEAN, PRICE)
    assert D.RESTOCK_OPEN_BOX not in dispositions and D.RETURN_TO_CUSTOMER not in dispositions
    assert D.LIQUIDATE in dispositions and D.DESTROY in dispositions
    assert offered("grade", start, Why.OTHER, CLEAN, PRICE) == set(Grade)
