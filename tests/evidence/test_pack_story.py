"""The evidence pack tells the whole story, read back from the PDF: the checklist as answered
with its problems marked, the rules that fired, the inspector's override and reason, every
supervisor's decision, and whose words explain the refund in force."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from station import app
from station.domain.labels import OverrideReason
from station.domain.records import UserView
from station.evidence.commands import pack_command
from station.evidence.pack_data import ExplainedBy, pack_data
from station.protocol.enums import Disposition, Grade, RefundKind, Role
from station.protocol.events import Decision
from station.qc.engine import Override, decide
from station.review.decisions import DecisionRequest
from station.review.service import ReviewService
from station.security.users import add_user
from station.sync.pull import apply_page
from station.workflow import Completion, InspectionStarted
from tests.helpers import add_photos, good_answers
from tests.review.conftest import clean_orders, orders
from tests.review.test_decisions import _page

WORDS = "袖口起球"
SUPERVISOR_REASON = "照片显示为正常试穿 <b>退全款</b>"


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    """Without spaces and line breaks: table cells wrap where they like."""
    return "".join(text.split())


def shows(text: str, expected: str) -> bool:
    return flat(expected) in flat(text)


@pytest.fixture
def supervisor(demo_station: app.Station) -> UserView:
    return demo_station.auth.login("S9001", "9999")


@pytest.fixture
def service(demo_station: app.Station) -> ReviewService:
    return ReviewService(
        demo_station.db,
        station_id=demo_station.settings.station_id,
        rulebook=demo_station.workflow.rulebook,
        evidence=demo_station.evidence,
    )


@pytest.fixture
def overridden(demo_station: app.Station, inspector: UserView) -> Completion:
    """Apparel with its tags cut (a partial refund proposed), which the inspector refuses."""
    apparel = set(orders(demo_station, where=lambda line: line.category == "apparel"))
    rma = next(r for r in clean_orders(demo_station) if r in apparel)
    started = demo_station.workflow.scan(rma, inspector)
    assert isinstance(started, InspectionStarted)
    answers = good_answers(started.checklist) | {"tags_attached": False}
    first = started.checklist.evaluate(answers, photos={})
    add_photos(demo_station, started, first.missing_photos)
    evaluation = started.checklist.evaluate(answers, photos={k: 1 for k in first.missing_photos})
    assert evaluation.proposal.refund_kind is RefundKind.PARTIAL
    verdict = decide(
        evaluation,
        started.checklist.template,
        started.line.amount_fen,
        Override(
            WORDS,
            code=OverrideReason.HIDDEN_WEAR,
            grade=Grade.C,
            disposition=Disposition.RETURN_TO_CUSTOMER,
            refund_kind=RefundKind.NONE,
        ),
    )
    return demo_station.workflow.complete(started.inspection.id, verdict, inspector)


def test_the_pack_shows_the_checklist_the_rules_and_the_override_while_it_waits(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    overridden: Completion,
    tmp_path: Path,
) -> None:
    out = tmp_path / "pack.pdf"
    service.export_pack(supervisor, overridden.inspection.id, out)
    text = text_of(out)
    assert "检查项 Checklist answers (apparel v1)" in text
    assert shows(text, "吊牌完好、未拆？ / Tags attached and intact?")
    assert shows(text, "有问题 Problem: 吊牌已拆 tags removed")
    assert "partial_deduction" in text and "触发规则 Rules that fired" in text
    assert "原因代码 Reason code" in text and "细查发现使用痕迹 / Wear not visible at first" in text
    # the refund is the inspector's doing, and the pack says so
    assert shows(
        text,
        "质检员改判原因 The inspector's override reason: 细查发现使用痕迹 / Wear not visible at"
        f" first: {WORDS}",
    )
    assert "尚无主管复核 · No supervisor's decision yet" in text
    assert shows(text, "结论来源 Decided by质检员 Inspector")


def test_the_pack_shows_every_decision_and_explains_the_refund_with_the_supervisors_words(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    overridden: Completion,
    tmp_path: Path,
) -> None:
    key = overridden.inspection.id
    made = service.decide(
        supervisor,
        key,
        DecisionRequest(
            SUPERVISOR_REASON,
            grade=Grade.B,
            disposition=Disposition.RESTOCK_OPEN_BOX,
            refund_kind=RefundKind.FULL,
        ),
    )
    later = Decision(
        decision_id="0190f1e2-0000-7000-8000-0000000000ee",
        inspection_id=key,
        decided_by="S9002",
        decided_at=made.decision.decided_at + timedelta(hours=1),
        reason="复核无误",
        approve=True,
    )
    demo_station.db.run(  # a second supervisor, as central published them
        lambda s: add_user(
            s, badge="S9002", name="周主管", role=Role.SUPERVISOR, pin="2468", actor="central"
        )
    )
    demo_station.db.run(
        lambda s: apply_page(
            s, _page(later, 1), previous=None, station_id="ST-TEST", now=datetime.now(UTC)
        )
    )
    data = demo_station.db.run(lambda s: pack_data(s, key))
    assert [d.decided_by for d in data.decisions] == ["S9001", "S9002"]
    assert data.refund_explanation.by is ExplainedBy.SUPERVISOR
    assert data.refund_explanation.text == SUPERVISOR_REASON
    out = tmp_path / "pack.pdf"
    service.export_pack(supervisor, key, out)
    text = text_of(out)
    assert shows(text, "结论来源 Decided by 主管复核 Supervisor's decision (S9001)")
    assert shows(  # printed as typed, markup and all
        text,
        "退款说明 Refund explanation 主管复核意见 The supervisor's reason"
        f" S9001: {SUPERVISOR_REASON}",
    )
    assert shows(
        text, "改判 Overturned: 成色 Grade C 使用/损坏 / C used / damaged → B 开封可售 / B open box"
    )
    assert shows(text, "维持原判 Approved: the verdict stands") and "复核无误" in text
    # the inspector's words are the inspector's: shown once, under the inspector's override
    squeezed = flat(text)
    assert squeezed.count(WORDS) == 1
    assert squeezed.index(flat("质检员改判原因 Inspector's override reason")) < squeezed.index(
        WORDS
    )
    # proposed, given, in force side by side
    assert shows(text, "系统建议 Proposed 质检员 Inspector 现行 In force")
    assert shows(
        text, "退款 Refund 部分退款 / Partial refund 拒绝退款 / No refund 全额退款 / Full refund"
    )


def test_the_command_line_pack_tells_the_same_story(
    demo_station: app.Station, overridden: Completion, tmp_path: Path
) -> None:
    out = tmp_path / "cli.pdf"
    report = io.StringIO()
    code = pack_command(
        demo_station.db, demo_station.paths.photos, overridden.inspection.id, out, report
    )
    assert code == 0, report.getvalue()
    text = text_of(out)
    assert shows(text, "有问题 Problem: 吊牌已拆 tags removed")
    assert shows(text, "主管复核 Supervisors' decisions")


def test_a_verdict_accepted_as_proposed_is_explained_by_its_rule(
    demo_station: app.Station, inspector: UserView, tmp_path: Path
) -> None:
    apparel = set(orders(demo_station, where=lambda line: line.category == "apparel"))
    rma = next(r for r in clean_orders(demo_station) if r in apparel)
    started = demo_station.workflow.scan(rma, inspector)
    assert isinstance(started, InspectionStarted)
    answers = good_answers(started.checklist) | {"tags_attached": False}
    first = started.checklist.evaluate(answers, photos={})
    add_photos(demo_station, started, first.missing_photos)
    evaluation = started.checklist.evaluate(answers, photos={k: 1 for k in first.missing_photos})
    verdict = decide(evaluation, started.checklist.template, started.line.amount_fen)
    done = demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    data = demo_station.db.run(lambda s: pack_data(s, done.inspection.id))
    assert data.refund_explanation.by is ExplainedBy.RULES
    assert "吊牌已拆" in data.refund_explanation.text
    assert not data.overridden and data.decisions == ()
