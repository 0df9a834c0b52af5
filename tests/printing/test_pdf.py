from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest

from station.printing.barcodes import BarcodeError
from station.printing.data import LabelKind
from station.printing.pdf import render_pdf
from station.printing.samples import sample
from station.printing.sizes import SizeError
from tests.printing.conftest import assert_reads, page_size_mm, pdf_text, rasterise

SIZES = {"100x150": (100.0, 150.0), "60x40": (60.0, 40.0)}
QR_FIELD = {
    LabelKind.DISPOSITION: "inspection_id",
    LabelKind.HOLDING: "scanned_code",
    LabelKind.RETURN_TO_CUSTOMER: "inspection_id",
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", list(LabelKind))
def test_every_label_reads_back_at_203_dpi(
    tmp_path: Path, kind: LabelKind, size: str, language: str
) -> None:
    data = sample(kind, language)  # type: ignore[arg-type]
    pdf = render_pdf(data, size)
    assert page_size_mm(pdf) == pytest.approx(SIZES[size], abs=0.01)
    (page,) = rasterise(pdf, tmp_path)
    assert_reads(page, code128=data.label_id, qr=getattr(data, QR_FIELD[kind]))


def test_chinese_text_is_real_text_in_an_embedded_font(tmp_path: Path) -> None:
    pdf = render_pdf(sample(LabelKind.DISPOSITION, "zh_CN"), "100x150")
    text = pdf_text(pdf)
    for expected in (
        "开箱品",
        "上架",
        "RESTOCK OPEN BOX",
        "售后单号",
        "RMA20261120000123",
        "全额退款",
    ):
        assert expected in text
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    cjk = [
        f.get_object() for f in fonts.values() if "WenQuanYi" in str(f.get_object()["/BaseFont"])
    ]
    assert cjk and "/FontFile2" in cjk[0]["/FontDescriptor"]


def test_holding_and_return_labels_say_what_they_are() -> None:
    holding = pdf_text(render_pdf(sample(LabelKind.HOLDING, "en"), "60x40"))
    assert "无头件" in holding and "UNMATCHED" in holding and "SF1402318765432" in holding
    refused = pdf_text(render_pdf(sample(LabelKind.RETURN_TO_CUSTOMER), "100x150"))
    assert "退回买家" in refused and "人为损坏，超出七天无理由退货范围" in refused


def test_a_long_reason_stays_on_one_line_and_is_cut_visibly() -> None:
    reason = "外包装严重破损且商品有明显使用痕迹" * 10
    data = dataclasses.replace(sample(LabelKind.RETURN_TO_CUSTOMER), refusal_reason=reason[:200])
    text = pdf_text(render_pdf(data, "100x150"))
    (line,) = [ln for ln in text.splitlines() if ln.startswith("外包装")]
    assert line.endswith("…") and len(line) < 60


def test_hostile_text_prints_as_text(tmp_path: Path) -> None:
    code = "^XA^IDR:*.*^XZ ~JR <script>%PDF"
    data = dataclasses.replace(sample(LabelKind.HOLDING, "en"), scanned_code=code)
    pdf = render_pdf(data, "100x150")
    assert "^XA^IDR:*.*^XZ" in pdf_text(pdf)
    (page,) = rasterise(pdf, tmp_path)
    assert_reads(page, code128=data.label_id, qr=code)


def test_a_size_without_a_layout_is_refused() -> None:
    with pytest.raises(SizeError, match=re.escape("no disposition layout at 80x50 mm")):
        render_pdf(sample(LabelKind.DISPOSITION), "80x50")


def test_a_payload_its_barcode_cannot_carry_is_refused_before_drawing() -> None:
    data = dataclasses.replace(sample(LabelKind.HOLDING), scanned_code="无" * 150)
    with pytest.raises(
        BarcodeError, match=re.escape("scanned_payload: QR: 450 bytes, at most 400")
    ):
        render_pdf(data, "60x40")
