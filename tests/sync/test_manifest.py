from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station import app
from station.demo.orders import generate_orders
from station.protocol.manifest import MAX_KEPT_ERRORS, MAX_LINE_BYTES, parse_manifest
from station.protocol.wire import Change, ChangeKind, ChangesPage
from station.store.models import ReturnLine, ReturnOrder, ReturnTracking
from station.sync.pull import apply_page
from tests.conftest import TODAY

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def good_rows(n: int = 3) -> list[dict]:
    return list(generate_orders(n, today=TODAY, seed=7))


def write(tmp_path: Path, rows: list, name: str = "m.jsonl") -> Path:
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(station: app.Station) -> tuple[int, int, int]:
    def work(s):
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (ReturnOrder, ReturnLine, ReturnTracking)
        )

    return station.db.run(work)


def test_a_good_manifest_imports_every_order(station: app.Station, tmp_path: Path) -> None:
    rows = good_rows(50)
    report = app.import_manifest(station, write(tmp_path, rows))
    assert (report.imported, report.rejected) == (50, 0)
    orders, lines, parcels = counts(station)
    assert (orders, lines, parcels) == (50, sum(len(r["lines"]) for r in rows), 50)
    order = station.workflow.lookup(rows[0]["rma_no"])
    assert order is not None
    assert order.lines[0].title == rows[0]["lines"][0]["title"]
    assert "*" in order.customer_masked and rows[0]["customer_name"] not in order.customer_masked


@pytest.mark.parametrize(
    "phone", ["13812345678", "010-62345678", "+44 7700 900123", "+1 415 555 0100", "0755 87654321"]
)
def test_no_phone_is_stored_whole_whatever_its_format(
    station: app.Station, tmp_path: Path, phone: str
) -> None:
    [row] = good_rows(1)
    row |= {"customer_phone": phone, "reason_note": f"客户说打 {phone} 或 13912345678 都行"}
    report = app.import_manifest(station, write(tmp_path, [row]))
    assert report.imported == 1, report.errors

    def stored(s):  # type: ignore[no-untyped-def]
        order = s.scalar(select(ReturnOrder).where(ReturnOrder.rma_no == row["rma_no"]))
        return order.customer_masked, order.reason_note

    masked, note = station.db.run(stored)
    digits = "".join(c for c in phone if c.isdigit())
    for text in (masked, note):
        assert "*" in text
        assert digits not in "".join(c for c in text if c.isdigit() or c == " ").replace(" ", "")
        assert phone not in text and "13912345678" not in text
    assert masked.endswith(digits[-4:])


def test_reimporting_is_harmless(station: app.Station, tmp_path: Path) -> None:
    path = write(tmp_path, good_rows(5))
    app.import_manifest(station, path)
    again = app.import_manifest(station, path)
    assert (again.imported, again.already_present, again.rejected) == (0, 5, 0)
    assert counts(station)[0] == 5


def _broken(field_path: tuple, value) -> dict:
    row = good_rows(1)[0]
    row["rma_no"] = "RMA20260000999999"
    row["tracking"] = [{"carrier": "SF", "tracking_no": "SF9999999999999"}]
    target = row
    for key in field_path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[field_path[-1]]
    else:
        target[field_path[-1]] = value
    return row


@pytest.mark.parametrize(
    "row,message",
    [
        (_broken(("rma_no",), KeyError), "rma_no: Field required"),
        (_broken(("lines",), KeyError), "lines: Field required"),
        (_broken(("customer_received_on",), "2026-02-30"), "customer_received_on"),
        (_broken(("requested_on",), "yesterday"), "requested_on"),
        (_broken(("requested_on",), "2020-01-01"), "before customer_received_on"),
        (_broken(("reason",), "changed_my_mind"), "reason: Input should be"),
        (_broken(("state",), "refunded"), "cannot be imported"),
        (_broken(("lines", 0, "unit_price"), "-5"), "unit_price"),
        (_broken(("lines", 0, "unit_price"), "1.005"), "two decimals"),
        (_broken(("lines", 0, "qty"), 0), "qty"),
        (_broken(("lines", 0, "title"), "好\x00坏"), "control character"),
        (_broken(("reason_note",), "line\nbreak"), "control character"),
        (_broken(("lines", 0, "category"), "weapons"), "category"),
        (_broken(("rma_no",), "RMA 1; DROP"), "rma_no"),
        (_broken(("lines",), []), "lines"),
        (_broken(("lines", 0, "ean"), "６９０１２３４５６７８９２"), "ean"),  # full-width digits
        (_broken(("lines", 0, "ean"), "٦٩٠١٢٣٤٥٦٧٨٩٢"), "ean"),  # Arabic-Indic digits
        (_broken(("customer_phone",), "١٣١٠٠٠٠٨١٨٤"), "customer_phone"),
        ("{not json", "not JSON"),
        ("[1, 2, 3]", "a row is a JSON object"),
    ],
)
def test_each_bad_row_is_refused_with_its_row_number_and_reason(
    station: app.Station, tmp_path: Path, row, message: str
) -> None:
    rows = good_rows(2)
    report = app.import_manifest(station, write(tmp_path, [rows[0], row, rows[1]]))
    assert report.imported == 2
    assert len(report.errors) == 1
    assert report.errors[0].row == 2
    assert message in report.errors[0].message
    assert counts(station)[0] == 2


def test_duplicate_rma_numbers_in_one_file(station: app.Station, tmp_path: Path) -> None:
    rows = good_rows(3)
    dup = dict(rows[0], tracking=[{"carrier": "SF", "tracking_no": "SF1111111111111"}])
    report = app.import_manifest(station, write(tmp_path, [*rows, dup]))
    assert report.imported == 3
    assert [str(e) for e in report.errors] == [
        f"row 4: duplicate rma_no {rows[0]['rma_no']} (see row 1)"
    ]


def test_a_tracking_number_owned_by_another_order_is_refused(
    station: app.Station, tmp_path: Path
) -> None:
    rows = good_rows(2)
    app.import_manifest(station, write(tmp_path, rows[:1], "a.jsonl"))
    thief = dict(rows[1], tracking=rows[0]["tracking"])
    report = app.import_manifest(station, write(tmp_path, [thief], "b.jsonl"))
    assert report.imported == 0 and "belongs to another order" in report.errors[0].message


@pytest.mark.parametrize("again", ["SF1234500000001", "sf1234500000001"])
def test_a_tracking_number_named_twice_in_one_order_is_that_one_parcel(
    station: app.Station, tmp_path: Path, again: str
) -> None:
    """Twice, it broke the whole import with a database error; published by central, it
    stopped every bench's pull of the change feed at that page."""
    rows = good_rows(3)
    twice = [
        {"carrier": "SF", "tracking_no": "SF1234500000001"},
        {"carrier": "SF", "tracking_no": again},
    ]
    rows[1]["tracking"] = twice
    report = app.import_manifest(station, write(tmp_path, rows))
    assert (report.imported, report.rejected) == (3, 0)
    owners = station.db.run(
        lambda s: s.scalars(
            select(ReturnOrder.rma_no)
            .join(ReturnTracking, ReturnTracking.return_id == ReturnOrder.id)
            .where(ReturnTracking.tracking_no == "SF1234500000001")
        ).all()
    )
    assert owners == [rows[1]["rma_no"]]


def test_a_published_return_naming_its_parcel_twice_is_pulled_not_stuck_on(
    station: app.Station,
) -> None:
    row = good_rows(1)[0]
    parcel = {"carrier": "SF", "tracking_no": "SF1234500000002"}
    row["tracking"] = [parcel, parcel]
    change = Change(seq=1, kind=ChangeKind.RETURN, key=row["rma_no"], body=row, at=NOW)
    page = ChangesPage(changes=[change], cursor="1", more=False)
    station.db.run(lambda s: apply_page(s, page, previous=None, station_id="ST-TEST", now=NOW))
    assert station.workflow.lookup("SF1234500000002") is not None


def test_a_file_of_junk_keeps_the_first_errors_and_counts_them_all(
    station: app.Station, tmp_path: Path
) -> None:
    """Every row's error was kept: 10 million junk lines took 2 GB and more than a minute."""
    junk = tmp_path / "junk.jsonl"
    junk.write_text("x\n" * 50_000 + json.dumps(good_rows(1)[0]) + "\n", encoding="utf-8")
    report = app.import_manifest(station, junk)
    assert (report.imported, report.rejected) == (1, 50_000)
    assert len(report.errors) == MAX_KEPT_ERRORS and report.errors[0].row == 1


def test_sql_meta_characters_are_stored_as_text(station: app.Station, tmp_path: Path) -> None:
    row = good_rows(1)[0]
    row["lines"][0]["title"] = "Robert'); DROP TABLE returns;-- 连衣裙"
    row["reason_note"] = '" OR 1=1 --'
    app.import_manifest(station, write(tmp_path, [row]))
    order = station.workflow.lookup(row["rma_no"])
    assert order is not None
    assert order.lines[0].title == "Robert'); DROP TABLE returns;-- 连衣裙"
    assert order.reason_note == '" OR 1=1 --'


def test_a_ten_megabyte_line_is_refused_and_the_rest_imported(
    station: app.Station, tmp_path: Path
) -> None:
    rows = good_rows(2)
    huge = json.dumps(dict(rows[0], rma_no="RMA20269999999999", reason_note="长" * 3_500_000))
    path = write(tmp_path, [rows[0], huge, rows[1]])
    assert path.stat().st_size > 10_000_000
    report = app.import_manifest(station, path)
    assert report.imported == 2
    assert [(e.row, e.message) for e in report.errors] == [
        (2, f"line longer than {MAX_LINE_BYTES:,} bytes")
    ]


def test_non_utf8_and_blank_lines(station: app.Station, tmp_path: Path) -> None:
    rows = good_rows(1)
    path = tmp_path / "m.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(rows[0]).encode() + b"\n\n# comment\n\xff\xfe\x00junk\n"
    )
    report = app.import_manifest(station, path)
    assert report.imported == 1
    assert [(e.row, e.message.split(" (")[0]) for e in report.errors] == [(4, "not UTF-8 text")]


def test_an_import_is_one_transaction(station: app.Station, tmp_path: Path, monkeypatch) -> None:
    from station.sync import manifest

    def explode(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(manifest.audit, "append", explode)
    with pytest.raises(OSError):
        app.import_manifest(station, write(tmp_path, good_rows(10)))
    assert counts(station) == (0, 0, 0)


def test_parse_reads_a_stream() -> None:
    text = "\n".join(json.dumps(r) for r in good_rows(4))
    parsed = parse_manifest(io.BytesIO(text.encode()))
    assert [row for row, _ in parsed.orders] == [1, 2, 3, 4] and not parsed.errors


def _hostile_rows() -> list[tuple[str, str]]:
    """(raw line, what its error must say): rows that used to stop the whole import."""
    good = good_rows(1)[0]
    deep = "[" * 100_000 + "]" * 100_000
    deep_in_field = json.dumps(good | {"rma_no": "RMA20260000000101"})[:-1] + (
        ', "reason_note": ' + "[" * 5000 + "]" * 5000 + "}"
    )
    long_number = json.dumps(good | {"rma_no": "RMA20260000000102"}).replace(
        '"unit_price": "', '"unit_price": ' + "9" * 5000 + ', "x": "', 1
    )
    long_float = '{"rma_no": "RMA20260000000103", "qty": 1.' + "5" * 5000 + "}"
    return [
        (deep, "nested 100000 levels deep (a row has at most 16)"),
        (deep_in_field, "nested 5001 levels deep"),
        (long_number, "a number of 5000 digits (at most 40)"),
        (long_float, "a number of 5002 digits (at most 40)"),
        ('{"rma_no": 1e999}', "rma_no"),  # infinity: refused by the field's check
        ('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[ inside a string"}', "rma_no: Field required"),
        ("[" * 17 + "]" * 17, "nested 17 levels deep"),
    ]


def test_hostile_rows_are_each_refused_and_the_good_ones_imported(
    station: app.Station, tmp_path: Path
) -> None:
    """A deeply nested row or a 5,000-digit number is one bad row with its line and reason."""
    rows = good_rows(4)
    hostile = _hostile_rows()
    lines: list = [rows[0]]
    for raw, _ in hostile:
        lines += [raw]
    lines += rows[1:]
    report = app.import_manifest(station, write(tmp_path, lines))
    assert report.imported == 4
    assert [(e.row, e.message) for e in report.errors] == [
        (2 + n, report.errors[n].message) for n in range(len(hostile))
    ]
    for error, (_, expected) in zip(report.errors, hostile, strict=True):
        assert expected in error.message, (error.row, error.message)
    assert counts(station)[0] == 4


def test_the_station_command_lists_each_hostile_row(station_cli_data, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from station.cli import main

    path = write(tmp_path, [*(raw for raw, _ in _hostile_rows()), good_rows(1)[0]])
    code = main([*station_cli_data, "import-manifest", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "imported 1, already present 0, rejected 7" in out
    assert "m.jsonl: row 1: nested 100000 levels deep" in err
    assert "m.jsonl: row 3: a number of 5000 digits" in err
    assert "Traceback" not in err


@pytest.fixture
def station_cli_data(tmp_path: Path, demo_template: Path) -> list[str]:
    import shutil

    data = tmp_path / "cli-data"
    shutil.copytree(demo_template, data)
    return ["--data-dir", str(data), "--config", str(tmp_path / "none.toml")]
