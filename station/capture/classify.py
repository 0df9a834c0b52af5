"""What a scan is: one classifier for the hand scanner and the camera.

A code's shape says whether it names a parcel (RMA no., order no., a carrier's waybill no.), an
item (EAN/UPC, or a SKU or serial number), or a command card the inspector scans instead of
touching the keyboard. What to do with it is the workflow's business; this only tells them apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from station.capture.scan_text import BadScan, clean_scan
from station.domain.codes import ORDER_NO_PATTERN, RMA_PATTERN, carrier_of, ean_valid
from station.domain.enums import Carrier

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

    @property
    def names_a_parcel(self) -> bool:
        return self in (ScanKind.RMA, ScanKind.ORDER_NO, ScanKind.TRACKING, ScanKind.OTHER)


@dataclass(frozen=True, slots=True)
class ScanCode:
    text: str
    kind: ScanKind
    carrier: Carrier | None = None
    command: Command | None = None
    source: str = "scanner"  # "scanner" (keyboard wedge / typed) or "camera"


def classify(raw: str, *, source: str = "scanner") -> ScanCode:
    """Clean and classify a scan; raises :class:`BadScan` for junk and unknown commands."""
    text = clean_scan(raw)
    upper = text.upper()
    if upper.startswith(COMMAND_PREFIX):
        name = upper.removeprefix(COMMAND_PREFIX).lower()
        try:
            command = Command(name)
        except ValueError:
            raise BadScan(f"unknown command card {text[:40]!r}") from None
        return ScanCode(command_payload(command), ScanKind.COMMAND, command=command, source=source)
    if RMA_PATTERN.fullmatch(upper):
        return ScanCode(upper, ScanKind.RMA, source=source)
    carrier = carrier_of(upper)
    if carrier is not None:
        return ScanCode(upper, ScanKind.TRACKING, carrier=carrier, source=source)
    if ORDER_NO_PATTERN.fullmatch(text):
        return ScanCode(text, ScanKind.ORDER_NO, source=source)
    if ean_valid(text):
        return ScanCode(text, ScanKind.EAN, source=source)
    return ScanCode(text, ScanKind.OTHER, source=source)
