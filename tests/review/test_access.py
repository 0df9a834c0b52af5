from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from station import app
from station.domain.records import UserView
from station.protocol.enums import Grade, Role
from station.review.access import NotAllowed, can_review
from station.review.csv_export import ReportTable
from station.review.decisions import DecisionRequest
from station.review.rows import QueueFilter
from station.review.service import ReviewService
from station.security.users import set_active
from tests.review.conftest import REFUSE, clean_orders, counts, finish

Call = Callable[[ReviewService, UserView, str, Path], object]

CALLS: dict[str, Call] = {
    "queue": lambda s, u, _k, _p: s.queue_page(u, QueueFilter()),
    "count": lambda s, u, _k, _p: s.queue_count(u, QueueFilter()),
    "evidence": lambda s, u, k, _p: s.evidence(u, k),
    "overturn": lambda s, u, k, _p: s.decide(u, k, DecisionRequest("我说了算", grade=Grade.A)),
    "approve": lambda s, u, k, _p: s.decide(u, k, DecisionRequest("同意", approve=True)),
    "pack": lambda s, u, k, p: s.export_pack(u, k, p / "pack.pdf"),
    "parcels": lambda s, u, _k, _p: s.parcels(u),
    "link": lambda s, u, _k, _p: s.link_parcel(u, "0190f1e2-0000-7000-8000-000000000001", "X"),
    "dashboard": lambda s, u, _k, _p: s.dashboard(u, s.window(7)),
    "csv": lambda s, u, _k, p: s.export_table(u, ReportTable("t", ("a",), ()), p / "t.csv"),
    "inspectors": lambda s, u, _k, _p: s.inspectors(u),
}


@pytest.fixture
def waiting(demo_station: app.Station, inspector: UserView) -> str:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    return done.inspection.id


@pytest.mark.parametrize("call", list(CALLS))
def test_an_inspector_is_refused_by_every_service_call(
    demo_station: app.Station,
    service: ReviewService,
    inspector: UserView,
    waiting: str,
    tmp_path: Path,
    call: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = counts(demo_station)
    with pytest.raises(NotAllowed) as info:
        CALLS[call](service, inspector, waiting, out)
    assert "I1001" in info.value.message("en") and "无复核权限" in info.value.message("zh_CN")
    assert counts(demo_station) == before
    assert list(out.iterdir()) == []  # no file either


def test_supervisors_and_admins_may_review(
    service: ReviewService, supervisor: UserView, admin: UserView, waiting: str
) -> None:
    assert can_review(supervisor) and can_review(admin)
    assert waiting in {r.key for r in service.queue_page(admin, QueueFilter()).rows}
    service.decide(admin, waiting, DecisionRequest("管理员核实", approve=True))


def test_a_forged_view_does_not_make_an_inspector_a_supervisor(
    demo_station: app.Station, service: ReviewService, inspector: UserView, waiting: str
) -> None:
    forged = UserView(inspector.id, inspector.badge_id, inspector.display_name, Role.SUPERVISOR)
    before = counts(demo_station)
    with pytest.raises(NotAllowed, match="inspector now"):
        service.decide(forged, waiting, DecisionRequest("我说了算", grade=Grade.A))
    impostor = UserView(inspector.id, "S9001", "陈主管", Role.SUPERVISOR)
    with pytest.raises(NotAllowed, match="not an active user"):
        service.queue_page(impostor, QueueFilter())
    assert counts(demo_station) == before


def test_a_supervisor_disabled_while_logged_in_is_refused(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, waiting: str
) -> None:
    demo_station.db.run(lambda s: set_active(s, badge="S9001", active=False, actor="test"))
    with pytest.raises(NotAllowed):
        service.decide(supervisor, waiting, DecisionRequest("同意", approve=True))


def test_nobody_is_refused() -> None:
    assert not can_review(None)
