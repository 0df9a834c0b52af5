from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from station import app
from station.domain.records import UserView
from station.protocol.enums import Category, RefundKind
from station.protocol.template_parse import parse_template
from station.review.errors import ExportFailed
from station.review.service import ReviewService
from tests.review.conftest import REFUSE, clean_orders, finish, orders


@pytest.fixture
def apparel_refusal(demo_station: app.Station, inspector: UserView) -> str:
    rma = next(
        r
        for r in clean_orders(demo_station)
        if r in orders(demo_station, where=lambda line: line.category == "apparel")
    )
    return finish(demo_station, rma, inspector, override=REFUSE).inspection.id


def test_the_evidence_shows_answers_verdict_proposal_rules_override_and_photos(
    service: ReviewService, supervisor: UserView, apparel_refusal: str
) -> None:
    d = service.evidence(supervisor, apparel_refusal)
    assert d.category is Category.APPAREL and d.template == "apparel v1" and d.decidable
    assert d.verdict.refund_kind is RefundKind.NONE and d.verdict.refund_fen == 0
    assert d.proposal is not None and d.proposal.refund_kind is RefundKind.FULL
    assert d.overridden and d.override_reason == REFUSE.reason
    assert d.rules and all(r.zh_CN and r.en for r in d.rules)
    texts = {a.question_id: a.question for a in d.answers}
    assert texts["tags_attached"] == ("吊牌完好、未拆？", "Tags attached and intact?")
    tags = next(a for a in d.answers if a.question_id == "tags_attached")
    assert tags.answer == ("是", "Yes") and tags.findings == ()
    assert len(d.photos) >= 2 and all(len(p.sha256) == 64 for p in d.photos)
    assert d.review_due_at is not None and d.completed_at is not None
    assert (d.review_due_at - d.completed_at).total_seconds() == 24 * 3600
    assert d.inspector.endswith("I1001") and d.amount_fen == d.unit_price_fen * d.qty  # type: ignore[operator]


def test_answers_keep_the_question_texts_of_the_version_the_inspector_used(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, apparel_refusal: str
) -> None:
    rulebook = demo_station.workflow.rulebook
    current = rulebook.templates["apparel"]
    newer = current.body.replace("version = 1", "version = 2", 1).replace(
        "吊牌完好、未拆？", "吊牌是否完好（新版问题）？"
    )
    rulebook.adopt(parse_template(newer, "apparel@2"))
    assert rulebook.templates["apparel"].version == 2
    d = service.evidence(supervisor, apparel_refusal)
    texts = {a.question_id: a.question[0] for a in d.answers}
    assert texts["tags_attached"] == "吊牌完好、未拆？" and d.template == "apparel v1"


def test_the_evidence_pack_is_written_off_the_database_thread(
    service: ReviewService, supervisor: UserView, apparel_refusal: str, tmp_path: Path
) -> None:
    out = tmp_path / "证据包.pdf"
    built = service.export_pack(supervisor, apparel_refusal, out)
    assert built.path == out and out.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert service.evidence(supervisor, apparel_refusal).rma_no in text


def test_a_pack_with_a_missing_photo_is_refused_and_leaves_no_file(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    apparel_refusal: str,
    tmp_path: Path,
) -> None:
    photo = service.evidence(supervisor, apparel_refusal).photos[0]
    demo_station.evidence.blobs.path_for(photo.sha256).unlink()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportFailed) as info:
        service.export_pack(supervisor, apparel_refusal, folder / "pack.pdf")
    assert "photo" in info.value.message("en") and info.value.message("zh_CN")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where", ["missing/folder/pack.pdf", "."])
def test_a_pack_to_a_place_that_cannot_hold_it_is_refused(
    service: ReviewService, supervisor: UserView, apparel_refusal: str, tmp_path: Path, where: str
) -> None:
    with pytest.raises(ExportFailed):
        service.export_pack(supervisor, apparel_refusal, tmp_path / where)
