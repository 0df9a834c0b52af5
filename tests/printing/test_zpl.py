from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from station.printing.data import LabelDataError, LabelKind
from station.printing.samples import sample
from station.printing.zpl import (
    MAX_FIELD_BYTES,
    ZplError,
    ZplOptions,
    compress_rows,
    fh_escape,
    graphic_field,
    render_zpl,
)
from tests.printing.zpl_reader import Field, fields, graphic

HOSTILE = "^XA^IDR:*.*^XZ~JR\\^FS>"


def zpl_of(data_kind: LabelKind = LabelKind.HOLDING, **changes: object) -> str:
    data = dataclasses.replace(sample(data_kind, "en"), **changes)  # type: ignore[arg-type]
    return render_zpl(data, "100x150").decode("ascii")


def only(found: list[Field], command: str) -> Field:
    matching = [f for f in found if command in f.commands]
    assert len(matching) == 1, matching
    return matching[0]


@pytest.mark.parametrize("dpi,width,height", [(203, 800, 1200), (300, 1200, 1800)])
def test_a_label_is_one_format_of_the_page_size(dpi: int, width: int, height: int) -> None:
    zpl = render_zpl(sample(LabelKind.DISPOSITION), "100x150", options=ZplOptions(dpi=dpi))
    text = zpl.decode("ascii")
    assert text.startswith("^XA\n^CI28\n") and text.endswith("^PQ1,0,1,Y\n^XZ\n")
    assert f"^PW{width}\n" in text and f"^LL{height}\n" in text
    assert text.count("^XA") == 1 and text.count("^XZ") == 1
    assert text.count("^FO") == text.count("^FS")


def test_barcodes_carry_the_label_and_inspection_ids() -> None:
    data = sample(LabelKind.DISPOSITION)
    found = fields(render_zpl(data, "60x40").decode("ascii"))
    assert only(found, "^BC").data == data.label_id
    assert only(found, "^BQ").data == "MA," + data.inspection_id


def test_a_vertical_code128_reads_the_same_way_as_in_the_pdf() -> None:
    code128 = only(fields(zpl_of(LabelKind.DISPOSITION)), "^BC")
    assert code128.commands.split("^BC")[1].startswith("B,")  # rotated 270°: bottom to top


@pytest.mark.parametrize("code", [HOSTILE, "~JR", "~HS~JA", "\\5E\\7E", "^XZ" * 60])
def test_hostile_scans_arrive_escaped_and_print_as_text(code: str) -> None:
    zpl = zpl_of(scanned_code=code)
    assert zpl.count("^XA") == 1 and zpl.count("^XZ") == 1
    assert "~" not in zpl and "^ID" not in zpl and "^FS>" not in zpl
    assert zpl.isascii()
    found = fields(zpl)
    shown = "".join(f.data for f in found if "^A0" in f.commands)
    assert code[:20] in shown  # the scan is printed as text (wrapped over lines)
    assert only(found, "^BQ").data == "MA," + code


def test_carets_tildes_and_backslashes_travel_as_hex() -> None:
    zpl = zpl_of(LabelKind.DISPOSITION, sku="SKU-^~\\-X")
    assert "SKU-\\5E\\7E\\5C-X" in zpl
    assert [f.data for f in fields(zpl) if "SKU-^" in f.data] == ["SKU SKU-^~\\-X"]


def test_a_10kb_scan_is_refused_before_any_zpl_exists() -> None:
    with pytest.raises(LabelDataError, match="scanned_code: 10000 characters, at most 200"):
        zpl_of(scanned_code="A" * 10_000)


@pytest.mark.parametrize("text", ["A" * 10_000, "^" * 10_000, "无" * 10_000])
def test_field_data_is_bounded_and_never_splits_an_escape(text: str) -> None:
    escaped = fh_escape(text)
    assert len(escaped) <= MAX_FIELD_BYTES
    assert re.fullmatch(r"(?:[^\\]|\\[0-9A-F]{2})*", escaped)
    assert text.startswith(escaped.replace("\\5E", "^").replace("\\E6\\97\\A0", "无"))


def test_a_gs1_separator_travels_escaped_in_the_qr() -> None:
    zpl = zpl_of(scanned_code="]C1\x1d0106901234567892")
    assert "\x1d" not in zpl
    assert only(fields(zpl), "^BQ").data == "MA,]C1\x1d0106901234567892"


def test_chinese_is_a_graphic_by_default_and_a_printer_font_on_request() -> None:
    data = sample(LabelKind.HOLDING, "zh_CN")
    graphic_zpl = render_zpl(data, "60x40").decode("ascii")
    banner = [f for f in fields(graphic_zpl) if "^GFA" in f.commands]
    assert banner, "the 无头件 banner travels as a graphic"
    image = graphic(banner[0].commands)
    assert (
        image.width >= 400
        and 0 < sum(image.get_flattened_data()) / 255 < image.width * image.height
    )
    font_zpl = render_zpl(data, "60x40", options=ZplOptions(cjk="font")).decode("ascii")
    assert "^GFA" not in font_zpl
    banner_text = [
        f for f in fields(font_zpl) if "^A@N" in f.commands and "E:SIMSUN.TTF" in f.commands
    ]
    assert any(f.data == "无头件 UNMATCHED" for f in banner_text)


def test_copies_are_the_printers_job(tmp_path: Path) -> None:
    zpl = render_zpl(sample(LabelKind.HOLDING), "60x40", copies=3).decode("ascii")
    assert "^PQ3,0,1,Y" in zpl
    for copies in (0, 100):
        with pytest.raises(ZplError, match="copies"):
            render_zpl(sample(LabelKind.HOLDING), "60x40", copies=copies)


def test_a_code128_payload_zpl_would_misread_is_refused(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[2] / "resources/labels/disposition_100x150.toml"
    layout = shipped.read_text(encoding="utf-8").replace('field = "label_id"', 'field = "rma_no"')
    (tmp_path / "disposition_100x150.toml").write_text(layout, encoding="utf-8")
    data = dataclasses.replace(sample(LabelKind.DISPOSITION), rma_no="RMA>1")
    with pytest.raises(ZplError, match="rma_no: '>' cannot be printed in a ZPL Code128"):
        render_zpl(data, "100x150", layouts=tmp_path)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=12),
    st.data(),
)
def test_graphic_compression_round_trips(width: int, height: int, draw: st.DataObject) -> None:
    bits = draw.draw(
        st.lists(st.sampled_from([0, 0, 0, 1]), min_size=width * height, max_size=width * height)
    )
    image = Image.new("1", (width, height))
    image.putdata([b * 255 for b in bits])
    decoded = graphic(graphic_field(image))
    assert decoded.crop((0, 0, width, height)).tobytes() == image.tobytes()


def test_runs_longer_than_one_code_are_split() -> None:
    assert compress_rows([bytes(300)]) == ","
    assert compress_rows([b"\xff" * 300]) == "!"
    assert compress_rows([b"\x11" * 250]) == "zY1jG1"  # 419 + 81 repeats of "1"
    assert compress_rows([b"\x11" * 250, b"\x11" * 250]) == "zY1jG1:"


@pytest.mark.parametrize(
    "options,reason",
    [
        ({"dpi": 250}, "dpi: 250"),
        ({"cjk": "english"}, "cjk: 'english'"),
        ({"cjk_font": "E:X.TTF^XZ~JR"}, "is not a printer font"),
        ({"cjk_font": ""}, "is not a printer font"),
    ],
)
def test_printer_settings_cannot_smuggle_commands(options: dict[str, object], reason: str) -> None:
    with pytest.raises(ZplError, match=re.escape(reason)):
        ZplOptions(**options)  # type: ignore[arg-type]
