"""Customer data is masked before it is stored: the bench needs to recognise, not identify."""

from __future__ import annotations

import re

_PHONE = re.compile(r"1\d{10}")


def mask_name(name: str) -> str:
    """张三丰 → 张**; Alice Smith → A**** S****."""
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
    return name[0] + "*" * (len(name) - 1)


def mask_phone(text: str) -> str:
    """Mainland mobile numbers keep their first three and last four digits."""
    return _PHONE.sub(lambda m: m.group()[:3] + "****" + m.group()[-4:], text)


def mask_customer(name: str, phone: str = "") -> str:
    masked = mask_name(name)
    if phone:
        digits = re.sub(r"\D", "", phone)
        masked = f"{masked} {mask_phone(digits)}".strip()
    return masked
