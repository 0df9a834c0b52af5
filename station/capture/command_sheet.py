"""The printable sheet of command cards: scan a card instead of touching the keyboard.

One A4 page, one large Code128 per :class:`Command`, its name in Simplified Chinese and English
under it, and cut lines around each card. Chinese text needs a TrueType CJK font reportlab can
embed: WenQuanYi Zen Hei on Debian (``fonts-wqy-zenhei``), SimHei or SimSun on Windows; Noto
CJK is OpenType/CFF, which reportlab cannot embed, and the built-in STSong-Light is not embedded
(a printer without it prints boxes).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from station.capture.classify import Command, command_payload
from station.fonts import FontFile, FontMissing, find_font
from station.store.files import atomic_path

NAMES: Final[dict[Command, tuple[str, str]]] = {
    Command.PASS: ("通过", "PASS"),
    Command.FAIL: ("不通过", "FAIL"),
    Command.PHOTO: ("拍照", "PHOTO"),
    Command.NEXT: ("下一步", "NEXT"),
    Command.BACK: ("上一步", "BACK"),
    Command.PRINT: ("打印", "PRINT"),
    Command.CANCEL: ("取消", "CANCEL"),
}
_FONT_NAME: Final = "StationCJK"
_MARGIN: Final = 12 * mm
_MODULE: Final = 0.8 * mm  # 5 px per bar at 150 dpi, and still readable from a webcam


def _register(font: FontFile | None) -> str:
    chosen = font or find_font()
    try:
        pdfmetrics.registerFont(TTFont(_FONT_NAME, str(chosen.path), subfontIndex=chosen.index))
    except Exception as exc:  # reportlab raises its own TTFError and plain errors alike
        raise FontMissing(f"cannot embed font {chosen.path}: {exc}") from exc
    return _FONT_NAME


def render_command_sheet(
    path: str | Path,
    commands: Iterable[Command] = tuple(Command),
    *,
    font: FontFile | None = None,
) -> Path:
    """Writes the sheet as a PDF at ``path`` (all or nothing) and returns the path."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    wanted = list(commands)
    if not wanted:
        raise ValueError("no commands to print")
    cjk = _register(font)
    with atomic_path(target, parents=False) as temp:  # a missing folder is refused here
        _draw(Canvas(str(temp), pagesize=A4), wanted, cjk)
    return target


def _draw(canvas: Canvas, commands: list[Command], cjk: str) -> None:
    width, height = A4
    canvas.setTitle("Command cards · 命令卡")
    canvas.setAuthor("returns-station")
    canvas.setFont(cjk, 11)
    canvas.drawString(_MARGIN, height - _MARGIN - 4 * mm, "质检命令卡 · Command cards")
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(
        width - _MARGIN, height - _MARGIN - 4 * mm, "scan a card instead of pressing a key"
    )
    top = height - _MARGIN - 10 * mm
    card_h = (top - _MARGIN) / max(len(commands), 7)
    for n, command in enumerate(commands):
        y = top - (n + 1) * card_h
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.4)
        canvas.rect(_MARGIN, y, width - 2 * _MARGIN, card_h, stroke=1, fill=0)
        canvas.setDash()
        barcode = Code128(
            command_payload(command), barWidth=_MODULE, barHeight=card_h * 0.5, quiet=True
        )
        barcode.drawOn(canvas, (width - barcode.width) / 2, y + card_h * 0.38)
        chinese, english = NAMES[command]
        zh_w = pdfmetrics.stringWidth(chinese, cjk, 18)
        en_w = pdfmetrics.stringWidth(english, "Helvetica-Bold", 15)
        gap = 5 * mm
        x = (width - zh_w - gap - en_w) / 2
        base = y + card_h * 0.12
        canvas.setFont(cjk, 18)
        canvas.drawString(x, base, chinese)
        canvas.setFont("Helvetica-Bold", 15)
        canvas.drawString(x + zh_w + gap, base, english)
    canvas.showPage()
    canvas.save()
