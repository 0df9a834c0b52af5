"""Barcode payload checks and symbol geometry, shared by the PDF and ZPL renderers.

Both symbologies are encoded by reportlab; the renderers draw the modules themselves so that
every bar and square lands on whole printer dots (a bar of 1.5 dots prints as 1 or 2, which
is what makes thermal labels unreadable).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128

CODE128_MAX_CHARS = 48
QR_MAX_BYTES = 400
QUIET_MODULES_CODE128 = 10
QUIET_MODULES_QR = 2  # the standard asks for 4; labels keep white space around the box anyway


class BarcodeError(ValueError):
    """A payload that this symbology cannot carry; the message says why."""


def check_code128(payload: str) -> None:
    if not payload:
        raise BarcodeError("Code128: empty payload")
    if len(payload) > CODE128_MAX_CHARS:
        raise BarcodeError(f"Code128: {len(payload)} characters, at most {CODE128_MAX_CHARS}")
    bad = next((ch for ch in payload if not " " <= ch <= "~"), None)
    if bad is not None:
        raise BarcodeError(f"Code128: only printable ASCII, found U+{ord(bad):04X}")


def check_qr(payload: str) -> None:
    if not payload:
        raise BarcodeError("QR: empty payload")
    size = len(payload.encode("utf-8"))
    if size > QR_MAX_BYTES:
        raise BarcodeError(f"QR: {size} bytes, at most {QR_MAX_BYTES}")


def code128_runs(payload: str) -> list[int]:
    """Widths in modules of alternating bars and spaces, starting with a bar (no quiet zone)."""
    check_code128(payload)
    symbol = Code128(payload, barWidth=1, quiet=0)
    symbol.validate()
    if not symbol.valid:
        raise BarcodeError("Code128: payload not encodable")
    symbol.encode()
    # decompose() spells each element as a letter: upper case a bar, lower case a space, A = 1.
    return [ord(ch.upper()) - ord("A") + 1 for ch in symbol.decompose()]


def code128_modules(payload: str) -> int:
    return sum(code128_runs(payload))


@dataclass(frozen=True, slots=True)
class QrMatrix:
    size: int
    dark: tuple[tuple[bool, ...], ...]


def _qr_code(payload: str) -> qrencoder.QRCode:
    check_qr(payload)
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    # Byte mode explicitly: reportlab would otherwise pick Kanji mode for some Chinese text.
    code.addData(qrencoder.QR8bitByte(payload.encode("utf-8")))
    return code


def qr_size(payload: str) -> int:
    """Modules per side of the QR symbol for ``payload``, without drawing it."""
    return int(_qr_code(payload).calculate_version()) * 4 + 17


def qr_matrix(payload: str) -> QrMatrix:
    """The QR symbol (error correction M, byte mode, UTF-8) as a square of modules."""
    code = _qr_code(payload)
    code.make()
    count = code.getModuleCount()
    dark = tuple(tuple(bool(code.isDark(r, c)) for c in range(count)) for r in range(count))
    return QrMatrix(count, dark)


def module_dots(modules: int, available_dots: int, *, most: int = 4) -> int:
    """The widest whole-dot module that fits ``modules`` into ``available_dots`` (at least 1)."""
    for dots in range(most, 0, -1):
        if modules * dots <= available_dots:
            return dots
    raise BarcodeError(
        f"symbol needs {modules} dots at one dot per module, the box has {available_dots}"
    )
