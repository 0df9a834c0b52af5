from __future__ import annotations

import dataclasses
import re

import pytest

from station.printing.data import (
    LabelData,
    LabelDataError,
    LabelKind,
    label_fields,
    new_label_id,
    refund_summary,
)
from station.printing.samples import sample
from station.protocol.enums import Disposition, Grade, RefundKind


@pytest.mark.parametrize("kind", list(LabelKind))
def test_a_label_survives_its_round_trip_through_the_store(kind: LabelKind) -> None:
    data = sample(kind, "en")
    assert LabelData.from_payload(data.to_payload()) == data


@pytest.mark.parametrize(
    "change,reason",
    [
        ({"title": "A" * 10_000}, "title: 10000 characters, at most 200"),
        ({"rma_no": "RMA\x07123"}, "rma_no: contains an unprintable character (U+0007)"),
        ({"title": "evil\u202etxt.exe"}, "title: contains an unprintable character (U+202E)"),
        ({"sku": "A\nB"}, "sku: contains an unprintable character (U+000A)"),
        ({"label_id": "../../etc/passwd"}, "label_id: '../../etc/passwd' is not an id"),
        ({"label_id": ""}, "label_id: missing"),
        ({"inspector_initials": " "}, "inspector_initials: missing"),
        ({"grade": None}, "grade: missing, a disposition label needs it"),
        ({"refund_fen": -1}, "refund_fen: a refund cannot be negative"),
        ({"language": "fr"}, "language: 'fr'"),
    ],
)
def test_values_a_printer_must_not_see_are_refused_by_name(
    change: dict[str, object], reason: str
) -> None:
    with pytest.raises(LabelDataError, match=re.escape(reason)):
        dataclasses.replace(sample(LabelKind.DISPOSITION), **change)  # type: ignore[arg-type]


def test_a_scanned_gs1_code_keeps_its_separator_for_the_qr_only() -> None:
    data = dataclasses.replace(sample(LabelKind.HOLDING), scanned_code="]C1\x1d0106901234567892")
    values = label_fields(data)
    assert values["scanned_payload"] == "]C1\x1d0106901234567892"
    assert values["scanned_code"] == "]C1 0106901234567892"


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {"kind": "disposition"},
        {**sample(LabelKind.HOLDING).to_payload(), "x": 1},
        {**sample(LabelKind.HOLDING).to_payload(), "kind": "parcel"},
        {**sample(LabelKind.HOLDING).to_payload(), "date": "yesterday"},
    ],
)
def test_a_damaged_payload_is_refused_not_guessed(body: object) -> None:
    with pytest.raises(LabelDataError, match="payload"):
        LabelData.from_payload(body)


def test_fields_follow_the_label_language() -> None:
    zh = label_fields(sample(LabelKind.DISPOSITION, "zh_CN"))
    en = label_fields(sample(LabelKind.DISPOSITION, "en"))
    assert (zh["grade"], zh["grade_name"], zh["disposition"]) == ("B", "开封可售", "开箱品上架")
    assert zh["disposition_other"] == "RESTOCK OPEN BOX"
    assert (en["grade_name"], en["disposition"], en["disposition_other"]) == (
        "open box",
        "Restock open box",
        "开箱品上架",
    )
    assert zh["refund"] == "全额退款 ¥129.00" and en["refund"] == "Full refund ¥129.00"


def test_a_refused_refund_shows_no_amount() -> None:
    data = dataclasses.replace(
        sample(LabelKind.DISPOSITION),
        grade=Grade.D,
        disposition=Disposition.DESTROY,
        refund_kind=RefundKind.NONE,
        refund_fen=0,
    )
    assert refund_summary(data) == "拒绝退款"


def test_label_ids_are_short_digits_in_creation_order() -> None:
    ids = [new_label_id() for _ in range(200)]
    assert all(len(i) == 26 and i.isdigit() for i in ids)
    assert len(set(ids)) == len(ids)
    assert [i[:15] for i in ids] == sorted(i[:15] for i in ids)
