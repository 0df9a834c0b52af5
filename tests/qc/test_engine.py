from __future__ import annotations

import pytest

from station.domain.labels import OverrideReason
from station.protocol.enums import (
    Category,
    Disposition,
    Grade,
    PhotoKind,
    RefundKind,
    ReturnReason,
)
from station.qc.answers import Expected
from station.qc.engine import Override, OverrideError, decide, evaluate
from tests.qc.test_rules import POLICY, PRICE, facts
from tests.qc.test_template_parse import shipped

APPAREL = shipped()["apparel"]
ELECTRONICS = shipped()["electronics"]
EXPECTED = Expected(ean="6901234567892", sku="AP-TS-01-M", serial="SN123")
ALL_PHOTOS = {kind: 1 for kind in PhotoKind}
CLEAN_APPAREL = {
    "item_matches": "6901234567892",
    "tags_attached": True,
    "wear": "none",
    "wash_marks": False,
    "stains": False,
    "odour": False,
    "packaging": "intact",
    "outer_box": True,
}


def test_a_clean_apparel_return_is_complete_with_its_photos() -> None:
    e = evaluate(APPAREL, CLEAN_APPAREL, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    assert e.complete and not e.findings
    assert e.proposal.grade is Grade.A and e.proposal.refund_kind is RefundKind.FULL
    without = evaluate(APPAREL, CLEAN_APPAREL, facts(), EXPECTED, POLICY, {})
    assert set(without.missing_photos) == {PhotoKind.OVERVIEW, PhotoKind.ITEM_LABEL}
    assert not without.complete


def test_the_defect_question_appears_only_for_quality_claims() -> None:
    ids = lambda e: {q.id for q in e.visible}  # noqa: E731
    no_reason = evaluate(APPAREL, {}, facts(), EXPECTED, POLICY)
    quality = evaluate(APPAREL, {}, facts(ReturnReason.QUALITY_DEFECT), EXPECTED, POLICY)
    assert "defect_present" not in ids(no_reason)
    assert "defect_present" in ids(quality)
    assert "defect_present" in {q.id for q in quality.unanswered}


def test_scan_match_compares_with_the_order() -> None:
    swapped = CLEAN_APPAREL | {"item_matches": "6909999999999"}
    e = evaluate(APPAREL, swapped, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    assert "item_mismatch" in e.findings and e.proposal.refund_kind is RefundKind.NONE
    by_sku = evaluate(
        APPAREL,
        CLEAN_APPAREL | {"item_matches": "ap-ts-01-m "},
        facts(),
        EXPECTED,
        POLICY,
        ALL_PHOTOS,
    )
    assert not by_sku.findings


def test_a_serial_question_needs_a_serial_to_compare_with() -> None:
    with_serial = evaluate(ELECTRONICS, {}, facts(category=Category.ELECTRONICS), EXPECTED, POLICY)
    without = evaluate(
        ELECTRONICS, {}, facts(category=Category.ELECTRONICS), Expected(ean="6901234567892"), POLICY
    )
    assert "serial_matches" in {q.id for q in with_serial.visible}
    assert "serial_matches" not in {q.id for q in without.visible}


def test_answers_that_do_not_fit_are_reported_not_used() -> None:
    e = evaluate(
        APPAREL,
        CLEAN_APPAREL | {"wear": "shredded", "stains": "maybe", "nonsense": 1},
        facts(),
        EXPECTED,
        POLICY,
        ALL_PHOTOS,
    )
    assert dict(e.invalid) == {
        "wear": "not one of the options: 'shredded'",
        "stains": "answer yes or no",
        "nonsense": "no such question",
    }
    assert not e.complete


def test_numbers_and_counts_are_checked_against_their_range() -> None:
    electronics = facts(category=Category.ELECTRONICS)
    e = evaluate(ELECTRONICS, {"battery_health": 120}, electronics, EXPECTED, POLICY)
    assert dict(e.invalid)["battery_health"].startswith("between 0 and 100")
    worn = evaluate(ELECTRONICS, {"battery_health": 62.5}, electronics, EXPECTED, POLICY)
    assert "used" in worn.findings
    home = shipped()["home"]
    counted = evaluate(home, {"missing_pieces": 2}, facts(category=Category.HOME), EXPECTED, POLICY)
    assert "accessories_missing" in counted.findings
    half = evaluate(home, {"missing_pieces": 1.5}, facts(category=Category.HOME), EXPECTED, POLICY)
    assert dict(half.invalid)["missing_pieces"] == "a whole number is needed"


@pytest.mark.parametrize("junk", [float("nan"), float("inf"), float("-inf")])
def test_numbers_that_are_not_finite_are_refused_not_raised(junk: float) -> None:
    home = shipped()["home"]
    count = evaluate(
        home, {"missing_pieces": junk}, facts(category=Category.HOME), EXPECTED, POLICY
    )
    assert dict(count.invalid)["missing_pieces"] == "a number is needed"
    electronics = facts(category=Category.ELECTRONICS)
    measured = evaluate(ELECTRONICS, {"battery_health": junk}, electronics, EXPECTED, POLICY)
    assert dict(measured.invalid)["battery_health"] == "a number is needed"


def test_a_photo_question_is_answered_by_a_photo() -> None:
    food = shipped()["food"]
    e = evaluate(food, {}, facts(category=Category.FOOD), EXPECTED, POLICY, {})
    assert PhotoKind.ITEM_LABEL in e.missing_photos
    taken = evaluate(
        food, {}, facts(category=Category.FOOD), EXPECTED, POLICY, {PhotoKind.ITEM_LABEL: 1}
    )
    assert taken.answers["date_label_photo"] == 1


def test_accepting_gives_the_proposal_as_the_verdict() -> None:
    e = evaluate(
        APPAREL, CLEAN_APPAREL | {"tags_attached": False}, facts(), EXPECTED, POLICY, ALL_PHOTOS
    )
    verdict = decide(e, APPAREL, PRICE)
    assert (verdict.refund_kind, verdict.refund_fen) == (RefundKind.PARTIAL, round(PRICE * 0.8))
    assert "吊牌已拆" in verdict.refund_reason
    assert (verdict.template_id, verdict.template_version) == ("apparel", 1)
    assert not verdict.overridden and verdict.rules_fired


def test_an_override_needs_a_reason_and_is_flagged() -> None:
    e = evaluate(APPAREL, CLEAN_APPAREL, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    with pytest.raises(OverrideError, match="reason"):
        decide(e, APPAREL, PRICE, Override(reason="  ", grade=Grade.B))
    verdict = decide(e, APPAREL, PRICE, Override(reason="线头松动", grade=Grade.B))
    assert verdict.grade is Grade.B and verdict.overridden and verdict.needs_review
    assert verdict.proposal["grade"] == "A"
    refused = decide(
        e,
        APPAREL,
        PRICE,
        Override(
            reason="照片显示已穿着",
            code=OverrideReason.CUSTOMER_PHOTO,
            refund_kind=RefundKind.NONE,
            disposition=Disposition.RETURN_TO_CUSTOMER,
        ),
    )
    assert (refused.refund_fen, refused.override_code) == (0, OverrideReason.CUSTOMER_PHOTO)
    assert refused.override_reason == "买家照片为证 / Customer's photo evidence: 照片显示已穿着"
    assert refused.refund_reason == refused.override_reason  # the override changed the refund


@pytest.mark.parametrize(
    "override,message",
    [
        (Override(reason="x", refund_kind=RefundKind.PARTIAL), "partial refund"),
        (Override(reason="x", refund_kind=RefundKind.PARTIAL, refund_fen=PRICE + 1), "partial"),
        (Override(reason="x", refund_kind=RefundKind.FULL, refund_fen=5), "whole amount"),
        (Override(reason="x", refund_kind=RefundKind.NONE, refund_fen=5), "is 0"),
    ],
)
def test_inconsistent_refunds_are_refused(override: Override, message: str) -> None:
    e = evaluate(APPAREL, CLEAN_APPAREL, facts(), EXPECTED, POLICY, ALL_PHOTOS)
    with pytest.raises(OverrideError, match=message):
        decide(e, APPAREL, PRICE, override)
