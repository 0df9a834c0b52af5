"""Disputes as data: deadlines from each platform's rule, one case per platform id, the hold
that reaches the station keeping the originals, and win rates."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.console.disputes import (
    DisputeStatus,
    Opening,
    board,
    open_dispute,
    update_dispute,
    win_rates,
)
from central.console.platforms import (
    DEFAULT_FILE,
    DeadlineFrom,
    PlatformFileError,
    load_platforms,
    parse_platforms,
)
from central.db.migrate import upgrade
from central.db.models import ChangeRecord, InspectionRecord, Station
from central.db.session import make_engine, session_factory
from central.services.errors import Conflict, Invalid, NotFound
from central.services.publishing import publish_returns
from station.protocol.manifest import ManifestOrder
from tests.central.client import manifest_row

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
SIGNED_OFF = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
PLATFORMS = load_platforms()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'central.db'}")
    upgrade(engine)
    with session_factory(engine)() as s:
        for station, warehouse in (("ST-A", "HZ"), ("ST-B", "SH")):
            s.add(
                Station(
                    id=station,
                    name="",
                    token_sha256=uuid.uuid4().hex * 2,
                    warehouse=warehouse,
                    created_at=NOW,
                )
            )
        s.flush()
        yield s
    engine.dispose()


def inspection(
    s: Session, station: str = "ST-A", *, category: str = "apparel", state: str = "completed"
) -> str:
    row = manifest_row()
    row["lines"][0]["category"] = category
    row["reason"] = "not_as_described"
    publish_returns(s, [ManifestOrder.model_validate(row)], NOW)
    ident = str(uuid.uuid4())
    s.add(
        InspectionRecord(
            id=ident,
            station_id=station,
            rma_no=row["rma_no"],
            sku="SKU-1",
            state=state,
            verdict={},
            answers={},
            rules_fired=[],
            started_at=SIGNED_OFF,
            completed_at=SIGNED_OFF + timedelta(minutes=4) if state == "completed" else None,
            updated_at=NOW,
        )
    )
    s.flush()
    return ident


def opening(ident: str, platform: str, case: str, notified: datetime = NOW) -> Opening:
    return Opening(ident, PLATFORMS[platform], case, notified, "")


def holds(s: Session) -> list[tuple[str, bool, str | None]]:
    rows = s.scalars(
        select(ChangeRecord).where(ChangeRecord.kind == "hold").order_by(ChangeRecord.seq)
    )
    return [(r.key, bool(r.body["held"]), r.warehouse) for r in rows]


def test_deadlines_follow_each_platforms_rule(session: Session) -> None:
    ident = inspection(session)
    notified = NOW - timedelta(hours=5)
    douyin = open_dispute(session, opening(ident, "douyin", "DY-1", notified), by="kefu", now=NOW)
    assert douyin.deadline_at == notified + timedelta(hours=48)
    taobao = open_dispute(session, opening(ident, "taobao", "TB-1", notified), by="kefu", now=NOW)
    assert PLATFORMS["taobao"].deadline_from is DeadlineFrom.SIGNED_OFF
    assert taobao.anchor_at == SIGNED_OFF and taobao.deadline_at == SIGNED_OFF + timedelta(hours=72)
    wechat = open_dispute(session, opening(ident, "wechat", "WX-1", notified), by="kefu", now=NOW)
    assert wechat.deadline_at == notified + timedelta(days=7)
    assert [d.case_id for d in board(session)] == ["TB-1", "DY-1", "WX-1"]  # nearest first
    assert (taobao.reason, taobao.category) == ("not_as_described", "apparel")


def test_a_platforms_case_is_opened_once_and_bad_cases_are_refused(session: Session) -> None:
    ident = inspection(session)
    open_dispute(session, opening(ident, "jd", "JD-77"), by="kefu", now=NOW)
    with pytest.raises(Conflict, match="JD-77"):
        open_dispute(session, opening(ident, "jd", "JD-77"), by="kefu", now=NOW)
    open_dispute(session, opening(ident, "douyin", "JD-77"), by="kefu", now=NOW)  # another
    for case in ("", "a b", "../x", "x" * 65, "<b>", "C\u202e1"):
        with pytest.raises(Invalid):
            open_dispute(session, opening(ident, "jd", case), by="kefu", now=NOW)
    with pytest.raises(Invalid, match="future"):
        open_dispute(session, opening(ident, "jd", "J2", NOW + timedelta(hours=1)), by="k", now=NOW)
    with pytest.raises(NotFound):
        open_dispute(session, opening(str(uuid.uuid4()), "jd", "J3"), by="kefu", now=NOW)


@pytest.mark.parametrize("state", ["open", "cancelled"])
def test_only_a_completed_inspection_can_answer_a_case(session: Session, state: str) -> None:
    """No verdict, nothing to defend: before, the case opened and its page answered 500."""
    ident = inspection(session, state=state)
    with pytest.raises(Invalid, match=f"is {state}: only a completed inspection"):
        open_dispute(session, opening(ident, "jd", "JD-9"), by="kefu", now=NOW)
    assert holds(session) == []


def test_the_hold_goes_to_the_stations_warehouse_and_lifts_with_the_last_case(
    session: Session,
) -> None:
    ident = inspection(session, "ST-B")
    first = open_dispute(session, opening(ident, "jd", "JD-1"), by="kefu", now=NOW)
    second = open_dispute(session, opening(ident, "douyin", "DY-1"), by="kefu", now=NOW)
    assert holds(session) == [(ident, True, "SH"), (ident, True, "SH")]
    update_dispute(session, first.id, status=DisputeStatus.WON, amount_fen=0, note="", now=NOW)
    assert len(holds(session)) == 2  # the other case still needs the evidence
    update_dispute(session, second.id, status=DisputeStatus.LOST, amount_fen=9900, note="", now=NOW)
    assert holds(session)[-1] == (ident, False, "SH")
    update_dispute(
        session, second.id, status=DisputeStatus.OPEN, amount_fen=None, note="平台重新受理", now=NOW
    )
    assert holds(session)[-1] == (ident, True, "SH")  # reopened: held again


def test_win_rates_by_platform_claim_and_category(session: Session) -> None:
    outcomes = [
        ("jd", "apparel", DisputeStatus.WON),
        ("jd", "apparel", DisputeStatus.LOST),
        ("jd", "electronics", DisputeStatus.WON),
        ("douyin", "apparel", DisputeStatus.SETTLED),
        ("douyin", "apparel", DisputeStatus.OPEN),
    ]
    for n, (platform, category, status) in enumerate(outcomes):
        row = open_dispute(
            session,
            opening(inspection(session, category=category), platform, f"C-{n}"),
            by="kefu",
            now=NOW,
        )
        if status is not DisputeStatus.OPEN:
            update_dispute(session, row.id, status=status, amount_fen=100, note="", now=NOW)
    rates = win_rates(session)
    by_platform = {t.key: (t.won, t.lost, t.settled, t.win_rate) for t in rates["platform"]}
    assert by_platform == {"douyin": (0, 0, 1, 0.0), "jd": (2, 1, 0, 2 / 3)}
    by_category = {t.key: t.won for t in rates["category"]}
    assert by_category == {"apparel": 1, "electronics": 1}
    assert [t.decided for t in rates["reason"]] == [4]


def test_a_platforms_file_says_what_is_wrong() -> None:
    good = DEFAULT_FILE.read_text(encoding="utf-8")
    assert set(parse_platforms(good)) >= {"taobao", "jd", "pinduoduo", "douyin", "wechat", "shopee"}
    bad = {
        "not toml [": "not TOML",
        "": "no platform",
        "[x]\nname_zh = 1": "platform 'x'",
        good.replace('deadline_from = "notified"', 'deadline_from = "whenever"', 1): (
            "deadline_from"
        ),
        good.replace("deadline_hours = 48", "deadline_hours = 0", 1): "deadline_hours",
        good + "\n[extra]\n" + good.split("[jd]")[1].split("[pinduoduo]")[0] + "colour = 1\n": (
            "unknown field"
        ),
        "[a-b]\n": "a code",
    }
    for text, message in bad.items():
        with pytest.raises(PlatformFileError, match=message):
            parse_platforms(text)
