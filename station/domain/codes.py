"""Formats of the codes printed on return parcels and items.

The carrier formats are those of the main Chinese express companies' waybill numbers as
seen at a returns dock; the station uses them to tell a tracking number from an order number
when a scan arrives, and the demo data generator uses them to make realistic parcels.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

from station.protocol.enums import Carrier
from station.protocol.wire import ascii_digits

Code = TypeVar("Code", bound=StrEnum)

# The longest code the station takes, from any scanner or the keyboard: the one limit for a
# scan, the code an unmatched parcel is kept under and the code its holding label prints.
MAX_CODE_CHARS = 200
# No parcel's number is longer: a longer scan is text (a QR code's payload) and no parcel is
# received under it.
PARCEL_CODE_MAX_CHARS = 64

RMA_PATTERN = re.compile(r"RMA\d{14}", re.ASCII)
ORDER_NO_PATTERN = re.compile(r"\d{16,19}", re.ASCII)

TRACKING_PATTERNS: dict[Carrier, re.Pattern[str]] = {
    Carrier.SF: re.compile(r"SF\d{12,13}", re.ASCII),
    Carrier.JD: re.compile(r"JD[A-Z]{0,2}\d{11,13}", re.ASCII),
    Carrier.YTO: re.compile(r"YT\d{13}", re.ASCII),
    Carrier.ZTO: re.compile(r"7[35689]\d{10}", re.ASCII),
    Carrier.STO: re.compile(r"77\d{11}", re.ASCII),
    Carrier.EMS: re.compile(r"E[A-Z]\d{9}CN|1\d{12}", re.ASCII),
}

# JD Logistics prints a piece's barcode, not the waybill's: the waybill number, the piece and
# the number of pieces, and a sorting code that may be empty ("JDVA12345678901-1-1-"), or in
# an older form "JDVA12345678901N1S1" (optionally "H" and the sorting code).
_JD_PIECE = re.compile(
    r"(JD[A-Z]{0,2}\d{11,13})"
    r"(?:-[1-9]\d{0,5}-[1-9]\d{0,5}(?:-[0-9A-Z]{0,8})?"
    r"|N[1-9]\d{0,5}S[1-9]\d{0,5}(?:H[0-9A-Z]{1,8})?)",
    re.ASCII,
)

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def carrier_of(code: str) -> Carrier | None:
    """The carrier whose waybill format ``code`` has, if exactly one matches."""
    matches = [c for c, pattern in TRACKING_PATTERNS.items() if pattern.fullmatch(code)]
    if len(matches) != 1:
        return None
    if matches[0] is Carrier.EMS and code.startswith("E") and not s10_valid(code):
        return None
    return matches[0]


def waybill_of_piece(code: str) -> str | None:
    """The waybill number a piece's barcode carries (see ``_JD_PIECE``), if it is one."""
    match = _JD_PIECE.fullmatch(code)
    return match.group(1) if match else None


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of the 8-digit serial in an international/EMS item number."""
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def s10_valid(code: str) -> bool:
    digits = code[2:11]
    return ascii_digits(digits) and s10_check_digit(digits[:8]) == int(digits[8])


def ean_check_digit(body: str) -> int:
    """GS1 check digit for an EAN-8/EAN-13/UPC-A/GTIN-14 body (all digits but the last)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def ean_valid(code: str) -> bool:
    return (
        ascii_digits(code)
        and len(code) in (8, 12, 13, 14)
        and ean_check_digit(code[:-1]) == int(code[-1])
    )


def code_or_none(kind: type[Code], value: object) -> Code | None:
    """A stored code as its enum; an empty or missing one (or one that is not text) is None."""
    return kind(value) if isinstance(value, str) and value else None
