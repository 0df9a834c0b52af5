"""A badge card to print when a user is issued a badge: name, badge number, role and the
badge's code as a QR code (what a bench's hand scanner or camera reads at login).

The code is a credential: the card is the only place it is kept readable, so it is written
once, 0600, and is for printing, not for keeping on a shared disk. Chinese names are set in
the PDF's standard CJK font (STSong-Light): no font file is needed, viewers and printers
bring their own.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from station.protocol.badges import BadgeCode
from station.store.files import write_atomically

CARD = (85.6 * mm, 54.0 * mm)  # ISO/IEC 7810 ID-1, as any badge printer takes
_CJK = "STSong-Light"
_QR_SIZE = 40 * mm
_ROLES = {"inspector": "质检员 Inspector", "supervisor": "主管 Supervisor", "admin": "管理员 Admin"}


def write_badge_card(path: Path, code: BadgeCode, *, name: str, role: str) -> Path:
    """The card as a one-page PDF at ``path`` (readable by its owner only)."""
    if _CJK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CJK))
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=CARD)
    canvas.setTitle(f"Badge {code.badge_id}")
    width, height = CARD
    qr = QrCodeWidget(str(code), barLevel="M")
    left, bottom, right, top = qr.getBounds()
    drawing = Drawing(
        _QR_SIZE,
        _QR_SIZE,
        transform=[_QR_SIZE / (right - left), 0, 0, _QR_SIZE / (top - bottom), 0, 0],
    )
    drawing.add(qr)
    drawing.drawOn(canvas, width - _QR_SIZE - 4 * mm, (height - _QR_SIZE) / 2)
    x = 6 * mm
    canvas.setFont(_CJK, 15)
    canvas.drawString(x, height - 16 * mm, name[:12])
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(x, height - 25 * mm, code.badge_id)
    canvas.setFont(_CJK, 8)
    canvas.drawString(x, height - 32 * mm, _ROLES.get(role, role))
    canvas.setFont(_CJK, 6)
    canvas.drawString(x, 8 * mm, "扫码登录  scan to log in")
    canvas.showPage()
    canvas.save()
    write_atomically(path, pdf.getvalue(), mode=0o600, replace=lambda _: True)
    return path
