"""The supervisor panel on a demo station with a few inspections waiting for review."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from station import app
from station.domain.records import UserView
from station.review.service import ReviewService
from station.store.types import utcnow
from station.ui.review.supervisor_panel import SupervisorPanel
from station.ui.tasks import TaskRunner

# the fixtures of the service tests, shared
from tests.review.conftest import (  # noqa: F401
    REFUSE,
    Clock,
    clean_orders,
    clock,
    finish,
    service,
    supervisor,
)


@dataclass
class Waiting:
    refused: str
    swapped: str
    parcel_code: str


@pytest.fixture
def waiting(demo_station: app.Station, inspector: UserView) -> Waiting:
    plain = clean_orders(demo_station)
    refused = finish(demo_station, plain[0], inspector, override=REFUSE).inspection.id
    swapped = finish(demo_station, plain[1], inspector, swap=True).inspection.id
    demo_station.workflow.scan("SF7777777777777", inspector)
    return Waiting(refused, swapped, "SF7777777777777")


@pytest.fixture
def panel(
    qtbot,
    demo_station: app.Station,
    service: ReviewService,  # noqa: F811
    clock: Clock,  # noqa: F811
    supervisor: UserView,  # noqa: F811
    waiting: Waiting,
) -> Iterator[SupervisorPanel]:
    clock.now = utcnow() + timedelta(minutes=1)  # after the inspections above
    runner = TaskRunner(workers=2)
    widget = SupervisorPanel(service, demo_station.workflow, runner, language="en", user=supervisor)
    widget.resize(1440, 900)
    with qtbot.waitSignals(
        [widget.queue.loaded, widget.dashboard.loaded, widget.unmatched.loaded], timeout=20_000
    ):
        widget.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20_000)
    yield widget
    # the widget and its timers go before the runner they submit to
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.shutdown()
