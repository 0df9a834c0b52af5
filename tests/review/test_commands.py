from __future__ import annotations

import csv
import io
from pathlib import Path

from station import app
from station.domain.records import UserView
from station.review.commands import dashboard_command, queue_command
from station.review.service import ReviewService
from tests.review.conftest import REFUSE, clean_orders, finish


def test_the_queue_command_lists_and_exports(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    tmp_path: Path,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    out = io.StringIO()
    assert queue_command(service, supervisor, out, language="en") == 0
    lines = out.getvalue().splitlines()
    assert lines[-1] == "1 shown" and lines[0].startswith("Inspection\t")
    target = tmp_path / "queue.csv"
    assert queue_command(service, supervisor, io.StringIO(), csv_path=target) == 0
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][-1] == done.inspection.id


def test_the_commands_refuse_an_inspector_and_bad_input(
    service: ReviewService, inspector: UserView, supervisor: UserView, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = io.StringIO()
    assert queue_command(service, inspector, out) == 2
    assert "无复核权限" in out.getvalue()
    out = io.StringIO()
    assert queue_command(service, supervisor, out, search="RMA\x00") == 2
    assert dashboard_command(service, supervisor, folder, io.StringIO(), days=0) == 2
    assert dashboard_command(service, inspector, folder, io.StringIO(), days=7) == 2
    assert list(folder.iterdir()) == []


def test_the_dashboard_command_writes_every_table(
    service: ReviewService, supervisor: UserView, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = io.StringIO()
    assert dashboard_command(service, supervisor, folder, out, days=30, language="en") == 0
    names = sorted(p.name.rsplit("-", 2)[0] for p in folder.iterdir())
    assert names == sorted(
        [
            "defect_alerts",
            "time_limits",
            "throughput",
            "rates",
            "grade",
            "disposition",
            "reasons_by_category",
            "reasons_by_sku",
            "reasons_by_batch",
        ]
    )
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in folder.iterdir())
