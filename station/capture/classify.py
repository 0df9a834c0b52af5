"""What a scan is: one classifier for the hand scanner and the camera.

A code's shape says whether it names a parcel (RMA no., order no., a carrier's waybill no.), an
item (EAN/UPC, or a SKU or serial number), or a command card the inspector scans instead of
touching the keyboard. What to do with it is the workflow's business; this only tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from station.capture.scan_text import BadScan, clean_scan
from station.domain.codes import (
    ORDER_NO_PATTERN,
    PARCEL_CODE_MAX_CHARS,
    RMA_PATTERN,
    carrier_of,
    ean_valid,
    waybill_of_piece,
)
from station.protocol.enums import Carrier

COMMAND_PREFIX = "RSCMD-"


class Command(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PHOTO = "photo"
    NEXT = "next"
    BACK = "back"
    PRINT = "print"
    CANCEL = "cancel"


def command_payload(command: Command) -> str:
    """The text a command card's barcode carries."""
    return f"{COMMAND_PREFIX}{command.value.upper()}"


class ScanKind(StrEnum):
    RMA = "rma"
    ORDER_NO = "order_no"
    TRACKING = "tracking"
    EAN = "ean"
    COMMAND = "command"
    OTHER = "other"  # a SKU, a serial, or a waybill format the station does not know
    # Words, a web address, structured data or a long payload: what the QR code beside a
    # waybill's barcode or on an item's tag carries. Never a parcel's number, and it says
    # nothing about which item is on the bench unless the order names it.
    TEXT = "text"

    @property
    def names_a_parcel(self) -> bool:
        return self in (ScanKind.RMA, ScanKind.ORDER_NO, ScanKind.TRACKING, ScanKind.OTHER)

    @property
    def item_like(self) -> bool:
        """Whether a code of this kind, scanned at the item step, says which item it is."""
        return self in (ScanKind.EAN, ScanKind.OTHER)


@dataclass(frozen=True, slots=True)
class ScanCode:
    text: str
    kind: ScanKind
    carrier: Carrier | None = None
    command: Command | None = None
    source: str = "scanner"  # "scanner" (keyboard wedge / typed) or "camera"


# A command card read however the scanner typed it: any case, and the dash as a keyboard
# layout may turn it (an underscore, a space, nothing).
_COMMAND = re.compile(r"RSCMD[-_ /]?(\w*)")
_COMMAND_WORDS = frozenset(c.value.upper() for c in Command)
# No parcel's number has a space, a scheme (``https://``) or opens like JSON or XML. (A GS1
# code's separator, GS, counts as whitespace to ``\s``; it is not a space.)
_TEXT = re.compile(r"[{\[<]|.*([^\S\x1d]|://)")


def classify(raw: str, *, source: str = "scanner") -> ScanCode:
    """Clean and classify a scan; raises :class:`BadScan` for junk and unknown commands."""
    text = clean_scan(raw)
    upper = text.upper()
    card = _COMMAND.fullmatch(upper)
    if card is not None:
        try:
            command = Command(card.group(1).lower())
        except ValueError:
            raise BadScan(f"unknown command card {text[:40]!r}") from None
        return ScanCode(command_payload(command), ScanKind.COMMAND, command=command, source=source)
    if upper in _COMMAND_WORDS:  # a command card's text without its prefix is never an item
        raise BadScan(f"{text!r} is part of a command card; scan the whole card again")
    if RMA_PATTERN.fullmatch(upper):
        return ScanCode(upper, ScanKind.RMA, source=source)
    waybill = waybill_of_piece(upper) or upper  # a piece of a multi-piece parcel: its waybill
    carrier = carrier_of(waybill)
    if carrier is not None:
        return ScanCode(waybill, ScanKind.TRACKING, carrier=carrier, source=source)
    if ORDER_NO_PATTERN.fullmatch(text):
        return ScanCode(text, ScanKind.ORDER_NO, source=source)
    if ean_valid(text):
        return ScanCode(text, ScanKind.EAN, source=source)
    if " " in text and (grouped := _ungrouped(text, source)) is not None:
        return grouped
    if len(text) > PARCEL_CODE_MAX_CHARS or _TEXT.match(text):
        return ScanCode(text, ScanKind.TEXT, source=source)
    return ScanCode(text, ScanKind.OTHER, source=source)


def _ungrouped(text: str, source: str) -> ScanCode | None:
    """A number typed from a label, which prints it in groups ("SF 1234 5678 9012 3"): the
    number, when without its spaces it has a known shape; None for text."""
    try:
        code = classify(text.replace(" ", ""), source=source)
    except BadScan:
        return None
    numbers = (ScanKind.RMA, ScanKind.ORDER_NO, ScanKind.TRACKING, ScanKind.EAN)
    return code if code.kind in numbers else None
