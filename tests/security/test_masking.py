from __future__ import annotations

import pytest

from station.protocol.masking import mask_customer, mask_name, mask_phone


def test_names_and_phones_are_masked() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("Alice Smith") == "A**** S****"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_customer("李雷", "138-1234-5678") == "李* 138****5678"
    assert mask_customer("") == ""


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("138 1234 5678", "138 **** 5678"),
        ("+86 138 1234 5678", "+86 1** **** 5678"),
        ("+8613812345678", "+861******5678"),
        ("008613812345678", "008********5678"),
        ("010-62345678", "010-****5678"),
        ("01062345678", "010****5678"),
        ("(010) 6234 5678", "(010) **** 5678"),
        ("0755-8765-4321", "075*-****-4321"),
        ("0755 87654321", "075* ****4321"),
        ("010-62345678-123", "010-*******8-123"),
        ("010-62345678转8001", "010-********转8001"),
        ("400-810-8888", "400-***-8888"),
        ("+86 10 6234 5678", "+86 1* **** 5678"),
        ("+44 7700 900123", "+44 7*** **0123"),
        ("+44 20 7946 0958", "+44 2* **** 0958"),
        ("0044 20 7946 0958", "004* ** **** 0958"),
        ("00 44 20 7946 0958", "00 4* ** **** 0958"),
        ("+1 (415) 555-0100", "+1 (41*) ***-0100"),
        ("(415) 555-0100", "(415) ***-0100"),
        ("+1-415-555-0100", "+1-41*-***-0100"),
        ("+852 9123 4567", "+852 **** 4567"),
        ("+81-3-1234-5678", "+81-3-****-5678"),
        ("+33 1 23 45 67 89", "+33 1 ** ** 67 89"),
        ("+49 30 901820", "+49 3* **1820"),
    ],
)
def test_every_phone_format_is_masked(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked
    assert mask_phone(f"客户电话{phone}，请回电") == f"客户电话{masked}，请回电"
    assert mask_phone(f"call ({phone}) today") == f"call ({masked}) today"
    digits = [c for c in phone if c.isdigit()]
    shown = [c for c in masked if c.isdigit()]
    assert len(shown) <= 7 and len(digits) - len(shown) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "RMA20261105000001",
        "RMA13812345678",
        "SF6608565178836",
        "JDVA00123456789",
        "YT7512345678901",
        "75312345678901",  # a 14-digit waybill of digits only
        "808129322734854035",  # an 18-digit order number
        "order 138123456789012 shipped",  # 15 digits starting like a mobile
        "2026-11-05",
        "2026-11-05 14:59:37,123",
        "2026-11-20T09:30:00+08:00",
        "1998-07-01 1234",
        "20261105",
        "¥199.00",
        "12,345.67",
        "13812345678.00",
        "amount 1380.00 fen 13800",
        "0.13812345678",
        "127.0.0.1:8765",
        "version 6.9.1",
        "0190f3a1-1d2c-7e4f-8a9b-0c1d2e3f4a5b",
        "sha256 01234567890abcdef0123456789abcdef",
        "seq 9223372036854775807",
        "took 1234 ms, 56 rows",
        "SKU AP-TS-01-M ean 6901234567892",
    ],
)
def test_what_is_not_a_phone_is_left_alone(text: str) -> None:
    assert mask_phone(text) == text


def test_numbers_inside_text_each_masked() -> None:
    text = (
        "row 7: 王先生 13812345678 / 座机 010-62345678, intl +44 7700 900123; "
        "RMA20261105000001 waybill SF6608565178836 on 2026-11-05 refund 199.00"
    )
    assert mask_phone(text) == (
        "row 7: 王先生 138****5678 / 座机 010-****5678, intl +44 7*** **0123; "
        "RMA20261105000001 waybill SF6608565178836 on 2026-11-05 refund 199.00"
    )


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("010-62345678", "张* 010****5678"),
        ("+44 7700 900123", "张* +447*****0123"),
        ("+1 415 555 0100", "张* +141****0100"),
        ("62345678", "张* ****5678"),
        ("12345", "张* ***45"),
    ],
)
def test_the_phone_field_is_masked_whatever_its_shape(phone: str, masked: str) -> None:
    assert mask_customer("张三", phone) == masked
