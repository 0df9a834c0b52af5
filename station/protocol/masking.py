"""Customer data is masked before it is stored: the bench needs to recognise, not identify.

:func:`mask_phone` is the one place a phone number is recognised in text, for the store
(manifest rows: the phone field and free-text notes) and for the support bundle's logs alike:
mainland mobiles and landlines (with or without the area code's parentheses, +86 or 0086),
400/800 service numbers, and international numbers written with ``+`` or ``00``. What keeps
a number from being taken for a phone: letters or digits right before or after it (RMA,
order and waybill numbers), or a shape no phone has (dates, times, amounts, ids).
"""

from __future__ import annotations

import re

_SEP = r"[ \-.]?"  # one space, dash or dot between groups
_CN = r"(?:(?:\+|00)86[ \-]?)?"  # +86 / 0086 before a mainland number
_PHONE = re.compile(
    r"(?<![A-Za-z0-9+])(?<![0-9][.,\-/:])"  # not the tail of a word, id, amount or date
    r"(?:"
    rf"{_CN}1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}"  # mobile 138 1234 5678
    rf"|{_CN}(?:\(0\d{{2,3}}\)|0\d{{2,3}}){_SEP}[2-9]\d{{2,3}}{_SEP}\d{{4}}"  # (010) 6234-5678
    rf"|[48]00{_SEP}\d{{3}}{_SEP}\d{{4}}"  # 400-810-8888
    rf"|(?:\+|00[ ]?)[1-9]\d{{0,2}}(?:{_SEP}\(?\d{{1,5}}\)?){{2,5}}"  # +44 7700 900123
    r"|\(\d{3}\)[ ]?\d{3}[ \-]\d{4}"  # (415) 555-0100
    r")"
    r"(?:[ ]?(?:ext\.?|x|转|-)[ ]?\d{1,5})?"  # an extension
    r"(?![A-Za-z0-9])(?![.,\-/:][0-9])"
)
_MIN_DIGITS, _MAX_DIGITS = 7, 15  # E.164 numbers have at most 15 digits


def _masked_digits(number: str) -> str:
    """The first three and last four digits kept (two when short), the others starred;
    what is not a digit stays as it was."""
    count = sum(c.isdigit() for c in number)
    keep_head = 3 if count >= 10 else 0
    keep_tail = 4 if count >= 8 else 2
    out, seen = [], 0
    for char in number:
        if char.isdigit():
            seen += 1
            if seen > keep_head and seen <= count - keep_tail:
                char = "*"
        out.append(char)
    return "".join(out)


def _mask_match(match: re.Match[str]) -> str:
    number = match.group()
    digits = sum(c.isdigit() for c in number)
    if not _MIN_DIGITS <= digits <= _MAX_DIGITS + 5:  # + an extension
        return number
    return _masked_digits(number)


def mask_phone(text: str) -> str:
    """Every phone number in ``text`` masked: 13812345678 → 138****5678,
    010-62345678 → 010-****5678, +44 7700 900123 → +44 7*** **0123."""
    return _PHONE.sub(_mask_match, text)


def mask_name(name: str) -> str:
    """张三丰 → 张**; Alice Smith → A**** S****."""
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
    return name[0] + "*" * (len(name) - 1)


def mask_customer(name: str, phone: str = "") -> str:
    """The masked name and phone; the phone field is masked whatever its shape (it is known
    to be a phone): its digits, with a leading + kept."""
    masked = mask_name(name)
    digits = re.sub(r"\D", "", phone)
    if digits:
        plus = "+" if phone.strip().startswith("+") else ""
        masked = f"{masked} {plus}{_masked_digits(digits)}".strip()
    return masked
