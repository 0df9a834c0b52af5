from __future__ import annotations

from station.protocol.masking import mask_customer, mask_name, mask_phone


def test_names_and_phones_are_masked() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("Alice Smith") == "A**** S****"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_customer("李雷", "138-1234-5678") == "李* 138****5678"
    assert mask_customer("") == ""
