from __future__ import annotations

import random

import pytest

from station.demo.orders import tracking_number
from station.domain.codes import carrier_of, ean_valid, s10_valid
from station.protocol.enums import Carrier


@pytest.mark.parametrize(
    "code,carrier",
    [
        ("SF1402318765432", Carrier.SF),
        ("JDVA12345678901", Carrier.JD),
        ("YT7512345678901", Carrier.YTO),
        ("735012345678", Carrier.ZTO),
        ("7712345678901", Carrier.STO),
        ("EA123456785CN", Carrier.EMS),
        ("1100123456789", Carrier.EMS),
    ],
)
def test_real_format_tracking_numbers(code: str, carrier: Carrier) -> None:
    assert carrier_of(code) is carrier


@pytest.mark.parametrize("code", ["", "SF12", "EA123456789CN", "RMA20261120000001", "12345"])
def test_non_tracking_codes_match_no_carrier(code: str) -> None:
    assert carrier_of(code) is None


def test_generated_tracking_numbers_are_recognised_as_their_carrier() -> None:
    rng = random.Random(1)
    for carrier in Carrier:
        for _ in range(50):
            assert carrier_of(tracking_number(carrier, rng)) is carrier


def test_check_digits() -> None:
    assert ean_valid("6901234567892")
    assert not ean_valid("6901234567893")
    assert ean_valid("036000291452")  # UPC-A
    assert s10_valid("EA123456785CN")
    assert not s10_valid("EA123456784CN")
