from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from station import app
from station.domain.records import UserView
from station.protocol.enums import Grade
from station.review import reports
from station.review.analytics import Alert, MixRow
from station.review.csv_export import ReportTable, csv_text, write_csv
from station.review.errors import ExportFailed
from station.review.rows import QueueFilter
from station.review.service import ReviewService
from tests.review.conftest import REFUSE, clean_orders, finish

CST = timezone(timedelta(hours=8))


def read_back(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_excel_gets_a_bom_and_chinese_comes_back_intact(tmp_path: Path) -> None:
    out = tmp_path / "批次.csv"
    written = write_csv(
        out,
        ("批次", "退货数", "占比", "时间"),
        [("B2611-07", 111, 0.7027, datetime(2026, 11, 20, 1, 30, tzinfo=UTC))],
        tz=CST,
    )
    raw = out.read_bytes()
    assert written == 1 and raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert read_back(out) == [
        ["批次", "退货数", "占比", "时间"],
        ["B2611-07", "111", "0.7027", "2026-11-20 09:30:00"],
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+86 138", "'+86 138"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("备注\x00\x07带控制字符", "备注带控制字符"),
        ('逗号, "引号"\n换行', '逗号, "引号"\n换行'),  # quoted: still one cell
        (-5, "-5"),  # a number stays a number
        (None, ""),
    ],
)
def test_cells_cannot_become_formulas_or_break_the_file(
    tmp_path: Path, value: object, shown: str
) -> None:
    out = tmp_path / "x.csv"
    write_csv(out, ("a", "b"), [(value, "end")])
    assert read_back(out)[1] == [shown, "end"]


def test_a_huge_cell_is_cut_to_what_excel_holds() -> None:
    text, count = csv_text(("a",), [("长" * 100_000,)])
    assert count == 1 and len(text) < 40_000


@pytest.mark.parametrize("target", ["missing/out.csv", "."])
def test_an_impossible_target_is_refused_and_nothing_is_left(tmp_path: Path, target: str) -> None:
    with pytest.raises(ExportFailed) as info:
        write_csv(tmp_path / target, ("a",), [("1",)])
    assert info.value.message("zh_CN") and info.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_row_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    write_csv(out, ("a",), [("old",)])

    def rows():  # the second row is malformed: the export stops before writing anything
        yield ("new",)
        yield ("new", "extra")

    with pytest.raises(ValueError, match="row 2"):
        write_csv(out, ("a",), rows())
    assert read_back(out) == [["a"], ["old"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_dashboard_tables_export_in_the_supervisors_language(tmp_path: Path) -> None:
    alerts = [Alert("batch", "B2611-07", 111, 78)]
    grades = [MixRow("A", 3, 0.75), MixRow("C", 1, 0.25)]
    for language, first in (("zh_CN", "维度"), ("en", "Dimension")):
        out = tmp_path / f"alerts-{language}.csv"
        write_csv(out, *_parts(reports.alerts_table(alerts, language)))  # type: ignore[arg-type]
        header, row = read_back(out)
        assert header[0] == first and row[1:] == ["B2611-07", "111", "78", "0.7027"]
    out = tmp_path / "grades.csv"
    write_csv(out, *_parts(reports.mix_table(grades, Grade, "zh_CN")))
    assert read_back(out)[1:] == [["A 全新", "3", "0.75"], ["C 使用/损坏", "1", "0.25"]]


def _parts(table: ReportTable) -> tuple[tuple[str, ...], tuple[tuple[object, ...], ...]]:
    return table.header, table.rows


def test_the_queue_exports_through_the_service(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    tmp_path: Path,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    rows = service.queue_page(supervisor, QueueFilter()).rows
    out = tmp_path / "复核队列.csv"
    assert service.export_table(supervisor, reports.queue_table(rows, "zh_CN"), out) == 1
    header, line = read_back(out)
    assert header[:3] == ["类型", "时间", "售后单号"] and line[0] == "质检"
    assert line[-1] == done.inspection.id and "拒绝退款" in line[header.index("复核原因")]
