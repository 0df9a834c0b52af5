"""Example labels: the printer test page, the documentation previews and the benchmark."""

from __future__ import annotations

from datetime import date

from station.domain.labels import Language
from station.printing.data import LabelData, LabelKind
from station.protocol.enums import Disposition, Grade, RefundKind

SAMPLE_DATE = date(2026, 11, 20)
TEST_LABEL_ID = "00000000000000000000000000"


def sample(kind: LabelKind, language: Language = "zh_CN", *, label_id: str = "") -> LabelData:
    common = {
        "label_id": label_id or "17636283004110482957316450",
        "station_id": "ST-HZ01",
        "inspector_initials": "WJ",
        "date": SAMPLE_DATE,
        "language": language,
    }
    if kind is LabelKind.DISPOSITION:
        return LabelData(
            kind=kind,
            inspection_id="0190f3a1-1d2c-7e4f-8a9b-0c1d2e3f4a5b",
            rma_no="RMA20261120000123",
            sku="SKU-AP-88213-BLK-M",
            title="女士春秋季新款宽松显瘦百搭针织开衫外套 黑色 M码",
            grade=Grade.B,
            disposition=Disposition.RESTOCK_OPEN_BOX,
            refund_kind=RefundKind.FULL,
            refund_fen=12900,
            **common,  # type: ignore[arg-type]
        )
    if kind is LabelKind.HOLDING:
        return LabelData(
            kind=kind,
            unmatched_id="0190f3a3-0000-7abc-8def-0123456789ab",
            scanned_code="SF1402318765432",
            **common,  # type: ignore[arg-type]
        )
    return LabelData(
        kind=kind,
        inspection_id="0190f3a4-5b6c-7d8e-9f0a-1b2c3d4e5f60",
        rma_no="RMA20261120000456",
        sku="SKU-EL-20931-WHT",
        title="无线蓝牙降噪耳机 白色",
        grade=Grade.C,
        refusal_reason="人为损坏，超出七天无理由退货范围",
        **common,  # type: ignore[arg-type]
    )


def printer_check_label(printer: str, language: Language = "zh_CN") -> LabelData:
    """The page a printer's test print produces: a holding label that says what it is."""
    return LabelData(
        kind=LabelKind.HOLDING,
        label_id=TEST_LABEL_ID,
        station_id="TEST",
        inspector_initials="--",
        date=date.today(),
        language=language,
        scanned_code=f"测试 TEST {printer}"[:60],
    )
