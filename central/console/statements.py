"""The refusal text a platform's reviewer reads, pre-filled from the verdict and the rules
that decided it; the agent edits it before exporting."""

from __future__ import annotations

from central.console.inspection_view import Chapter, InspectionView
from central.console.messages import translator
from central.console.platforms import Platform


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else f"{fen / 100:.2f}"


def refusal(view: InspectionView, platform: Platform | None, lang: str) -> str:
    row = view.row
    zh = lang.startswith("zh")
    word = translator(lang)
    rules = [str(r.get("zh_CN" if zh else "en") or r.get("id", "")) for r in view.rules]
    clip = " ".join(f"{c.clock} {word(c.kind)} {c.label}".strip() for c in _telling(view))
    inspected = row.completed_at or row.started_at  # a case opened before verdicts were required
    day = f"{inspected:%Y-%m-%d}" if inspected is not None else "—"
    if zh:
        text = (
            f"退货单 {row.rma_no}（SKU {row.sku}）于 {day} 在仓库检验台"
            f" {row.station_id} 全程录像开箱检验。检验结论：等级 {row.grade or '—'}，"
            f"处理方式 {word(row.disposition or '—')}，退款 {_yuan(row.refund_fen)} 元。"
            f"依据：{'；'.join(rules) or '见检验记录'}。"
        )
        if clip:
            text += f"开箱视频关键时间点：{clip}。"
        text += "所附文件的 SHA-256 哈希见 manifest.json，可用 verify.py 逐一核验。"
    else:
        text = (
            f"Return {row.rma_no} (SKU {row.sku}) was unboxed on camera and inspected at bench"
            f" {row.station_id} on {day}. Verdict: grade"
            f" {row.grade or '—'}, disposition {row.disposition or '—'}, refund"
            f" {_yuan(row.refund_fen)} yuan. Grounds: {'; '.join(rules) or 'see the record'}."
        )
        if clip:
            text += f" Key moments of the unboxing video: {clip}."
        text += " Every attached file's SHA-256 is in manifest.json; verify.py checks them."
    if platform is not None and len(text) > platform.text_max_chars:
        text = text[: platform.text_max_chars - 1] + "…"
    return text


def _telling(view: InspectionView) -> list[Chapter]:
    if not view.clips:
        return []
    return [c for c in view.clips[0].chapters if c.telling][:6]
