from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from station.printing.data import LabelKind
from station.printing.layout import (
    LayoutError,
    available_sizes,
    check_all,
    layout_for,
    load_layout,
)
from station.printing.sizes import LabelSize, SizeError, parse_size

GOOD = """
kind = "holding"
width_mm = 60
height_mm = 40

[[element]]
type = "text"
text = "{scanned_code} {date} {station_id}"
x = 1
y = 1
w = 58
h = 10
size = 12

[[element]]
type = "code128"
field = "label_id"
x = 1
y = 20
w = 58
h = 10
"""


def write(folder: Path, text: str, name: str = "holding_60x40.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_kind_ships_at_both_sizes_and_every_layout_loads() -> None:
    layouts = check_all()
    assert {(layout.kind, str(layout.size)) for layout in layouts} == {
        (kind, size) for kind in LabelKind for size in ("100x150", "60x40")
    }


def test_a_good_layout_loads(tmp_path: Path) -> None:
    layout = load_layout(write(tmp_path, GOOD))
    assert layout.kind is LabelKind.HOLDING and layout.size == LabelSize(60, 40)
    assert len(layout.elements) == 2


@pytest.mark.parametrize(
    "broken,reason",
    [
        (
            GOOD.replace('type = "code128"', 'type = "datamatrix"'),
            "element 2: unknown element type 'datamatrix'",
        ),
        (
            GOOD.replace("w = 58\nh = 10\nsize", "w = 70\nh = 10\nsize"),
            "element 1 (text): reaches 71x11 mm, outside the 60x40 mm page",
        ),
        (
            GOOD.replace("y = 20", "y = 35"),
            "element 2 (code128): reaches 59x45 mm, outside the 60x40 mm page",
        ),
        (
            GOOD.replace("{scanned_code} {date}", "{scanned_code} {rma_no} {date}"),
            "field(s) rma_no not available on holding labels",
        ),
        (GOOD.replace("{scanned_code} ", ""), "a holding label must show: scanned_code"),
        (
            GOOD.replace('field = "label_id"', 'field = "unmatched_id"'),
            "a holding label must show: label_id",
        ),
        (
            GOOD.replace('field = "label_id"', 'field = "scanned_code"'),
            "'scanned_code' can hold 200 characters, a Code128 carries at most 48",
        ),
        (
            GOOD.replace("size = 12", "size = 12\ncolour = 'red'"),
            "element 1 (text): unknown key(s): colour",
        ),
        (GOOD.replace("size = 12", ""), "element 1 (text): missing key(s): size"),
        (
            GOOD.replace("size = 12", "size = 40\nmin_size = 35"),
            "1 line(s) of 35 pt text need 12.3 mm, the box is 10 mm high",
        ),
        (GOOD.replace("size = 12", "size = 12\nmin_size = 30"), "'min_size' = 30 is outside 4-12"),
        (GOOD.replace("x = 1\ny = 1", "x = 'left'\ny = 1"), "'x' must be a number, got 'left'"),
        (GOOD.replace("{scanned_code}", "{scanned_code.__class__}"), "write fields as {name}"),
        (GOOD.replace("{scanned_code}", "{scanned_code!r}"), "write fields as {name}"),
        (GOOD.replace('text = "{scanned', 'text = { zh_CN = "{scanned'), "not valid TOML"),
        (GOOD.replace('kind = "holding"', 'kind = "parcel"'), "kind 'parcel' is not one of"),
        (GOOD.replace("width_mm = 60", "width_mm = 60\npaper = 'A4'"), "unknown key(s): paper"),
        (
            GOOD.replace("x = 1\ny = 20\nw = 58", "x = 1\ny = 20\nw = 40"),
            "Code128 of 'label_id' needs 56.4 mm at 203 dpi, the box is 40 mm long",
        ),
        (GOOD.split("[[element]]")[0], "'element' is missing"),
    ],
)
def test_a_broken_layout_is_refused_with_file_and_reason(
    tmp_path: Path, broken: str, reason: str
) -> None:
    path = write(tmp_path, broken)
    with pytest.raises(LayoutError, match=re.escape(reason)) as caught:
        load_layout(path)
    assert str(caught.value).startswith(str(path))


def test_a_layout_whose_name_does_not_match_its_content_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, name="holding_100x150.toml")
    with pytest.raises(
        LayoutError, match="describes a holding label at 60x40 mm: name it holding_60x40"
    ):
        load_layout(path)


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"kind = 'holding'\x00"])
def test_a_layout_that_is_not_text_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "holding_60x40.toml"
    path.write_bytes(content)
    with pytest.raises(LayoutError, match=re.escape(str(path))):
        load_layout(path)


def test_a_missing_size_names_the_sizes_there_are(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    with pytest.raises(SizeError, match=r"no holding layout at 100x150 mm .* available: 60x40"):
        layout_for(LabelKind.HOLDING, "100x150", tmp_path)
    assert available_sizes(LabelKind.HOLDING, tmp_path) == [LabelSize(60, 40)]
    assert available_sizes(LabelKind.DISPOSITION, tmp_path) == []


def test_an_edited_layout_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert len(layout_for(LabelKind.HOLDING, "60x40", tmp_path).elements) == 2
    extra = '\n[[element]]\ntype = "rule"\nx = 0\ny = 15\nw = 60\nh = 0.5\n'
    path.write_text(GOOD + extra, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert len(layout_for(LabelKind.HOLDING, "60x40", tmp_path).elements) == 3


@pytest.mark.parametrize(
    "text,size",
    [
        ("100x150", (100, 150)),
        ("60×40", (60, 40)),
        (" 60X40mm ", (60, 40)),
        ("１００x１５０", (100, 150)),
    ],
)
def test_sizes_parse(text: str, size: tuple[int, int]) -> None:
    assert parse_size(text) == LabelSize(*size)


@pytest.mark.parametrize(
    "text",
    ["", "100", "100x", "x150", "-100x150", "100x150x2", "10x150", "1000x150", "100x150" * 100],
)
def test_bad_sizes_are_refused_clearly(text: str) -> None:
    with pytest.raises(SizeError, match="label size"):
        parse_size(text)
