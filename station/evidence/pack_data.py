"""What an evidence pack shows, as plain values read in one short transaction: the order, the
checklist as answered, the rules that fired, the verdict as the rules proposed it, as the
inspector gave it and as it stands after every supervisor's decision, who explained what, and
the photos.

The story is told from the records: the answers with the template version the inspector used
(kept in the store), and the decisions from the audit log, where each one as applied here was
written with the verdict before and after it. The refund is explained by whoever set it last:
a supervisor's decision that changed it, else the inspector's override that did, else the rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.domain.codes import code_or_none
from station.domain.labels import OverrideReason
from station.domain.outcome import Outcome
from station.evidence.answer_lines import AnswerLine, Bilingual, answer_lines, plain_text
from station.evidence.fired_rules import RuleLine, rule_lines
from station.evidence.photos import evidence_for, inspection_or_refuse
from station.evidence.quality import QualityFlag
from station.evidence.video.records import ClipView, clips
from station.protocol.enums import (
    Disposition,
    Grade,
    InspectionState,
    MediaKind,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
)
from station.protocol.errors import QcFileError
from station.protocol.template import MatchField, Question, QuestionKind, Template
from station.protocol.template_parse import parse_template
from station.store.models import AuditEntry, Inspection, ReturnLine, User
from station.store.models import Template as TemplateRow
from station.store.queries import load_order

VERDICT_FIELDS: Final = ("grade", "disposition", "refund_kind", "refund_fen", "responsibility")
_REFUND_FIELDS: Final = frozenset({"disposition", "refund_kind", "refund_fen"})
_DECIDED: Final = ("verdict_overturned", "verdict_approved")  # how pull.apply_decision audits


@dataclass(frozen=True, slots=True)
class PackLine:
    line_no: int
    sku: str
    title: str
    qty: int
    unit_price_fen: int
    inspected_here: bool  # the line this inspection was about


@dataclass(frozen=True, slots=True)
class PackPhoto:
    photo_id: int
    sha256: str
    kind: PhotoKind
    taken_at: datetime
    width: int
    height: int
    size_bytes: int
    quality_flags: tuple[QualityFlag, ...] = ()


@dataclass(frozen=True, slots=True)
class PackChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True, slots=True)
class PackDecision:
    """A supervisor's decision as it was applied to this inspection."""

    decision_id: str
    decided_by: str
    decided_at: datetime
    approve: bool
    changes: tuple[PackChange, ...]  # none: the verdict stood
    reason: str


class ExplainedBy(StrEnum):
    RULES = "rules"  # the rule that decided the refund
    INSPECTOR = "inspector"  # the inspector's override reason
    SUPERVISOR = "supervisor"  # a supervisor's decision that changed the refund


@dataclass(frozen=True, slots=True)
class Explanation:
    text: str
    by: ExplainedBy
    who: str = ""  # the supervisor's badge, for a decision


@dataclass(frozen=True, slots=True)
class EvidencePackData:
    rma_no: str
    order_no: str
    platform: str
    reason: ReturnReason
    reason_note: str
    customer_masked: str
    lines: tuple[PackLine, ...]
    inspection_id: str
    inspection_state: InspectionState
    station_id: str
    inspector_name: str
    inspector_badge: str
    started_at: datetime
    completed_at: datetime | None
    grade: Grade | None  # the verdict in force, after any supervisor's decision
    disposition: Disposition | None
    refund_kind: RefundKind | None
    refund_fen: int | None
    refund_explanation: Explanation  # of the refund in force, and whose words they are
    responsibility: Responsibility | None
    carrier_claim: bool
    overridden: bool
    override_reason: str  # the inspector's, as people read it (code names and words)
    photos: tuple[PackPhoto, ...]
    override_code: OverrideReason | None = None
    proposal: Outcome | None = None  # what the rules proposed
    inspector_verdict: Outcome | None = None  # what the inspector gave
    decisions: tuple[PackDecision, ...] = ()  # oldest first
    answers: tuple[AnswerLine, ...] = ()
    rules: tuple[RuleLine, ...] = ()
    template: str = ""  # "apparel v1", or why its questions could not be read
    clips: tuple[ClipView, ...] = ()  # the unboxing clips, first taken first

    def fingerprint(self) -> str:
        """SHA-256 over the closing list (one "photo id, kind, SHA-256" line per photo): one
        number that pins the whole set of photos."""
        text = "".join(f"{p.photo_id} {p.kind.value} {p.sha256}\n" for p in self.photos)
        return hashlib.sha256(text.encode()).hexdigest()


def pack_data(session: Session, inspection_id: str) -> EvidencePackData:
    """Everything the pack shows for one inspection (deleted photos are not evidence and
    are left out)."""
    row = inspection_or_refuse(session, inspection_id)
    order = load_order(session, row.return_id)
    user = session.get(User, row.inspector_id)
    photos = tuple(
        PackPhoto(
            photo_id=p.id,
            sha256=p.sha256,
            kind=p.kind,
            taken_at=p.taken_at,
            width=p.width,
            height=p.height,
            size_bytes=p.size_bytes,
            quality_flags=p.quality_flags,
        )
        for p in evidence_for(session, inspection_id)
        if p.media is MediaKind.PHOTO
    )
    line_row = next(line for line in order.lines if line.id == row.return_line_id)
    decisions = _decisions(session, row)
    station = row.station_verdict or {f: getattr(row, f) for f in VERDICT_FIELDS}
    template, template_note = _template(session, row)
    lines = tuple(
        PackLine(
            line_no=line.line_no,
            sku=line.sku,
            title=line.title,
            qty=line.qty,
            unit_price_fen=line.unit_price_fen,
            inspected_here=line.id == row.return_line_id,
        )
        for line in order.lines
    )
    return EvidencePackData(
        rma_no=order.rma_no,
        order_no=order.order_no,
        platform=order.platform,
        reason=ReturnReason(order.reason),
        reason_note=order.reason_note,
        customer_masked=order.customer_masked,
        lines=lines,
        inspection_id=row.id,
        inspection_state=InspectionState(row.state),
        station_id=row.station_id,
        inspector_name=user.display_name if user else "",
        inspector_badge=user.badge_id if user else str(row.inspector_id),
        started_at=row.started_at,
        completed_at=row.completed_at,
        grade=Grade(row.grade) if row.grade else None,
        disposition=Disposition(row.disposition) if row.disposition else None,
        refund_kind=RefundKind(row.refund_kind) if row.refund_kind else None,
        refund_fen=row.refund_fen,
        refund_explanation=_explanation(row, station, decisions),
        responsibility=Responsibility(row.responsibility) if row.responsibility else None,
        carrier_claim=row.carrier_claim,
        overridden=row.overridden,
        override_reason=row.override_reason,
        photos=photos,
        override_code=code_or_none(OverrideReason, row.override_code),
        proposal=Outcome.from_mapping(row.proposal),
        inspector_verdict=Outcome.from_mapping(station) or Outcome(),
        decisions=decisions,
        answers=_answers(row.answers, template, line_row),
        rules=rule_lines(row.rules_fired),
        template=template_note,
        clips=tuple(reversed(clips(session, inspection_id=inspection_id))),
    )


# -- decisions ------------------------------------------------------------------------------


def _decisions(session: Session, row: Inspection) -> tuple[PackDecision, ...]:
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == f"inspection:{row.id}", AuditEntry.action.in_(_DECIDED))
        .order_by(AuditEntry.seq)
    )
    found = tuple(_decision(entry) for entry in entries)
    if found or not row.decision:
        return found
    # a decision on record without its audit entry: what the row itself says
    before = row.station_verdict or {}
    after = {f: getattr(row, f) for f in VERDICT_FIELDS}
    return (
        PackDecision(
            decision_id=str(row.decision.get("decision_id", "")),
            decided_by=str(row.decision.get("decided_by", "")),
            decided_at=_when(row.decision.get("decided_at"), row.completed_at or row.started_at),
            approve=bool(row.decision.get("approve", False)),
            changes=_changes(before, after),
            reason=str(row.decision.get("reason", "")),
        ),
    )


def _decision(entry: AuditEntry) -> PackDecision:
    details = entry.details
    before, after = details.get("station_verdict") or {}, details.get("decided") or {}
    return PackDecision(
        decision_id=str(details.get("decision_id", "")),
        decided_by=entry.actor.removeprefix("supervisor:"),
        decided_at=_when(details.get("decided_at"), entry.at),
        approve=bool(details.get("approve", entry.action == "verdict_approved")),
        changes=_changes(before, after),
        reason=str(details.get("reason", "")),
    )


def _changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[PackChange, ...]:
    return tuple(
        PackChange(f, before.get(f), after.get(f))
        for f in VERDICT_FIELDS
        if f in after and before.get(f) != after.get(f)
    )


def _when(text: object, fallback: datetime) -> datetime:
    try:
        return datetime.fromisoformat(str(text)) if text else fallback
    except ValueError:
        return fallback


def _explanation(
    row: Inspection, station: dict[str, Any], decisions: tuple[PackDecision, ...]
) -> Explanation:
    """The refund in force is explained by whoever set it last."""
    for decision in reversed(decisions):
        if _REFUND_FIELDS & {c.field for c in decision.changes}:
            return Explanation(decision.reason, ExplainedBy.SUPERVISOR, decision.decided_by)
    # before this version a decision left the station's explanation in the row itself
    text = str(station.get("refund_reason", row.refund_reason))
    proposed = row.proposal or {}
    by_override = row.overridden and (
        station.get("refund_kind") != proposed.get("refund_kind")
        or station.get("refund_fen") != proposed.get("refund_fen")
    )
    return Explanation(text, ExplainedBy.INSPECTOR if by_override else ExplainedBy.RULES)


# -- the checklist as answered -------------------------------------------------------------


def _template(session: Session, row: Inspection) -> tuple[Template | None, str]:
    if row.template_id is None or row.template_version is None:
        return None, ""
    name = f"{row.template_id} v{row.template_version}"
    stored = session.get(TemplateRow, (row.template_id, row.template_version))
    if stored is None:
        return None, f"{name} (not stored)"
    try:
        return parse_template(stored.body, f"{row.template_id}@{row.template_version}"), name
    except QcFileError as exc:
        return None, f"{name} ({exc})"


def _answers(
    answers: dict[str, Any], template: Template | None, line: ReturnLine
) -> tuple[AnswerLine, ...]:
    def read(question: Question, value: object) -> AnswerLine:
        return AnswerLine.of(question, _shown(question, value), _findings(question, value, line))

    return answer_lines(answers, template, read)


def _findings(question: Question, value: object, line: ReturnLine) -> tuple[str, ...]:
    """What an answer on record meant, read from its question as the checklist reads it."""
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    match question.kind:
        case QuestionKind.YES_NO if isinstance(value, bool):
            return question.yes if value else question.no
        case QuestionKind.CHOICE:
            return next((o.findings for o in question.options if o.value == value), ())
        case QuestionKind.COUNT if number is not None:
            return tuple(f for t in question.at_least if number >= t.value for f in t.findings)
        case QuestionKind.NUMERIC if number is not None:
            return tuple(f for t in question.below if number < t.value for f in t.findings)
        case QuestionKind.SCAN_MATCH if isinstance(value, str) and question.match is not None:
            expected = _expected(question.match, line)
            if expected and value.strip().upper() not in expected:
                return question.on_mismatch
    return ()


def _expected(match: MatchField, line: ReturnLine) -> set[str]:
    values = {
        MatchField.EAN: (line.ean,),
        MatchField.SKU: (line.sku,),
        MatchField.EAN_OR_SKU: (line.ean, line.sku),
        MatchField.SERIAL: (line.expected_serial,),
    }[match]
    return {v.strip().upper() for v in values if v}


def _shown(question: Question, value: object) -> Bilingual:
    match question.kind:
        case QuestionKind.YES_NO if isinstance(value, bool):
            return ("是", "Yes") if value else ("否", "No")
        case QuestionKind.CHOICE:
            option = next((o for o in question.options if o.value == value), None)
            if option is not None:
                return option.text.zh_CN, option.text.en
        case QuestionKind.COUNT | QuestionKind.NUMERIC if isinstance(value, int | float):
            text = f"{value:g}" if isinstance(value, float) else f"{value}"
            return f"{text}{question.unit}", f"{text} {question.unit}".strip()
        case QuestionKind.PHOTO:
            return f"{value} 张", f"{value} photo(s)"
    return plain_text(value)
