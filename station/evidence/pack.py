"""The evidence pack: one PDF per inspection for a customer dispute.

It holds the order summary (RMA, items, the customer's reason), the verdict in force with
whose words explain its refund, how it came to be (the rules' proposal, the inspector's
override and reason, every supervisor's decision), the checklist as answered with its problems
marked, the rules that fired, every photo (its captioned copy, or the original scaled) with
its kind, time and full SHA-256, and a closing list of hashes with one fingerprint over the
list. Every original is verified against its SHA-256 before it goes in: a missing or altered
photo stops the pack with a clear error instead of producing a pack that would not stand.

The data is plain values (:class:`EvidencePackData`, read on the database thread by
:func:`pack_data`); :func:`build_pack` then runs on a worker. Chinese text is set in an
embedded TrueType font (WenQuanYi Zen Hei on Debian) so it can be searched and copied;
reportlab cannot embed the OpenType/CFF Noto CJK fonts, and its built-in STSong-Light is
not embedded at all.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

import cv2
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from station.domain.labels import label
from station.domain.money import yuan
from station.domain.outcome import Outcome
from station.evidence.caption import Caption, clean_field, local_time
from station.evidence.encode import check_pixels
from station.evidence.errors import EvidenceError, storage_error
from station.evidence.pack_data import (
    EvidencePackData,
    ExplainedBy,
    Explanation,
    PackLine,
    PackPhoto,
    pack_data,
)
from station.evidence.storage import EvidenceStore
from station.evidence.video.reading import frames_at
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.store.files import write_atomically
from station.store.types import utcnow

__all__ = ["BuiltPack", "EvidencePackData", "PackLine", "PackPhoto", "build_pack", "pack_data"]

log = logging.getLogger(__name__)

FONT_NAME: Final = "StationCJK"
# TrueType (glyf) CJK fonts reportlab can embed, in order of preference.
_PDF_FONTS: Final = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)
_PHOTO_MAX_HEIGHT: Final = 105 * mm
_Styles = dict[str, ParagraphStyle]


@cache
def pdf_font() -> str:
    """Register the embeddable CJK font once; its name for styles."""
    for path, index in _PDF_FONTS:
        if Path(path).is_file():
            pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
            return FONT_NAME
    raise EvidenceError(
        "No embeddable Chinese TrueType font is installed (install fonts-wqy-zenhei); the"
        " evidence pack cannot be made.",
        "未安装可嵌入的中文TrueType字体（请安装 fonts-wqy-zenhei），无法生成证据包。",
    )


def _styles(font: str) -> _Styles:
    base = ParagraphStyle("body", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontSize=16, leading=21, spaceAfter=4 * mm),
        "h2": ParagraphStyle(
            "h2", base, fontSize=11.5, leading=15, spaceBefore=4 * mm, spaceAfter=2 * mm
        ),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=10),
    }


def _text(value: object, limit: int = 500) -> str:
    """Safe paragraph text: control characters out, markup escaped."""
    return escape(clean_field(str(value), limit))


def _money(fen: int | None) -> str:
    return "—" if fen is None else yuan(fen)


def _both(value: Any) -> str:
    return "—" if value is None else f"{label(value, 'zh_CN')} / {label(value, 'en')}"


def _when(at: datetime | None, tz: tzinfo | None) -> str:
    return "—" if at is None else local_time(at, tz)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")))
    table.setStyle(TableStyle(commands))
    return table


def _cells(rows: list[list[str]], style: ParagraphStyle) -> list[list[Paragraph]]:
    return [[Paragraph(_text(c), style) for c in row] for row in rows]


def _summary(data: EvidencePackData, s: _Styles, tz: tzinfo | None) -> list[Any]:
    p = s["body"]
    order_rows = [
        ["退货单号 RMA no.", data.rma_no],
        ["订单号 Order no.", data.order_no],
        ["平台 Platform", data.platform or "—"],
        ["退货原因 Customer's reason", _both(data.reason)],
        ["买家说明 Customer's note", data.reason_note or "—"],
        ["买家 Customer", data.customer_masked or "—"],
    ]
    items = [["#", "SKU", "商品 Item", "数量 Qty", "单价 Unit price"]] + [
        [
            f"{line.line_no}{' ★' if line.inspected_here else ''}",
            line.sku,
            line.title,
            str(line.qty),
            _money(line.unit_price_fen),
        ]
        for line in data.lines
    ]
    decided = [d for d in data.decisions if d.changes]
    verdict_rows = [
        ["质检单 Inspection", data.inspection_id],
        ["状态 State", _both(data.inspection_state)],
        ["工作台 Station", data.station_id],
        ["质检员 Inspector", f"{data.inspector_name} ({data.inspector_badge})"],
        ["开始 Started", _when(data.started_at, tz)],
        ["完成 Completed", _when(data.completed_at, tz)],
        [
            "结论来源 Decided by",
            f"主管复核 Supervisor's decision ({decided[-1].decided_by})"
            if decided
            else "质检员 Inspector",
        ],
        ["成色 Grade", _both(data.grade)],
        ["处置 Disposition", _both(data.disposition)],
        ["退款 Refund", f"{_both(data.refund_kind)}   {_money(data.refund_fen)}"],
        ["退款说明 Refund explanation", _explained(data.refund_explanation)],
        ["责任方 Responsibility", _both(data.responsibility)],
        ["物流索赔 Carrier claim", "是 Yes" if data.carrier_claim else "否 No"],
    ]
    return [
        Paragraph("退货质检证据包 · Return inspection evidence pack", s["title"]),
        Paragraph("订单 Order", s["h2"]),
        _table(_cells(order_rows, p), [45 * mm, 135 * mm]),
        Paragraph("商品 Items (★ = 本次质检 inspected here)", s["h2"]),
        _table(_cells(items, p), [12 * mm, 38 * mm, 80 * mm, 18 * mm, 32 * mm], header=True),
        Paragraph("质检结论 Verdict (现行 in force)", s["h2"]),
        _table(_cells(verdict_rows, p), [45 * mm, 135 * mm]),
        *_history(data, s, tz),
        *_checklist(data, s),
    ]


_EXPLAINED_BY = {
    ExplainedBy.RULES: "质检规则 The rules",
    ExplainedBy.INSPECTOR: "质检员改判原因 The inspector's override reason",
    ExplainedBy.SUPERVISOR: "主管复核意见 The supervisor's reason",
}


def _explained(explanation: Explanation) -> str:
    """The explanation with whose words it is, so an inspector's reason never passes for a
    supervisor's, nor the other way round."""
    if not explanation.text:
        return "—"
    who = f" {explanation.who}" if explanation.who else ""
    return f"{_EXPLAINED_BY[explanation.by]}{who}: {explanation.text}"


_FIELD_NAMES = {
    "grade": "成色 Grade",
    "disposition": "处置 Disposition",
    "refund_kind": "退款 Refund",
    "refund_fen": "退款金额 Amount",
    "responsibility": "责任方 Responsibility",
}
_CODES: dict[str, type[StrEnum]] = {
    "grade": Grade,
    "disposition": Disposition,
    "refund_kind": RefundKind,
    "responsibility": Responsibility,
}


def _value(field: str, value: object) -> str:
    if field == "refund_fen":
        return _money(value if isinstance(value, int) else None)
    kind = _CODES[field]
    try:
        return _both(kind(str(value))) if value else "—"
    except ValueError:
        return str(value)


def _compared(verdict: Outcome | None, field: str) -> str:
    return "—" if verdict is None else _value(field, getattr(verdict, field))


def _history(data: EvidencePackData, s: _Styles, tz: tzinfo | None) -> list[Any]:
    """How the verdict came to be: proposal, the inspector's override, each decision."""
    p, story = s["body"], []
    if data.overridden:
        code = _both(data.override_code) if data.override_code else "—"
        rows = [
            ["原因代码 Reason code", code],
            ["质检员改判原因 Inspector's override reason", data.override_reason or "—"],
        ]
        story += [
            Paragraph("质检员改判 The inspector's override", s["h2"]),
            _table(_cells(rows, p), [45 * mm, 135 * mm]),
        ]
    if data.overridden or data.decisions:
        now = Outcome.of(data)
        rows = [["", "系统建议 Proposed", "质检员 Inspector", "现行 In force"]] + [
            [
                _FIELD_NAMES[f],
                _compared(data.proposal, f),
                _compared(data.inspector_verdict, f),
                _compared(now, f),
            ]
            for f in _FIELD_NAMES
        ]
        story += [
            Paragraph("结论对比 Proposed, given, in force", s["h2"]),
            _table(_cells(rows, p), [36 * mm, 48 * mm, 48 * mm, 48 * mm], header=True),
        ]
    story.append(Paragraph("主管复核 Supervisors' decisions", s["h2"]))
    if not data.decisions:
        story.append(Paragraph("尚无主管复核 · No supervisor's decision yet", p))
        return story
    rows = [["时间 When", "主管 Supervisor", "结论 Decision", "原因 Reason"]]
    for decision in data.decisions:
        if decision.changes:
            outcome = "改判 Overturned: " + "; ".join(
                f"{_FIELD_NAMES[c.field]} {_value(c.field, c.before)} → {_value(c.field, c.after)}"
                for c in decision.changes
            )
        else:
            outcome = "维持原判 Approved: the verdict stands"
        rows.append([_when(decision.decided_at, tz), decision.decided_by, outcome, decision.reason])
    story.append(_table(_cells(rows, p), [30 * mm, 30 * mm, 70 * mm, 50 * mm], header=True))
    return story


def _checklist(data: EvidencePackData, s: _Styles) -> list[Any]:
    small = s["small"]
    heading = "检查项 Checklist answers" + (f" ({data.template})" if data.template else "")
    story: list[Any] = [Paragraph(_text(heading), s["h2"])]
    if not data.answers:
        story.append(Paragraph("没有回答 · No answers", s["body"]))
    else:
        rows = [["问题 Question", "回答 Answer", "发现 Finding"]]
        problems = []
        for n, answer in enumerate(data.answers, start=1):
            found = "; ".join(f"{zh} {en}" for zh, en in answer.findings)
            rows.append(
                [
                    f"{answer.question[0]} / {answer.question[1]}",
                    f"{answer.answer[0]} / {answer.answer[1]}",
                    f"有问题 Problem: {found}" if answer.problem else "—",
                ]
            )
            if answer.problem:
                problems.append(n)
        table = _table(_cells(rows, small), [80 * mm, 40 * mm, 60 * mm], header=True)
        for n in problems:
            table.setStyle(
                TableStyle([("BACKGROUND", (0, n), (-1, n), colors.HexColor("#ffe3e3"))])
            )
        story.append(table)
    story.append(Paragraph("触发规则 Rules that fired", s["h2"]))
    if not data.rules:
        story.append(Paragraph("—", s["body"]))
        return story
    rows = [["规则 Rule", "说明 What it decided", ""]] + [
        [rule.id, rule.zh_CN, rule.en] for rule in data.rules
    ]
    story.append(_table(_cells(rows, small), [36 * mm, 72 * mm, 72 * mm], header=True))
    return story


@dataclass(frozen=True, slots=True)
class _PhotoPage:
    number: int
    total: int
    photo: PackPhoto
    image: Path  # the captioned copy or the original
    pixels: tuple[int, int]  # that image's width and height


def _photo_block(page: _PhotoPage, s: _Styles, tz: tzinfo | None) -> KeepTogether:
    photo = page.photo
    width, height = page.pixels
    scale = min(180 * mm / width, _PHOTO_MAX_HEIGHT / height)
    flags = ", ".join(photo.quality_flags) if photo.quality_flags else "—"
    heading = (
        f"照片 Photo {page.number}/{page.total} · {_both(photo.kind)} ·"
        f" {_when(photo.taken_at, tz)} · #{photo.photo_id}"
    )
    facts = f"{photo.width}×{photo.height} px · {photo.size_bytes:,} B · 质量提示 flags: {flags}"
    return KeepTogether(
        [
            Paragraph(_text(heading), s["h2"]),
            Image(str(page.image), width * scale, height * scale, hAlign="LEFT"),
            Paragraph(f"SHA-256: {photo.sha256}", s["small"]),
            Paragraph(_text(facts), s["small"]),
        ]
    )


def _hash_list(data: EvidencePackData, s: _Styles) -> list[Any]:
    rows = [["#", "照片 Photo", "类型 Kind", "SHA-256"]] + [
        [str(n), str(p.photo_id), label(p.kind, "en"), p.sha256]
        for n, p in enumerate(data.photos, start=1)
    ]
    cells = [[Paragraph(_text(c), s["small"]) for c in row] for row in rows]
    return [
        Paragraph("照片哈希清单 · Photo hashes", s["h2"]),
        Paragraph(
            "每张原始照片以其 SHA-256 命名并存储；重新计算即可核对未被改动。"
            " Each original photo is stored under its SHA-256; recomputing it shows the photo"
            " is unaltered.",
            s["body"],
        ),
        Spacer(1, 2 * mm),
        _table(cells, [8 * mm, 16 * mm, 34 * mm, 122 * mm], header=True),
        Spacer(1, 3 * mm),
        Paragraph(f"清单指纹 List fingerprint (SHA-256): {data.fingerprint()}", s["small"]),
    ]


KEY_FRAMES: Final = 8  # at most, per clip: the chapters that say most (verdict, answers…)
_KEY_KINDS_FIRST: Final = ("verdict", "override", "answer", "photo", "camera_lost", "scan")


def _clip_blocks(
    data: EvidencePackData, store: EvidenceStore, s: _Styles, tz: tzinfo | None
) -> list[Any]:
    """Each clip: its facts, its hash and where to fetch it, and frames at its chapters."""
    story: list[Any] = []
    for n, clip in enumerate(data.clips, start=1):
        minutes, seconds = divmod(clip.duration_ms // 1000, 60)
        where = (
            f"central: GET /v1/blobs/{clip.sha256}"
            if clip.uploaded
            else "本站 station: station video export " + clip.id
        )
        facts = [
            ["视频 Clip", clip.id],
            ["开始 Started", _when(clip.started_at, tz)],
            ["时长 Duration", f"{minutes}:{seconds:02d} · {clip.size_bytes:,} B · {clip.ended}"],
            ["SHA-256", clip.sha256],
            ["片段链 Fragment chain", f"{clip.chain_head} · {clip.fragments}"],
            ["获取 Fetch", where],
        ]
        story.append(Paragraph(f"开箱视频 Unboxing clip {n}/{len(data.clips)}", s["h2"]))
        story.append(_table(_cells(facts, s["small"]), [36 * mm, 144 * mm]))
        story.append(Spacer(1, 2 * mm))
        path = store.clips.path_for(clip.sha256)
        if clip.purged or not path.exists():
            story.append(
                Paragraph(
                    "视频文件已按保留期限删除或不在本站 · The file was deleted after its retention"
                    " or is not on this station",
                    s["body"],
                )
            )
            continue
        store.clips.blobs.verify(clip.sha256)  # an altered clip stops the pack
        chosen = sorted(
            clip.chapters,
            key=lambda c: (
                _KEY_KINDS_FIRST.index(c.kind) if c.kind in _KEY_KINDS_FIRST else 99,
                c.at_ms,
            ),
        )[:KEY_FRAMES]
        chosen.sort(key=lambda c: c.at_ms)
        pictures = frames_at(path, [c.at_ms for c in chosen], width=480)
        cells: list[Any] = []
        for chapter, picture in zip(chosen, pictures, strict=False):
            ok, jpeg = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 80])
            if not ok:
                continue
            h, w = picture.shape[:2]
            at = f"{chapter.at_ms // 60000}:{chapter.at_ms // 1000 % 60:02d}"
            cells.append(
                [
                    Image(io.BytesIO(jpeg.tobytes()), 86 * mm, 86 * mm * h / w),
                    Paragraph(_text(f"{at} · {chapter.kind} · {chapter.label}", 120), s["small"]),
                ]
            )
        rows = [
            [cells[i], cells[i + 1] if i + 1 < len(cells) else ""] for i in range(0, len(cells), 2)
        ]
        if rows:
            story.append(Table(rows, colWidths=[90 * mm, 90 * mm]))
    return story


@dataclass(frozen=True, slots=True)
class BuiltPack:
    path: Path
    sha256: str
    size_bytes: int
    photos: int


def _pixels(path: Path) -> tuple[int, int]:
    return check_pixels(path, path.name)  # reads the header only


def _photo_pages(
    data: EvidencePackData, store: EvidenceStore, *, captioned: bool, tz: tzinfo | None
) -> list[_PhotoPage]:
    pages = []
    for n, photo in enumerate(data.photos, start=1):
        store.blobs.verify(photo.sha256)  # a missing or altered original stops the pack
        image = store.blobs.path_for(photo.sha256)
        if captioned:
            caption = Caption(
                taken_at=photo.taken_at,
                station_id=data.station_id,
                rma_no=data.rma_no,
                inspector=f"{data.inspector_name} {data.inspector_badge}".strip(),
                kind=photo.kind,
                sha256=photo.sha256,
            )
            image = store.captioned.ensure(caption, store.blobs, tz=tz)
        pages.append(_PhotoPage(n, len(data.photos), photo, image, _pixels(image)))
    return pages


def build_pack(
    data: EvidencePackData,
    out_path: Path,
    store: EvidenceStore,
    *,
    captioned: bool = True,
    tz: tzinfo | None = None,
    generated_at: datetime | None = None,
) -> BuiltPack:
    """Write the pack PDF to ``out_path`` (all or nothing). Blocking: run it on a worker.

    Raises :class:`~station.evidence.errors.BlobMissing` or
    :class:`~station.evidence.errors.BlobCorrupt` if a photo fails its check, before
    anything is written.
    """
    font = pdf_font()
    styles = _styles(font)
    story: list[Any] = _summary(data, styles, tz)
    if not data.photos:
        story.append(Paragraph("没有照片 · No photos", styles["h2"]))
    for page in _photo_pages(data, store, captioned=captioned, tz=tz):
        story.append(_photo_block(page, styles, tz))
    story.extend(_clip_blocks(data, store, styles, tz))
    story.extend(_hash_list(data, styles))
    footer = clean_field(
        f"RMA {data.rma_no} · {data.inspection_id} · {_when(generated_at or utcnow(), tz)}", 120
    )

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(15 * mm, 9 * mm, footer)
        canvas.drawRightString(195 * mm, 9 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=16 * mm,
        title=f"Evidence pack {clean_field(data.rma_no)}",
        author=clean_field(data.station_id),
        subject=f"Inspection {data.inspection_id}",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    pdf = buffer.getvalue()
    try:
        write_atomically(out_path, pdf, replace=lambda _: True)
    except OSError as exc:
        raise storage_error(exc, "the evidence pack", "证据包") from exc
    digest = hashlib.sha256(pdf).hexdigest()
    log.info("evidence pack for %s: %s (%d bytes, %s)", data.rma_no, out_path, len(pdf), digest)
    return BuiltPack(out_path, digest, len(pdf), len(data.photos))
