from __future__ import annotations

import pytest

from station.capture.scan_text import MAX_SCAN_CHARS, BadScan, clean_scan
from station.domain.codes import MAX_CODE_CHARS
from station.printing.data import MAX_CHARS


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("RMA20261120000001", "RMA20261120000001"),
        ("  SF1402318765432\r\n", "SF1402318765432"),
        ("ＲＭＡ２０２６１１２０００００１", "RMA2026112000001"),  # IME full-width mode
        (
            "]C1\x1d0106901234567892\x1d10ABC",
            "0106901234567892\x1d10ABC",
        ),  # AIM id dropped, GS kept
    ],
)
def test_scans_are_normalised(raw: str, expected: str) -> None:
    assert clean_scan(raw) == expected


@pytest.mark.parametrize(
    "raw,reason",
    [
        ("", "empty"),
        ("   \t ", "empty"),
        ("A" * 5000, "too long: 5000"),
        ("A" * (MAX_SCAN_CHARS + 1), "too long"),
        ("RMA\x00123", "unprintable"),
        (bytes(range(150)).decode("latin-1"), "unprintable"),
        (bytes(range(256)).decode("latin-1"), "too long"),
        ("\ud800abc", "unprintable"),
        ("abc\x1b[2J", "unprintable"),
    ],
)
def test_junk_is_refused_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(BadScan, match=reason):
        clean_scan(raw)


@pytest.mark.parametrize("length", [201, 300, 512, 513])
def test_a_code_longer_than_a_label_prints_is_refused_when_scanned(length: int) -> None:
    """One limit: what a scan may be is what an unmatched parcel's label prints."""
    assert MAX_SCAN_CHARS == MAX_CODE_CHARS == MAX_CHARS["scanned_code"] == 200
    with pytest.raises(BadScan, match=f"too long: {length} characters \\(a code has at most 200"):
        clean_scan("Q" * length)
    assert clean_scan("Q" * 200) == "Q" * 200
