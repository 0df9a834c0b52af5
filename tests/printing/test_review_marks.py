"""A verdict a supervisor may still change, or has changed, never looks final on paper: the
mark is read back from the PDF's text, from the printed raster and from the ZPL."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PIL import Image

from station.printing.data import LabelData, LabelDataError, LabelFlag, LabelKind
from station.printing.layout import LayoutError, TextElement, layout_for, load_layout
from station.printing.pdf import render_pdf
from station.printing.render_cli import label_data_from_records
from station.printing.samples import sample
from station.printing.zpl import ZplOptions, render_zpl
from tests.printing.conftest import assert_reads, pdf_text, rasterise
from tests.printing.test_render_cli import ORDER, inspection
from tests.printing.zpl_reader import Field, fields, graphic

DECISION = "0190f3b2-7777-7abc-8def-0123456789ab"
REVIEWED = (LabelKind.DISPOSITION, LabelKind.RETURN_TO_CUSTOMER)
SIZES = ("100x150", "60x40")
PENDING = {"zh_CN": "待复核 · PENDING REVIEW", "en": "PENDING REVIEW · 待复核"}
CORRECTED = {"zh_CN": "改判 · CORRECTED", "en": "CORRECTED · 改判"}
QR_FIELD = {LabelKind.DISPOSITION: "inspection_id", LabelKind.RETURN_TO_CUSTOMER: "inspection_id"}


def pending(kind: LabelKind, language: str = "zh_CN") -> LabelData:
    return dataclasses.replace(sample(kind, language), pending_review=True)  # type: ignore[arg-type]


def corrected(kind: LabelKind, language: str = "zh_CN") -> LabelData:
    return dataclasses.replace(
        sample(kind, language),  # type: ignore[arg-type]
        decision_id=DECISION,
        decided_by="S9001",
    )


def mark_box(kind: LabelKind, size: str, flag: LabelFlag, dpi: int = 203) -> tuple[int, ...]:
    """Where the layout puts the mark for ``flag``, in pixels at ``dpi``."""
    (element,) = [
        e
        for e in layout_for(kind, size).elements
        if isinstance(e, TextElement) and flag in e.condition.when and e.invert
    ]
    b = element.box
    return tuple(round(v * dpi / 25.4) for v in (b.x, b.y, b.x + b.w, b.y + b.h))


def near(found: Field, x: int, y: int) -> bool:
    return abs(found.x - x) <= 2 and abs(found.y - y) <= 2


def ink(page: Image.Image, box: tuple[int, ...]) -> float:
    """Share of dark pixels in ``box``."""
    region = page.crop(box)
    return sum(1 for v in region.get_flattened_data() if v < 128) / (region.width * region.height)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", REVIEWED)
def test_a_verdict_waiting_for_a_supervisor_is_marked_in_the_labels_language(
    tmp_path: Path, kind: LabelKind, size: str, language: str
) -> None:
    data = pending(kind, language)
    pdf = render_pdf(data, size)
    text = pdf_text(pdf)
    assert PENDING[language] in text and "改判" not in text
    (page,) = rasterise(pdf, tmp_path)
    assert_reads(page, code128=data.label_id, qr=getattr(data, QR_FIELD[kind]))
    box = mark_box(kind, size, LabelFlag.PENDING_REVIEW)
    assert ink(page, box) > 0.5  # a black bar with the words knocked out of it
    plain = render_pdf(sample(kind, language), size)  # type: ignore[arg-type]
    assert "待复核" not in pdf_text(plain) and "PENDING" not in pdf_text(plain)
    other = tmp_path / "plain"
    other.mkdir()
    (unmarked,) = rasterise(plain, other)
    assert ink(unmarked, box) < 0.3


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", REVIEWED)
def test_a_corrected_label_says_so_and_names_the_decision(
    tmp_path: Path, kind: LabelKind, size: str, language: str
) -> None:
    data = corrected(kind, language)
    pdf = render_pdf(data, size)
    text = pdf_text(pdf)
    assert CORRECTED[language] in text and "待复核" not in text
    assert DECISION in text.replace("\n", "")
    (page,) = rasterise(pdf, tmp_path)
    assert_reads(page, code128=data.label_id, qr=getattr(data, QR_FIELD[kind]))
    assert ink(page, mark_box(kind, size, LabelFlag.CORRECTED)) > 0.5


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", REVIEWED)
def test_the_zpl_label_carries_the_same_mark(kind: LabelKind, size: str) -> None:
    as_text = render_zpl(pending(kind), size, options=ZplOptions(cjk="font")).decode("ascii")
    assert PENDING["zh_CN"] in [f.data for f in fields(as_text)]
    english = render_zpl(corrected(kind, "en"), size, options=ZplOptions(cjk="font")).decode()
    shown = [f.data for f in fields(english)]
    assert CORRECTED["en"] in shown and any(DECISION in d for d in shown)
    # A stock printer gets the Chinese as a picture: a black bar where the layout puts it.
    x, y, right, bottom = mark_box(kind, size, LabelFlag.PENDING_REVIEW)
    bars = [
        graphic(f.commands)
        for f in fields(render_zpl(pending(kind), size).decode("ascii"))
        if "^GFA" in f.commands and near(f, x, y)
    ]
    assert len(bars) == 1
    assert bars[0].width >= (right - x) * 0.9 and bars[0].height >= (bottom - y) * 0.9
    assert ink(bars[0].convert("L").point(lambda v: 255 - v), (0, 0, *bars[0].size)) > 0.5
    plain = fields(render_zpl(sample(kind), size).decode("ascii"))
    assert not [f for f in plain if near(f, x, y) and "^GFA" in f.commands]


def test_an_inspection_waiting_for_review_gets_the_mark_and_a_decision_replaces_it() -> None:
    waiting = inspection(needs_review=True)
    data = label_data_from_records(
        station_id="ST-HZ01", inspector_name="Wang Jian", inspection=waiting, order=ORDER
    )
    assert data.pending_review and not data.decision_id
    fixed = label_data_from_records(
        station_id="ST-HZ01",
        inspector_name="Wang Jian",
        inspection=waiting,
        order=ORDER,
        decision_id=DECISION,
        decided_by="S9001",
    )
    assert not fixed.pending_review and fixed.decision_id == DECISION
    final = label_data_from_records(
        station_id="ST-HZ01", inspector_name="Wang Jian", inspection=inspection(), order=ORDER
    )
    assert not final.pending_review and not final.decision_id


def test_the_marks_survive_the_store() -> None:
    for data in (pending(LabelKind.DISPOSITION), corrected(LabelKind.RETURN_TO_CUSTOMER)):
        assert LabelData.from_payload(data.to_payload()) == data
    old = sample(LabelKind.DISPOSITION).to_payload()
    for name in ("pending_review", "decision_id", "decided_by"):
        del old[name]  # a label queued before marks existed
    assert not LabelData.from_payload(old).pending_review


@pytest.mark.parametrize(
    "kind,change,reason",
    [
        (
            LabelKind.DISPOSITION,
            {"pending_review": True, "decision_id": DECISION},
            "a corrected label carries a decision already made",
        ),
        (LabelKind.HOLDING, {"pending_review": True}, "a holding label is not reviewed"),
        (LabelKind.DISPOSITION, {"decided_by": "S9001"}, "decided_by: only a corrected label"),
        (LabelKind.DISPOSITION, {"decision_id": "../x"}, "decision_id: '../x' is not an id"),
        (LabelKind.DISPOSITION, {"pending_review": "yes"}, "pending_review: expected true"),
        (
            LabelKind.DISPOSITION,
            {"decision_id": DECISION, "decided_by": "S\u202e1"},
            "decided_by: contains an unprintable character",
        ),
    ],
)
def test_marks_that_contradict_each_other_are_refused(
    kind: LabelKind, change: dict[str, object], reason: str
) -> None:
    with pytest.raises(LabelDataError, match=re.escape(reason)):
        dataclasses.replace(sample(kind), **change)  # type: ignore[arg-type]


SHIPPED = Path(__file__).parents[2] / "resources/labels"


@pytest.mark.parametrize(
    "edit,reason",
    [
        (
            lambda t: t.replace('when = "pending_review"\n', ""),
            "a disposition label must say when it is pending_review",
        ),
        (lambda t: t.replace('when = "corrected"', 'when = "urgent"', 1), "flag(s) urgent"),
        (
            lambda t: t.replace(
                'when = "corrected"', 'when = "corrected"\nunless = "corrected"', 1
            ),
            "both when and unless the same flag",
        ),
        (lambda t: t.replace('when = "corrected"', "when = 3", 1), "must be a flag or a list"),
        (
            # a field shown only on some labels is not on every label
            lambda t: t.replace('text = "{rma_no}"', 'when = "corrected"\ntext = "{rma_no}"'),
            "a disposition label must show: rma_no",
        ),
    ],
)
def test_a_layout_that_could_hide_a_pending_verdict_is_refused(
    tmp_path: Path, edit: object, reason: str
) -> None:
    text = (SHIPPED / "disposition_60x40.toml").read_text(encoding="utf-8")
    path = tmp_path / "disposition_60x40.toml"
    path.write_text(edit(text), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(LayoutError, match=re.escape(reason)):
        load_layout(path)


def test_a_holding_label_has_no_review_to_show(tmp_path: Path) -> None:
    text = (SHIPPED / "holding_60x40.toml").read_text(encoding="utf-8")
    path = tmp_path / "holding_60x40.toml"
    path.write_text(text.replace('type = "qr"', 'type = "qr"\nwhen = "corrected"'), "utf-8")
    with pytest.raises(LayoutError, match=re.escape("not available on holding labels")):
        load_layout(path)
