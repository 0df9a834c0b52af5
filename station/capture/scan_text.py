"""Turning raw scanner or keyboard input into a code the station can look up.

Hand scanners type like a keyboard, so what arrives can carry an IME's full-width forms,
stray whitespace, an AIM symbology identifier the scanner was set to send first (``]C1`` for
Code 128, ``]E0`` for EAN-13, ``]Q1`` for QR…), or junk from a misconfigured scanner. The
identifier is dropped; junk is refused with a reason and never reaches a lookup, a record or
a printer.
"""

from __future__ import annotations

import re
import unicodedata

from station.domain.codes import MAX_CODE_CHARS

MAX_SCAN_CHARS = MAX_CODE_CHARS
_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")


class BadScan(ValueError):
    """A scan that cannot be a code; the message is shown to the inspector."""


def clean_scan(raw: str) -> str:
    """Normalise a scan (NFKC, trimmed) or raise :class:`BadScan`."""
    if len(raw) > MAX_SCAN_CHARS * 4:
        raise BadScan(_too_long(len(raw)))
    text = unicodedata.normalize("NFKC", raw).strip()
    if _AIM_PREFIX.match(text):
        text = text[3:].lstrip("\x1d").strip()  # a GS1 code's leading FNC1 comes as a GS
    if not text:
        raise BadScan("empty scan")
    if len(text) > MAX_SCAN_CHARS:
        raise BadScan(_too_long(len(text)))
    bad = next((ch for ch in text if not _allowed(ch)), None)
    if bad is not None:
        raise BadScan(f"scan contains an unprintable character (U+{ord(bad):04X})")
    return text


def _too_long(length: int) -> str:
    return f"scan too long: {length} characters (a code has at most {MAX_SCAN_CHARS})"


def _allowed(ch: str) -> bool:
    # GS (U+001D) separates GS1 fields in DataMatrix/QR payloads; everything else must print.
    return ch == "\x1d" or (ch.isprintable() and unicodedata.category(ch) not in {"Co", "Cn", "Cs"})
