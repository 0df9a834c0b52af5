"""The inspection workflow: scan → order → inspection → verdict → complete.

Each step is one short transaction on the database thread in which the rows, the order's new
state, the outbox event and the audit entry are written together or not at all. Methods block
the calling thread, so the UI calls them from a worker, and the CLI and tests call them
directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from station.capture.classify import ScanCode, classify
from station.capture.scan_text import BadScan
from station.domain.labels import Language
from station.domain.records import (
    InspectionView,
    LineView,
    OrderView,
    UnmatchedView,
    UserView,
    Verdict,
)
from station.evidence.photos import (
    delete_photo,
    evidence_for,
    evidence_for_unmatched,
    keep_photo,
    photo_kinds_present,
    prepare_imported,
    prepare_photo,
    record_photo,
)
from station.evidence.records import EvidenceView, PreparedPhoto
from station.evidence.storage import EvidenceStore
from station.printing import jobs
from station.printing.backends import RENDER_ERRORS
from station.printing.data import LabelData
from station.printing.queue import PrintQueue
from station.printing.render_cli import label_data_from_records
from station.protocol import events
from station.protocol.enums import Actor, InspectionState, OrderState, PhotoKind
from station.protocol.states import Action, IllegalTransition, TransitionContext, next_state
from station.protocol.template import Question, Template
from station.qc.answers import Expected
from station.qc.context import expected_for, facts_for
from station.qc.engine import Evaluation, decide, evaluate
from station.qc.policy import QcPolicy
from station.qc.rules import OrderFacts
from station.rulebook import Rulebook
from station.security import audit
from station.security.actors import user_ref
from station.store.database import Database
from station.store.models import Inspection, ReturnLine, ReturnOrder, UnmatchedParcel, User
from station.store.queries import (
    completed_line_ids,
    find_order,
    find_order_id,
    inspection_view,
    line_view,
    load_order,
    open_inspection,
    order_view,
    unmatched_view,
)
from station.store.types import utcnow

log = logging.getLogger(__name__)


class WorkflowError(Exception):
    """A step the workflow refuses; the message is meant for the inspector."""


class IncompleteInspection(WorkflowError):
    """Completion refused: required answers or photos are missing."""

    def __init__(self, unanswered: tuple[Question, ...], photos: tuple[PhotoKind, ...]) -> None:
        self.unanswered, self.photos = unanswered, photos
        parts = []
        if unanswered:
            parts.append("unanswered: " + ", ".join(q.text.en for q in unanswered))
        if photos:
            parts.append("photos missing: " + ", ".join(k.value for k in photos))
        super().__init__("; ".join(parts))


@dataclass(frozen=True, slots=True)
class Checklist:
    """Everything the checklist screen needs to evaluate answers as they are given."""

    template: Template
    facts: OrderFacts
    expected: Expected
    policy: QcPolicy
    answers: dict[str, object]
    photos: dict[PhotoKind, int]

    def evaluate(
        self,
        answers: dict[str, object] | None = None,
        photos: dict[PhotoKind, int] | None = None,
    ) -> Evaluation:
        return evaluate(
            self.template,
            self.answers if answers is None else answers,
            self.facts,
            self.expected,
            self.policy,
            self.photos if photos is None else photos,
        )


@dataclass(frozen=True, slots=True)
class InspectionStarted:
    order: OrderView
    line: LineView
    inspection: InspectionView
    resumed: bool
    checklist: Checklist


@dataclass(frozen=True, slots=True)
class ParcelUnmatched:
    parcel: UnmatchedView
    resumed: bool
    label: jobs.LabelView | None = None


@dataclass(frozen=True, slots=True)
class NotInspectable:
    """The order exists but is not in a state the bench can inspect."""

    order: OrderView
    reason: str


ScanOutcome = InspectionStarted | ParcelUnmatched | NotInspectable


@dataclass(frozen=True, slots=True)
class Completion:
    inspection: InspectionView
    order: OrderView
    next_line: LineView | None
    event_id: str
    label: jobs.LabelView | None = None
    label_error: str = ""


@dataclass(frozen=True, slots=True)
class LabelPrinting:
    """Where the bench's labels go: the moment a verdict is final, its label is queued."""

    queue: PrintQueue
    printer: str
    size: str
    language: Language = "zh_CN"


@dataclass(eq=False)
class Workflow:
    """The inspection steps of one station, over its store, rulebook and evidence."""

    db: Database
    _: KW_ONLY
    station_id: str
    rulebook: Rulebook
    evidence: EvidenceStore
    printing: LabelPrinting | None = None
    clock: Callable[[], datetime] = utcnow

    def lookup(self, raw: str) -> OrderView | None:
        code = classify(raw).text  # cleaned, and a piece's barcode read as its waybill's
        return self.db.run(lambda s: find_order(s, code))

    def scan(self, code: ScanCode | str, inspector: UserView) -> ScanOutcome:
        """Handle a parcel scan: start or resume its inspection, or receive it as unmatched.

        ``code`` is what the bench classified, or raw text (the command line), which is
        cleaned here; junk raises :class:`~station.capture.scan_text.BadScan` before anything
        is stored, and so does text that cannot be a parcel's number (a QR code's web address).
        """
        if not isinstance(code, ScanCode):
            code = classify(code)
        outcome = self.scan_first_known([code], inspector, receive=code)
        assert outcome is not None
        return outcome

    def scan_if_known(self, code: ScanCode, inspector: UserView) -> ScanOutcome | None:
        """:meth:`scan` for a code shaped like an item's barcode: it opens the parcel it names
        (some waybill numbers have an EAN's shape and check digit); None, and nothing
        received, when it names none."""
        return self.scan_first_known([code], inspector, receive=None)

    def scan_first_known(
        self, codes: Sequence[ScanCode], inspector: UserView, *, receive: ScanCode | None
    ) -> ScanOutcome | None:
        """Open the parcel the first of ``codes`` that names one names (a label read whole
        carries a waybill number, an order number, a QR code…); when none does, receive the
        parcel as unmatched under ``receive``, or return None with nothing stored."""
        if receive is not None and not receive.kind.names_a_parcel:
            raise BadScan(f"{receive.text[:40]!r} is not a parcel's number")
        now = self.clock()

        def work(session: Session) -> ScanOutcome | None:
            for code in codes:
                order_id = find_order_id(session, code.text)
                if order_id is not None:
                    return self._start_or_resume(
                        session, load_order(session, order_id), inspector, now
                    )
            if receive is None:
                return None
            return self._receive_unmatched(session, receive.text, inspector, now)

        outcome = self.db.run(work)
        if isinstance(outcome, ParcelUnmatched) and outcome.label is not None:
            self._print(outcome.label)
        return outcome

    def next_line(self, order_id: int, inspector: UserView) -> ScanOutcome:
        """Start the next item of a multi-item order (or resume its open one)."""
        now = self.clock()
        return self.db.run(
            lambda s: self._start_or_resume(s, load_order(s, order_id), inspector, now)
        )

    def save_answers(self, inspection_id: str, answers: dict[str, object]) -> None:
        """Keep the answers given so far, so a crash or an idle lock loses nothing."""

        def work(session: Session) -> None:
            row = self._open_row(session, inspection_id)
            row.answers = dict(answers)

        self.db.run(work)

    def complete(self, inspection_id: str, verdict: Verdict, inspector: UserView) -> Completion:
        """Record the verdict; the inspection, the order's state, the outbox event and the
        audit entry commit together."""
        now = self.clock()
        done = self.db.run(lambda s: self._complete(s, inspection_id, verdict, inspector, now))
        if done.label is not None:
            self._print(done.label)
        return done

    # -- photos ------------------------------------------------------------------------------

    def take_photo(
        self,
        frame: object,
        kind: PhotoKind,
        inspector: UserView,
        *,
        inspection_id: str | None = None,
        unmatched_id: str | None = None,
    ) -> EvidenceView:
        """Store a camera frame as evidence of an open inspection or an unmatched parcel.

        Scoring, encoding and the fsynced write happen on the calling thread (a worker); the
        record, its audit entry and its outbox event commit together. Refused photos raise
        :class:`~station.evidence.errors.EvidenceError` with the reason in both languages.
        """
        prepared = prepare_photo(frame, kind, self.evidence)  # type: ignore[arg-type]
        return self._record(prepared, inspector, inspection_id, unmatched_id)

    def import_photo(
        self,
        path: Path,
        kind: PhotoKind,
        inspector: UserView,
        *,
        inspection_id: str | None = None,
        unmatched_id: str | None = None,
    ) -> EvidenceView:
        """A photo from a file (a phone's picture, a USB stick), checked before it is read."""
        prepared = prepare_imported(path, kind, self.evidence)
        return self._record(prepared, inspector, inspection_id, unmatched_id)

    def _record(
        self,
        prepared: PreparedPhoto,
        inspector: UserView,
        inspection_id: str | None,
        unmatched_id: str | None,
    ) -> EvidenceView:
        taken = self.clock()
        return self.db.run(
            lambda s: record_photo(
                s,
                prepared,
                inspection_id=inspection_id,
                unmatched_id=unmatched_id,
                station_id=self.station_id,
                inspector_id=inspector.id,
                taken_at=taken,
            )
        )

    def delete_photo(self, photo_id: int, inspector: UserView, reason: str) -> EvidenceView:
        now = self.clock()
        return self.db.run(
            lambda s: delete_photo(s, photo_id, actor=user_ref(inspector), reason=reason, at=now)
        )

    def keep_photo(self, photo_id: int, inspector: UserView) -> EvidenceView:
        """A flagged photo kept as it is, on purpose: it now counts toward the verdict."""
        now = self.clock()
        return self.db.run(lambda s: keep_photo(s, photo_id, actor=user_ref(inspector), at=now))

    def evidence_of(self, inspection_id: str) -> list[EvidenceView]:
        return self.db.run(lambda s: evidence_for(s, inspection_id))

    def evidence_of_unmatched(self, unmatched_id: str) -> list[EvidenceView]:
        return self.db.run(lambda s: evidence_for_unmatched(s, unmatched_id))

    def reprint(
        self,
        *,
        inspection_id: str | None = None,
        unmatched_id: str | None = None,
        inspector: UserView,
    ) -> jobs.LabelView:
        """Print the newest label of an inspection or unmatched parcel once more."""
        if self.printing is None:
            raise WorkflowError("no label printer is set up")
        history = self.db.run(lambda s: jobs.history(s, inspection_id, unmatched_id=unmatched_id))
        if not history:
            raise WorkflowError("no label to print again")
        newest = max(history, key=lambda label: label.created_at)
        return self.printing.queue.reprint(newest.id, actor=user_ref(inspector))

    def _print(self, label: jobs.LabelView) -> None:
        assert self.printing is not None
        self.printing.queue.enqueue(label)

    def _label(
        self,
        session: Session,
        inspector: UserView,
        now: datetime,
        **records: object,
    ) -> tuple[jobs.LabelView | None, str]:
        """The label row for a final verdict or an unmatched parcel, in the caller's
        transaction. A label that cannot be made never holds up the verdict: the reason is
        returned for the inspector instead."""
        if self.printing is None:
            return None, ""
        try:
            with session.begin_nested():
                data = label_data_from_records(
                    station_id=self.station_id,
                    inspector_name=inspector.display_name,
                    on=now.astimezone().date(),
                    language=self.printing.language,
                    **records,  # type: ignore[arg-type]
                )
                label = jobs.create_label(
                    session,
                    data,
                    printer=self.printing.printer,
                    size=self.printing.size,
                    actor=user_ref(inspector),
                    at=now,
                )
        except (jobs.LabelJobError, ValueError, *RENDER_ERRORS) as exc:
            log.error("no label: %s", exc)
            return None, str(exc)
        return label, ""

    def label_of(self, inspection_id: str, language: Language) -> LabelData:
        """The label of a completed inspection, as the bench printed it."""

        def work(session: Session) -> LabelData:
            row = session.get(Inspection, inspection_id)
            if row is None:
                raise LookupError(f"no inspection {inspection_id}")
            if row.state != InspectionState.COMPLETED.value:
                raise LookupError(f"inspection {inspection_id} is {row.state}, not completed")
            inspector = session.get_one(User, row.inspector_id)
            return label_data_from_records(
                station_id=row.station_id,
                inspector_name=inspector.display_name,
                inspection=inspection_view(row),
                order=order_view(load_order(session, row.return_id)),
                on=(row.completed_at or row.started_at).astimezone().date(),
                language=language,
            )

        return self.db.run(work)

    def cancel(self, inspection_id: str, inspector: UserView, reason: str = "") -> OrderView:
        now = self.clock()

        def work(session: Session) -> OrderView:
            row = self._open_row(session, inspection_id)
            row.state = InspectionState.CANCELLED.value
            order = load_order(session, row.return_id)
            if not completed_line_ids(session, order.id):
                self._transition(session, order, Action.CANCEL_INSPECTION, inspector, now)
            audit.record(
                session,
                events.InspectionCancelled(
                    inspection_id=row.id, rma_no=order.rma_no, state=order.state
                ),
                actor=user_ref(inspector),
                action="inspection_cancelled",
                entity=f"inspection:{row.id}",
                details={"rma_no": order.rma_no, "reason": reason[:200]},
                at=now,
                binds=[row],
            )
            session.flush()
            return order_view(order)

        return self.db.run(work)

    # -- steps, each inside the caller's transaction ------------------------------------------

    def _receive_unmatched(
        self, session: Session, code: str, inspector: UserView, now: datetime
    ) -> ParcelUnmatched:
        existing = session.scalar(
            select(UnmatchedParcel).where(
                UnmatchedParcel.code == code, UnmatchedParcel.resolved_return_id.is_(None)
            )
        )
        if existing is not None:
            return ParcelUnmatched(unmatched_view(existing), resumed=True)
        parcel = UnmatchedParcel(
            id=str(uuid7()),
            code=code,
            station_id=self.station_id,
            inspector_id=inspector.id,
            received_at=now,
        )
        session.add(parcel)
        session.flush()
        audit.record(
            session,
            events.ParcelUnmatched(
                unmatched_id=parcel.id, code=code, inspector=inspector.badge_id, received_at=now
            ),
            actor=user_ref(inspector),
            action="parcel_unmatched",
            entity=f"unmatched:{parcel.id}",
            details={"code": code},
            at=now,
        )
        view = unmatched_view(parcel)
        label, _ = self._label(session, inspector, now, unmatched=view)
        return ParcelUnmatched(view, resumed=False, label=label)

    def _start_or_resume(
        self, session: Session, order: ReturnOrder, inspector: UserView, now: datetime
    ) -> ScanOutcome:
        current = open_inspection(session, order.id)
        if current is not None:
            if current.inspector_id != inspector.id:
                audit.append(
                    session,
                    actor=user_ref(inspector),
                    action="inspection_taken_over",
                    entity=f"inspection:{current.id}",
                    details={"from_user_id": current.inspector_id},
                    at=now,
                )
                current.inspector_id = inspector.id
                session.flush()
            line = next(line for line in order.lines if line.id == current.return_line_id)
            view, line_record = order_view(order), line_view(line)
            return InspectionStarted(
                view,
                line_record,
                inspection_view(current),
                resumed=True,
                checklist=self._checklist(session, current, view, line_record, now),
            )
        done = completed_line_ids(session, order.id)
        pending = [line for line in order.lines if line.id not in done]
        state = OrderState(order.state)
        try:
            if state is OrderState.IN_TRANSIT:
                state = self._transition(session, order, Action.RECEIVE, inspector, now)
                order.warehouse_received_at = now
            if state is not OrderState.INSPECTING:
                state = self._transition(session, order, Action.START_INSPECTION, inspector, now)
        except IllegalTransition as exc:
            return NotInspectable(order_view(order), str(exc))
        if not pending:
            return NotInspectable(order_view(order), "every item of the order is inspected")
        line = pending[0]
        template = self.rulebook.for_category(line_view(line).category)
        row = Inspection(
            id=str(uuid7()),
            return_id=order.id,
            return_line_id=line.id,
            station_id=self.station_id,
            inspector_id=inspector.id,
            template_id=template.id,
            template_version=template.version,
            state=InspectionState.OPEN.value,
            started_at=now,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            events.InspectionStarted(
                inspection_id=row.id,
                rma_no=order.rma_no,
                line_no=line.line_no,
                inspector=inspector.badge_id,
                template=events.TemplateRef(id=template.id, version=template.version),
                started_at=now,
            ),
            actor=user_ref(inspector),
            action="inspection_started",
            entity=f"inspection:{row.id}",
            details={"rma_no": order.rma_no, "line_no": line.line_no, "sku": line.sku},
            at=now,
            binds=[row],
        )
        view, line_record = order_view(order), line_view(line)
        return InspectionStarted(
            view,
            line_record,
            inspection_view(row),
            resumed=False,
            checklist=self._checklist(session, row, view, line_record, now),
        )

    def _checklist(
        self,
        session: Session,
        row: Inspection,
        order: OrderView,
        line: LineView,
        now: datetime,
    ) -> Checklist:
        template = self._template_of(session, row, line)
        policy = self.rulebook.policy
        return Checklist(
            template=template,
            facts=facts_for(order, line, now.astimezone().date(), policy),
            expected=expected_for(line),
            policy=policy,
            answers=dict(row.answers),
            photos=dict(photo_kinds_present(session, row.id)),
        )

    def _template_of(self, session: Session, row: Inspection, line: LineView) -> Template:
        if row.template_id is None or row.template_version is None:
            template = self.rulebook.for_category(line.category)
            row.template_id, row.template_version = template.id, template.version
            return template
        return self.rulebook.version(session, row.template_id, row.template_version)

    def _transition(
        self,
        session: Session,
        order: ReturnOrder,
        action: Action,
        inspector: UserView,
        now: datetime,
        context: TransitionContext | None = None,
    ) -> OrderState:
        before = OrderState(order.state)
        after = next_state(before, Actor.STATION, action, context)
        order.state = after.value
        audit.append(
            session,
            actor=user_ref(inspector),
            action=f"order_{action.value}",
            entity=f"return:{order.rma_no}",
            details={"from": before.value, "to": after.value},
            at=now,
        )
        session.flush()
        return after

    def _open_row(self, session: Session, inspection_id: str) -> Inspection:
        row = session.get(Inspection, inspection_id)
        if row is None:
            raise WorkflowError(f"no inspection {inspection_id}")
        if row.state != InspectionState.OPEN.value:
            raise WorkflowError(f"inspection {inspection_id} is already {row.state}")
        return row

    def _complete(
        self,
        session: Session,
        inspection_id: str,
        verdict: Verdict,
        inspector: UserView,
        now: datetime,
    ) -> Completion:
        row = self._open_row(session, inspection_id)
        order = load_order(session, row.return_id)
        line = next(line for line in order.lines if line.id == row.return_line_id)
        checklist = self._checklist(session, row, order_view(order), line_view(line), now)
        evaluation = checklist.evaluate(answers=dict(verdict.answers))
        if not evaluation.complete:
            if evaluation.invalid:
                qid, why = evaluation.invalid[0]
                raise WorkflowError(f"answer to {qid} does not fit: {why}")
            raise IncompleteInspection(evaluation.unanswered, evaluation.missing_photos)
        proposed = decide(evaluation, checklist.template, line.unit_price_fen * line.qty)
        if not verdict.overridden and _outcome(verdict) != _outcome(proposed):
            raise WorkflowError("the verdict differs from the proposal; override it with a reason")
        if verdict.template_id not in (None, checklist.template.id):
            raise WorkflowError("the verdict was made with another checklist")
        row.inspector_id = inspector.id
        row.grade = verdict.grade.value
        row.disposition = verdict.disposition.value
        row.refund_kind = verdict.refund_kind.value
        row.refund_fen = verdict.refund_fen
        row.refund_reason = verdict.refund_reason
        row.responsibility = verdict.responsibility.value
        row.carrier_claim = verdict.carrier_claim
        row.answers = dict(evaluation.answers)
        row.proposal = evaluation.proposal.as_dict()
        row.rules_fired = [
            {"id": rule.id, "zh_CN": rule.zh_CN, "en": rule.en}
            for rule in evaluation.proposal.rules
        ]
        row.overridden = verdict.overridden
        row.override_code = verdict.override_code.value if verdict.override_code else ""
        row.override_reason = verdict.override_reason
        row.needs_review = evaluation.proposal.needs_review or verdict.overridden
        row.state = InspectionState.COMPLETED.value
        row.completed_at = now
        session.flush()
        done = completed_line_ids(session, order.id)
        remaining = [line for line in order.lines if line.id not in done]
        if not remaining:
            self._transition(
                session,
                order,
                Action.COMPLETE_INSPECTION,
                inspector,
                now,
                TransitionContext(all_lines_inspected=True),
            )
        event_id = audit.record(
            session,
            _completed_event(row, verdict, order, line, inspector),
            actor=user_ref(inspector),
            action="inspection_completed",
            entity=f"inspection:{row.id}",
            details={
                "rma_no": order.rma_no,
                "grade": row.grade,
                "disposition": row.disposition,
                "refund": row.refund_kind,
                "refund_fen": row.refund_fen,
                "overridden": row.overridden,
            },
            at=now,
            binds=[row],
        )
        finished = inspection_view(row)
        final_order = order_view(order)
        label, label_error = self._label(
            session, inspector, now, inspection=finished, order=final_order
        )
        return Completion(
            finished,
            final_order,
            line_view(remaining[0]) if remaining else None,
            event_id,
            label,
            label_error,
        )


def _outcome(verdict: Verdict) -> tuple[object, ...]:
    return (
        verdict.grade,
        verdict.disposition,
        verdict.refund_kind,
        verdict.refund_fen,
        verdict.responsibility,
    )


def _completed_event(
    row: Inspection, verdict: Verdict, order: ReturnOrder, line: ReturnLine, inspector: UserView
) -> events.InspectionCompleted:
    return events.InspectionCompleted(
        inspection_id=row.id,
        rma_no=order.rma_no,
        order_state=order.state,
        line_no=line.line_no,
        sku=line.sku,
        inspector=inspector.badge_id,
        template=events.TemplateRef(id=row.template_id, version=row.template_version),
        answers=row.answers,
        rules_fired=row.rules_fired,
        proposal=row.proposal,
        verdict=events.VerdictBody(
            grade=verdict.grade,
            disposition=verdict.disposition,
            refund_kind=verdict.refund_kind,
            refund_fen=verdict.refund_fen,
            refund_reason=verdict.refund_reason,
            responsibility=verdict.responsibility,
            carrier_claim=verdict.carrier_claim,
        ),
        overridden=row.overridden,
        override_reason=row.override_reason,
        needs_review=row.needs_review,
        started_at=row.started_at,
        completed_at=row.completed_at,
    )
