from __future__ import annotations

from datetime import date, timedelta

import pytest

from station.domain.policy import Policy, WindowKind, window_for
from station.protocol.enums import Category, ReturnReason

R, C, W = ReturnReason, Category, WindowKind
RECEIVED = date(2026, 11, 1)


def window(reason, category, asked_after_days, *, high_value=False, policy=None):
    return window_for(
        reason=reason,
        category=category,
        customer_received_on=RECEIVED,
        requested_on=RECEIVED + timedelta(days=asked_after_days),
        today=RECEIVED + timedelta(days=asked_after_days + 3),
        high_value=high_value,
        policy=policy,
    )


@pytest.mark.parametrize(
    "reason,category,days,high_value,kind",
    [
        (R.NO_REASON_7D, C.APPAREL, 0, False, W.NO_REASON),
        (R.NO_REASON_7D, C.APPAREL, 7, False, W.NO_REASON),
        (R.NO_REASON_7D, C.APPAREL, 8, False, W.EXPIRED),
        (R.SIZE_FIT, C.FOOTWEAR, 5, False, W.NO_REASON),
        (R.NO_REASON_7D, C.CUSTOMISED, 1, False, W.EXCLUDED),
        (R.NO_REASON_7D, C.FOOD, 0, False, W.EXCLUDED),
        (R.NO_REASON_7D, C.VIRTUAL, 0, False, W.EXCLUDED),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 7, False, W.QUALITY_RETURN),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 8, False, W.QUALITY_EXCHANGE),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 15, False, W.QUALITY_EXCHANGE),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 16, False, W.EXPIRED),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 30, True, W.QUALITY_EXCHANGE),
        (R.QUALITY_DEFECT, C.ELECTRONICS, 31, True, W.EXPIRED),
        (R.DAMAGED_IN_TRANSIT, C.FOOD, 1, False, W.FRESH_CLAIM),
        (R.QUALITY_DEFECT, C.FOOD, 2, False, W.EXPIRED),
        (R.QUALITY_DEFECT, C.CUSTOMISED, 3, False, W.QUALITY_RETURN),
    ],
)
def test_which_window_applies(reason, category, days, high_value, kind) -> None:
    status = window(reason, category, days, high_value=high_value)
    assert status.kind is kind
    assert status.days_at_request == days
    assert status.days_since_receipt == days + 3
    assert status.open is (kind not in (W.EXCLUDED, W.EXPIRED))


def test_windows_come_from_the_policy() -> None:
    generous = Policy(no_reason_days=15)
    assert window(R.NO_REASON_7D, C.APPAREL, 10, policy=generous).kind is W.NO_REASON


def test_every_window_describes_itself_in_both_languages() -> None:
    status = window(R.NO_REASON_7D, C.APPAREL, 3)
    assert "七天无理由" in status.describe("zh_CN")
    assert "day 3" in status.describe("en")
    for kind in WindowKind:
        assert type(status)(kind, 7, 1, 2).describe("zh_CN")
        assert type(status)(kind, 7, 1, 2).describe("en")
