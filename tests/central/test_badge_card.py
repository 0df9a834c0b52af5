"""The badge card an administrator prints: its QR code scans back as the badge's code."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import cv2
import pytest
from pypdf import PdfReader

from central.badge_card import CARD, write_badge_card
from station.capture.decoders import ZxingDecoder
from station.protocol.badges import new_secret, parse_code


def rasterise(pdf: Path, out: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(pdf), str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out.with_suffix(".png")


def test_the_card_scans_back_as_the_badge_code_and_names_its_holder(tmp_path: Path) -> None:
    code = parse_code(f"RSB1-S2001-{new_secret()}")
    pdf = write_badge_card(tmp_path / "card.pdf", code, name="李主管", role="supervisor")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    [page] = PdfReader(pdf).pages
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert size == pytest.approx(CARD, abs=0.01)  # ID-1: 85.6 x 54 mm
    text = page.extract_text()
    assert "S2001" in text and "Supervisor" in text
    image = cv2.imread(str(rasterise(pdf, tmp_path / "card")), cv2.IMREAD_GRAYSCALE)
    assert [d.text for d in ZxingDecoder().decode(image)] == [str(code)]


def test_central_user_writes_the_card_of_a_new_badge(tmp_path: Path) -> None:
    card = tmp_path / "cards" / "S2002.pdf"
    args = ["user", "S2002", "--name", "周主管", "--role", "supervisor", "--pin", "-"]
    result = subprocess.run(
        [sys.executable, "-m", "central", *args, "--card", str(card), "--data-dir", str(tmp_path)],
        input="482913\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    code = next(w for w in result.stdout.split() if w.startswith("RSB1-S2002-"))
    image = cv2.imread(str(rasterise(card, tmp_path / "card")), cv2.IMREAD_GRAYSCALE)
    assert [d.text for d in ZxingDecoder().decode(image)] == [code]
