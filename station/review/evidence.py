"""Everything a supervisor weighs for one inspection, read in one go: the item and the
customer's claim, the answers with the question texts of the template version the inspector
used, the proposal, the verdict, the rules that fired, any override, the photos, and the
decision so far."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from station.domain.outcome import Outcome
from station.evidence.answer_lines import AnswerLine, Bilingual, answer_lines, plain_text
from station.evidence.fired_rules import RuleLine, rule_lines
from station.evidence.photos import evidence_for, inspection_or_refuse
from station.evidence.records import EvidenceView
from station.protocol.enums import (
    Category,
    InspectionState,
    ReturnReason,
)
from station.protocol.errors import QcFileError
from station.protocol.template import Question, QuestionKind, Template
from station.qc.answers import BadAnswer, Expected, check, findings_of
from station.qc.context import expected_for
from station.review.errors import DecisionRefused
from station.rulebook import Rulebook
from station.store.models import Inspection, User
from station.store.queries import line_view, load_order

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DecisionInfo:
    decision_id: str
    decided_by: str
    decided_at: str
    reason: str
    approve: bool


@dataclass(frozen=True, slots=True)
class EvidenceDetail:
    inspection_id: str
    state: InspectionState
    rma_no: str
    order_no: str
    reason: ReturnReason | None
    reason_note: str
    sku: str
    title: str
    category: Category | None
    qty: int
    unit_price_fen: int | None
    batch: str | None
    station_id: str
    inspector: str  # display name and badge
    started_at: datetime
    completed_at: datetime | None
    review_due_at: datetime | None  # the dispute-review time limit
    verdict: Outcome
    proposal: Outcome | None
    station_verdict: Outcome | None  # the inspector's, once a decision replaced it
    refund_reason: str
    carrier_claim: bool
    overridden: bool
    override_reason: str
    needs_review: bool
    overturned: bool
    rules: tuple[RuleLine, ...]
    answers: tuple[AnswerLine, ...]
    photos: tuple[EvidenceView, ...]
    decision: DecisionInfo | None
    template: str  # "id v3", or why its questions could not be read
    remote: bool = False  # another station's, read from the central service
    remote_photos: str = ""  # how many photos the central service holds, of which kinds

    @property
    def amount_fen(self) -> int | None:
        return None if self.unit_price_fen is None else self.unit_price_fen * self.qty

    @property
    def decidable(self) -> bool:
        return self.state is InspectionState.COMPLETED


def evidence_detail(
    session: Session, inspection_id: str, rulebook: Rulebook, *, review_hours: int = 24
) -> EvidenceDetail:
    row = inspection_or_refuse(session, inspection_id, DecisionRefused)
    order = load_order(session, row.return_id)
    line = next(ln for ln in order.lines if ln.id == row.return_line_id)
    user = session.get(User, row.inspector_id)
    template, template_note = _template(session, row, rulebook)
    expected = expected_for(line_view(line))
    decision = row.decision or None
    return EvidenceDetail(
        inspection_id=row.id,
        state=InspectionState(row.state),
        rma_no=order.rma_no,
        order_no=order.order_no,
        reason=ReturnReason(order.reason),
        reason_note=order.reason_note,
        sku=line.sku,
        title=line.title,
        category=Category(line.category),
        qty=line.qty,
        unit_price_fen=line.unit_price_fen,
        batch=line.batch,
        station_id=row.station_id,
        inspector=f"{user.display_name} {user.badge_id}" if user else str(row.inspector_id),
        started_at=row.started_at,
        completed_at=row.completed_at,
        review_due_at=(
            row.completed_at + timedelta(hours=review_hours) if row.completed_at else None
        ),
        verdict=Outcome.of(row),
        proposal=Outcome.from_mapping(row.proposal),
        station_verdict=Outcome.from_mapping(row.station_verdict),
        refund_reason=row.refund_reason,
        carrier_claim=row.carrier_claim,
        overridden=row.overridden,
        override_reason=row.override_reason,
        needs_review=row.needs_review,
        overturned=row.overturned,
        rules=rule_lines(row.rules_fired),
        answers=_answers(row.answers, template, expected),
        photos=tuple(evidence_for(session, row.id)),
        decision=(
            DecisionInfo(
                decision_id=str(decision.get("decision_id", "")),
                decided_by=str(decision.get("decided_by", "")),
                decided_at=str(decision.get("decided_at", "")),
                reason=str(decision.get("reason", "")),
                approve=bool(decision.get("approve", False)),
            )
            if decision
            else None
        ),
        template=template_note,
    )


def _template(session: Session, row: Inspection, rulebook: Rulebook) -> tuple[Template | None, str]:
    if row.template_id is None or row.template_version is None:
        return None, "-"
    name = f"{row.template_id} v{row.template_version}"
    try:
        return rulebook.version(session, row.template_id, row.template_version), name
    except (LookupError, QcFileError) as exc:
        log.warning("questions of %s unavailable: %s", name, exc)
        return None, f"{name} ({exc})"


def _answers(
    answers: dict[str, Any], template: Template | None, expected: Expected
) -> tuple[AnswerLine, ...]:
    def read(question: Question, value: object) -> AnswerLine:
        try:
            checked = check(question, value)
            found = findings_of(question, checked, expected)
        except BadAnswer:
            checked, found = value, ()
        return AnswerLine.of(question, _shown(question, checked), found)

    return answer_lines(answers, template, read)


def _shown(question: Question, value: object) -> Bilingual:
    match question.kind:
        case QuestionKind.YES_NO:
            return ("是", "Yes") if value else ("否", "No")
        case QuestionKind.CHOICE:
            option = next((o for o in question.options if o.value == value), None)
            return (option.text.zh_CN, option.text.en) if option else plain_text(value)
        case QuestionKind.COUNT | QuestionKind.NUMERIC:
            text = f"{value:g}" if isinstance(value, float) else f"{value}"
            return (f"{text}{question.unit}", f"{text} {question.unit}".strip())
        case QuestionKind.PHOTO:
            return (f"{value} 张", f"{value} photo(s)")
    return plain_text(value)
