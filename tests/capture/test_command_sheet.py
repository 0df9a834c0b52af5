from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import pytest
from pypdf import PdfReader

from station.capture import command_sheet
from station.capture.classify import Command, ScanKind, classify, command_payload
from station.capture.command_sheet import render_command_sheet
from station.capture.decoders import PyzbarDecoder, ZxingDecoder
from station.fonts import FontFile, FontMissing

A4_POINTS = (595.28, 841.89)


def rasterise(pdf: Path, out: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(pdf), str(out)],
        check=True,
        capture_output=True,
    )
    return out.with_suffix(".png")


def test_every_card_scans_back_as_its_command(tmp_path: Path) -> None:
    pdf = render_command_sheet(tmp_path / "commands.pdf")
    page = cv2.imread(str(rasterise(pdf, tmp_path / "page")), cv2.IMREAD_GRAYSCALE)
    assert page.shape == (1754, 1241)  # A4 at 150 dpi
    for decoder in (ZxingDecoder(), PyzbarDecoder()):
        found = decoder.decode(page)
        assert sorted(d.text for d in found) == sorted(command_payload(c) for c in Command)
        assert {classify(d.text, source="camera").command for d in found} == set(Command)
        assert all(classify(d.text).kind is ScanKind.COMMAND for d in found)
        # Large: each card's code is at least half the page wide.
        for d in found:
            xs = [x for x, _ in d.corners]
            assert max(xs) - min(xs) > page.shape[1] / 2


def test_the_sheet_is_one_a4_page_naming_each_command_in_both_languages(tmp_path: Path) -> None:
    pdf = render_command_sheet(tmp_path / "commands.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)
    text = reader.pages[0].extract_text()
    for chinese, english in command_sheet.NAMES.values():
        assert chinese in text and english in text
    # The Chinese font travels in the file: a printer without it still prints the names.
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    cjk = [line for line in fonts.stdout.splitlines() if "WenQuanYi" in line]
    assert cjk and cjk[0].split()[-5] == "yes"  # the "emb" column


def test_a_subset_of_commands_can_be_printed(tmp_path: Path) -> None:
    pdf = render_command_sheet(tmp_path / "two.pdf", [Command.PASS, Command.FAIL])
    page = cv2.imread(str(rasterise(pdf, tmp_path / "page")), cv2.IMREAD_GRAYSCALE)
    assert sorted(d.text for d in ZxingDecoder().decode(page)) == ["RSCMD-FAIL", "RSCMD-PASS"]


def test_an_existing_sheet_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "commands.pdf"
    target.write_bytes(b"old")
    render_command_sheet(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_no_half_written_file_when_drawing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(command_sheet, "_draw", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        render_command_sheet(tmp_path / "commands.pdf")
    assert list(tmp_path.iterdir()) == []


def test_bad_targets_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        render_command_sheet(tmp_path / "no" / "such" / "folder.pdf")
    with pytest.raises(IsADirectoryError):
        render_command_sheet(tmp_path)
    with pytest.raises(ValueError, match="no commands"):
        render_command_sheet(tmp_path / "none.pdf", [])
    assert list(tmp_path.iterdir()) == []


def test_an_unusable_font_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_text("not a font")
    with pytest.raises(FontMissing, match="cannot embed font"):
        render_command_sheet(tmp_path / "out.pdf", font=FontFile(fake))
    assert not (tmp_path / "out.pdf").exists()
