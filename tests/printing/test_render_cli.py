from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from station.domain.records import InspectionView, LineView, OrderView, UnmatchedView
from station.printing.barcodes import BarcodeError
from station.printing.data import LabelKind
from station.printing.render_cli import (
    clean_text,
    initials,
    label_data_from_records,
    parse_label_size,
    print_now,
    render,
)
from station.printing.samples import sample
from station.printing.sizes import LabelSize, SizeError
from station.protocol.enums import (
    Category,
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    RefundKind,
    ReturnReason,
)
from tests.printing.conftest import NOW, page_size_mm, pdf_text
from tests.printing.fake_zebra import FakeZebra

LINE = LineView(
    id=7,
    line_no=1,
    sku="SKU-EL-20931-WHT",
    title="无线蓝牙\n降噪耳机\t白色",
    category=Category.ELECTRONICS,
    qty=1,
    unit_price_fen=39900,
)
ORDER = OrderView(
    id=3,
    rma_no="RMA20261120000456",
    order_no="2026111912345678",
    state=OrderState.INSPECTED,
    reason=ReturnReason.NO_REASON_7D,
    customer_received_on=date(2026, 11, 10),
    requested_on=date(2026, 11, 12),
    customer_masked="王**",
    lines=(LINE,),
)


def inspection(**changes: object) -> InspectionView:
    values: dict[str, object] = {
        "id": "0190f3a4-5b6c-7d8e-9f0a-1b2c3d4e5f60",
        "return_id": 3,
        "return_line_id": 7,
        "station_id": "ST-HZ01",
        "inspector_id": 1,
        "state": InspectionState.COMPLETED,
        "started_at": NOW,
        "completed_at": NOW,
        "grade": Grade.A,
        "disposition": Disposition.RESTOCK,
        "refund_kind": RefundKind.FULL,
        "refund_fen": 39900,
    }
    return InspectionView(**{**values, **changes})  # type: ignore[arg-type]


def test_a_completed_inspection_gets_a_disposition_label() -> None:
    data = label_data_from_records(
        station_id="ST-HZ01",
        inspector_name="Wang Jian",
        inspection=inspection(),
        order=ORDER,
        on=date(2026, 11, 20),
    )
    assert data.kind is LabelKind.DISPOSITION
    assert (data.rma_no, data.sku, data.grade, data.disposition) == (
        "RMA20261120000456",
        "SKU-EL-20931-WHT",
        Grade.A,
        Disposition.RESTOCK,
    )
    assert data.title == "无线蓝牙 降噪耳机 白色" and data.inspector_initials == "WJ"
    assert len(data.label_id) == 26


def test_a_refused_return_gets_the_return_label_with_its_reason_on_one_line() -> None:
    refused = inspection(
        grade=Grade.C,
        disposition=Disposition.RETURN_TO_CUSTOMER,
        refund_kind=RefundKind.NONE,
        refund_fen=0,
        refund_reason="人为损坏\r\n超出七天无理由" + "。" * 300,
    )
    data = label_data_from_records(
        station_id="ST-HZ01", inspector_name="王建", inspection=refused, order=ORDER
    )
    assert data.kind is LabelKind.RETURN_TO_CUSTOMER
    assert data.refusal_reason.startswith("人为损坏 超出七天无理由")
    assert len(data.refusal_reason) == 200 and data.refusal_reason.endswith("…")
    assert data.inspector_initials == "王建"


def test_an_unmatched_parcel_gets_a_holding_label() -> None:
    parcel = UnmatchedView(
        id="0190f3a3-0000-7abc-8def-0123456789ab",
        code="SF1402318765432",
        station_id="ST-HZ01",
        inspector_id=1,
        received_at=NOW,
    )
    data = label_data_from_records(station_id="ST-HZ01", inspector_name="Li Na", unmatched=parcel)
    assert (data.kind, data.scanned_code, data.unmatched_id) == (
        LabelKind.HOLDING,
        parcel.code,
        parcel.id,
    )


def test_records_that_do_not_belong_together_are_refused() -> None:
    with pytest.raises(ValueError, match="is not for an item of RMA20261120000456"):
        label_data_from_records(
            station_id="ST-HZ01",
            inspector_name="Li Na",
            inspection=inspection(return_line_id=99),
            order=ORDER,
        )
    with pytest.raises(ValueError, match="needs an inspection with its order"):
        label_data_from_records(station_id="ST-HZ01", inspector_name="Li Na")


@pytest.mark.parametrize(
    "name,expected", [("Wang Jian", "WJ"), ("li na", "LN"), ("欧阳明月", "欧阳明"), ("", "?")]
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_clean_text_flattens_and_bounds() -> None:
    assert clean_text("a\u202eb\x00c\n\nd", 100) == "a b c d"
    assert clean_text("x" * 50, 10) == "x" * 9 + "…"


@pytest.mark.parametrize("name,check", [("label.pdf", "pdf"), ("label.zpl", "zpl")])
def test_render_writes_the_format_its_name_asks_for(tmp_path: Path, name: str, check: str) -> None:
    out = tmp_path / name
    render(sample(LabelKind.DISPOSITION), "100x150", out)
    if check == "pdf":
        assert page_size_mm(out) == pytest.approx((100, 150), abs=0.01)
        assert "开箱品" in pdf_text(out)
    else:
        assert out.read_bytes().startswith(b"^XA\n^CI28\n")
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(
    "size,data_change,error",
    [
        ("150x100", {}, SizeError),
        ("big", {}, SizeError),
        ("60x40", {"scanned_code": "无" * 150}, BarcodeError),
    ],
)
def test_a_failed_render_leaves_the_old_file_and_no_debris(
    tmp_path: Path, size: str, data_change: dict[str, object], error: type[Exception]
) -> None:
    import dataclasses

    out = tmp_path / "label.pdf"
    out.write_bytes(b"previous label")
    data = dataclasses.replace(sample(LabelKind.HOLDING), **data_change)  # type: ignore[arg-type]
    with pytest.raises(error):
        render(data, size, out)
    assert out.read_bytes() == b"previous label"
    assert [p.name for p in tmp_path.iterdir()] == ["label.pdf"]


def test_render_into_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        render(sample(LabelKind.HOLDING), "60x40", tmp_path / "nowhere" / "label.pdf")


@pytest.mark.parametrize("text", ["60x40", "100 x 150"])
def test_cli_sizes(text: str) -> None:
    assert isinstance(parse_label_size(text), LabelSize)


def test_bad_cli_size_says_what_is_expected() -> None:
    with pytest.raises(SizeError, match=re.escape("expected WIDTHxHEIGHT in mm, e.g. 100x150")):
        parse_label_size("A6")


def test_print_now_sends_to_a_printer_given_as_a_setting(zebra: FakeZebra) -> None:
    ref = print_now(sample(LabelKind.HOLDING), "60x40", f"zpl:127.0.0.1:{zebra.port}", copies=2)
    assert ref.startswith(f"127.0.0.1:{zebra.port}/")
    (label,) = zebra.wait_labels(1)
    assert b"^PQ2,0,1,Y" in label
