"""A station store after real inspections, closed, for tests that tamper with its SQLite file
directly and then run the ``station`` command on its data folder."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from station import app
from station.cli import main
from station.domain.records import UserView
from station.protocol.enums import Grade, PhotoKind
from station.review.decisions import DecisionRequest
from station.review.service import ReviewService
from tests.helpers import add_photos
from tests.review.conftest import REFUSE, clean_orders, finish


@dataclass(frozen=True)
class Bench:
    """The data folder of a station that inspected three items, closed."""

    root: Path
    args: list[str]  # --data-dir … --config …
    plain: str  # an inspection completed as proposed (a full refund)
    overridden: str  # completed with an override, then overturned by a supervisor
    still_open: str  # an open inspection with two photos, one of them deleted

    @property
    def database(self) -> Path:
        return self.root / "station.db"

    def sql(self, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run SQL on the store's file directly, as someone at the bench PC could."""
        with sqlite3.connect(self.database) as raw:
            rows = raw.execute(statement, params).fetchall()
        raw.close()
        return rows

    def one(self, statement: str, params: tuple[Any, ...] = ()) -> Any:
        return self.sql(statement, params)[0][0]

    def photos_of(self, inspection_id: str) -> list[int]:
        return [
            int(r[0])
            for r in self.sql(
                "SELECT id FROM evidence_items WHERE inspection_id = ? ORDER BY id",
                (inspection_id,),
            )
        ]


def station_cli(bench: Bench, *command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The ``station`` command, through its entry point; (exit status, what it printed)."""
    code = main([*bench.args, *command])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def bench(demo_station: app.Station, inspector: UserView, tmp_path: Path) -> Bench:
    station = demo_station
    rmas = clean_orders(station)
    plain = finish(station, rmas[0], inspector)
    overridden = finish(station, rmas[1], inspector, override=REFUSE)
    supervisor = station.auth.login("S9001", "9999")
    review = ReviewService(
        station.db,
        station_id=station.settings.station_id,
        rulebook=station.workflow.rulebook,
        evidence=station.evidence,
    )
    review.decide(
        supervisor,
        overridden.inspection.id,
        DecisionRequest("照片显示为正常试穿，降为 B 级", grade=Grade.B),
    )
    started = station.workflow.scan(rmas[2], inspector)
    add_photos(station, started, [PhotoKind.OVERVIEW, PhotoKind.DEFECT])  # type: ignore[arg-type]
    dropped = station.workflow.evidence_of(started.inspection.id)[-1]  # type: ignore[union-attr]
    station.workflow.delete_photo(dropped.id, inspector, "拍错了")
    root = station.paths.root
    station.close()
    return Bench(
        root=root,
        args=["--data-dir", str(root), "--config", str(tmp_path / "none.toml")],
        plain=plain.inspection.id,
        overridden=overridden.inspection.id,
        still_open=started.inspection.id,  # type: ignore[union-attr]
    )


def payload_of(bench: Bench, event_id: str) -> dict[str, Any]:
    return dict(json.loads(bench.one("SELECT payload FROM outbox WHERE event_id = ?", (event_id,))))


# the real central service on both set-ups (SQLite + disk, PostgreSQL + S3), as in tests/central
from tests.central.conftest import (  # noqa: E402
    anonymous,
    api,
    central,
    other,
    postgres_url,
    s3,
)
from tests.review.conftest import clock, service  # noqa: E402

__all__ = ["anonymous", "api", "central", "clock", "other", "postgres_url", "s3", "service"]
