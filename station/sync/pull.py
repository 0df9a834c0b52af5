"""Pulling changes from the central service: each page is applied in one transaction together
with its cursor, so the cursor never moves ahead of the data it covers, and a page that does
not hold together is refused whole.

A supervisor's decision is applied here whether it was pulled or made at this station
(:func:`apply_decision`); one that changes the verdict of an inspection done here owes the item
a corrected label, requested in the decision's own transaction (the print queue makes it).

A dispute's hold (:func:`apply_hold`) keeps the clips of an inspection recorded here past their
retention, or lifts the hold once central says no dispute needs them any more; a hold an
operator set by hand (``station video hold``) is never lifted by central."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from typing import Final

from pydantic import ValidationError
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station.domain.holds import DISPUTE_HOLD_PREFIX, MAX_HOLD_CHARS
from station.domain.outcome import OUTCOME_FIELDS, Outcome
from station.protocol.enums import (
    OrderState,
    Role,
)
from station.protocol.errors import QcFileError
from station.protocol.events import Decision
from station.protocol.manifest import ManifestOrder
from station.protocol.template import Template
from station.protocol.template_parse import parse_template
from station.protocol.wire import (
    Change,
    ChangeKind,
    ChangesPage,
    EvidenceHold,
    TemplateChange,
    UserChange,
)
from station.security import audit
from station.security.actors import user_ref
from station.store.database import Database
from station.store.models import (
    Clip,
    Inspection,
    LabelRequest,
    OutboxEvent,
    ReturnLine,
    ReturnOrder,
    ReturnTracking,
    SyncCursor,
    User,
)
from station.store.templates import keep_template
from station.sync.client import CentralClient
from station.sync.manifest import existing_values, insert_orders

log = logging.getLogger(__name__)

STREAM = "changes"
# The bench has the parcel from "received" on; central's earlier states must not undo that.
_BENCH_STATES = {OrderState.RECEIVED, OrderState.INSPECTING, OrderState.INSPECTED}
_BEFORE_BENCH = {OrderState.REQUESTED, OrderState.APPROVED, OrderState.IN_TRANSIT}
# a decision changing any of these owns the refund's explanation from then on
_REFUND_FIELDS: Final = frozenset({"disposition", "refund_kind", "refund_fen"})
# what the item's label shows: a change to any of them needs a new label
_PRINTED_FIELDS: Final = _REFUND_FIELDS | {"grade"}
# how a clip's hold reads when a dispute at central set it: only such a hold is lifted by
# central; any other reason is an operator's (`station video hold`) and stays


class BadPage(Exception):
    """A page of changes that cannot be applied; nothing of it was."""


@dataclass(frozen=True, slots=True)
class AppliedDecision:
    """A supervisor's decision as this station applied it: what the bench is told."""

    inspection_id: str
    rma_no: str
    decision_id: str
    decided_by: str  # the supervisor's badge
    decided_at: datetime
    approve: bool
    reason: str
    before: Outcome  # the verdict in force until this decision
    after: Outcome
    changed: tuple[str, ...]  # the fields whose value changed; none for an approval
    relabel: bool  # the item here is owed a corrected label (requested; printed after commit)


@dataclass(slots=True)
class PullReport:
    pages: int = 0
    applied: int = 0
    skipped: int = 0
    templates: tuple[Template, ...] = ()
    decisions: tuple[AppliedDecision, ...] = ()  # applied to this station's inspections


def cursor(session: Session) -> str | None:
    row = session.get(SyncCursor, STREAM)
    return row.cursor if row else None


def apply_page(
    session: Session, page: ChangesPage, *, previous: str | None, station_id: str, now: datetime
) -> PullReport:
    """Apply every change of ``page`` and move the cursor, in the caller's transaction."""
    before = int(previous) if previous is not None else 0
    after = int(page.cursor)
    if after < before:
        raise BadPage(f"the cursor went backwards ({before} → {after})")
    seqs = [c.seq for c in page.changes]
    if seqs != sorted(set(seqs)) or any(not before < s <= after for s in seqs):
        raise BadPage("changes out of order or outside the page's cursor")
    report = PullReport(pages=1)
    report.applied += _apply_returns(
        session, [c for c in page.changes if c.kind is ChangeKind.RETURN]
    )
    templates: list[Template] = []
    decisions: list[AppliedDecision] = []
    for change in page.changes:
        if change.kind is ChangeKind.RETURN:
            continue
        try:
            outcome = _APPLY[change.kind](session, change, station_id, now)
        except ValidationError as exc:
            raise BadPage(f"change {change.seq} ({change.kind}) is malformed: {exc}") from exc
        if isinstance(outcome, Template):
            templates.append(outcome)
        if isinstance(outcome, AppliedDecision):
            decisions.append(outcome)
        if outcome is None:
            report.skipped += 1
        else:
            report.applied += 1
    row = session.get(SyncCursor, STREAM)
    if row is None:
        session.add(SyncCursor(stream=STREAM, cursor=page.cursor, updated_at=now))
    else:
        row.cursor, row.updated_at = page.cursor, now
    session.flush()
    report.templates = tuple(templates)
    report.decisions = tuple(decisions)
    return report


def _apply_returns(session: Session, changes: list[Change]) -> int:
    """Expected returns of a page, in bulk: one query for what exists, one insert of what is
    new (a page can carry a thousand rows)."""
    orders: dict[str, ManifestOrder] = {}
    for change in changes:  # in seq order: a later row of the same RMA wins
        try:
            order = ManifestOrder.model_validate(change.body)
        except ValidationError as exc:
            raise BadPage(f"change {change.seq} (return) is malformed: {exc}") from exc
        orders[order.rma_no] = order
    rmas = list(orders)
    existing = {
        row.rma_no: row
        for start in range(0, len(rmas), 900)
        for row in session.scalars(
            select(ReturnOrder).where(ReturnOrder.rma_no.in_(rmas[start : start + 900]))
        )
    }
    fresh: list[ManifestOrder] = []
    for rma, order in orders.items():
        row = existing.get(rma)
        if row is None:
            fresh.append(order)
        elif not (OrderState(row.state) in _BENCH_STATES and order.state in _BEFORE_BENCH):
            row.state = order.state.value  # unless the station is ahead: it has the parcel
    numbers = [t.tracking_no for order in fresh for t in order.tracking]
    taken = existing_values(session, ReturnTracking.tracking_no, numbers)
    clean: list[ManifestOrder] = []
    for order in fresh:
        keep = [t for t in order.tracking if t.tracking_no not in taken]
        if len(keep) != len(order.tracking):  # another order's parcel: keep the order only
            log.warning("%s: a tracking number already belongs to another order", order.rma_no)
            order = order.model_copy(update={"tracking": keep})
        taken.update(t.tracking_no for t in keep)
        clean.append(order)
    insert_orders(session, clean)
    return len(changes)


def _template(session: Session, change: Change, station: str, now: datetime) -> object:
    body = TemplateChange.model_validate(change.body)
    try:
        template = parse_template(body.body, f"{body.template_id}@{body.version}")
    except QcFileError as exc:
        _refused(session, change, str(exc), station, now)
        return None
    if template.id != body.template_id or template.version != body.version:
        _refused(session, change, "id or version differs from the template's own", station, now)
        return None
    if not keep_template(session, template, at=now):
        _refused(session, change, "that version exists with other content", station, now)
        return None
    return template


def _user(session: Session, change: Change, station: str, now: datetime) -> object:
    body = UserChange.model_validate(change.body)
    row = session.scalar(select(User).where(User.badge_id == body.badge_id))
    if row is None:
        row = User(
            badge_id=body.badge_id,
            display_name=body.display_name,
            role=body.role.value,
            pin_hash=body.pin_hash,
            active=body.active,
        )
        session.add(row)
    else:
        row.display_name, row.role = body.display_name, body.role.value
        row.pin_hash, row.active = body.pin_hash, body.active
    row.badge_bound = body.badge_bound
    if body.locked_until is not None:  # wrong PINs at other stations count here too
        central_lock = body.locked_until.astimezone(UTC)
        if row.locked_until is None or row.locked_until < central_lock:
            row.locked_until = central_lock
    session.flush()
    audit.append(
        session,
        actor="central",
        action="user_synced",
        entity=user_ref(body),
        details={"role": body.role.value, "active": body.active},
        at=now,
    )
    return body


def _decision(session: Session, change: Change, station: str, now: datetime) -> object:
    decision = Decision.model_validate(change.body)
    row = session.get(Inspection, decision.inspection_id)
    if row is None:
        return decision  # made about another station's inspection
    if row.decision is not None:
        applied = Decision.model_validate(row.decision)
        if applied.decision_id == decision.decision_id or applied.decided_at > decision.decided_at:
            return decision  # already applied, or superseded by a later one already here
    if (why := _decision_problem(session, row, decision)) is not None:
        _refused(session, change, why, station, now)
        return None
    return apply_decision(session, row, decision, now, here=row.station_id == station)


def _decision_problem(session: Session, row: Inspection, decision: Decision) -> str | None:
    """Central checked the decision; this station checks again what it can before it
    changes a verdict: a reviewer it knows made it, and the refund fits the order line."""
    reviewer = session.scalar(select(User).where(User.badge_id == decision.decided_by))
    if reviewer is None or not reviewer.active or reviewer.role not in _REVIEWER_ROLES:
        return f"{decision.decided_by or 'nobody'} is not an active supervisor here"
    line = session.get(ReturnLine, row.return_line_id)
    if decision.refund_fen is not None and line is not None:
        limit = line.unit_price_fen * line.qty
        if decision.refund_fen > limit:
            return f"a refund of {decision.refund_fen} fen is more than the line ({limit} fen)"
    return None


_REVIEWER_ROLES: Final = frozenset({Role.SUPERVISOR.value, Role.ADMIN.value})


def apply_decision(
    session: Session,
    row: Inspection,
    decision: Decision,
    now: datetime,
    *,
    here: bool,
    sent: OutboxEvent | None = None,
) -> AppliedDecision:
    """Central wins: the decision replaces the verdict; the station's own is kept beside it.

    ``here``: the inspection was done at this station, so the item is here; a decision that
    changes what its label shows requests a corrected label in this transaction. A decision that
    changes the refund or the disposition gives the refund its explanation: the supervisor's
    reason, never the inspector's.

    ``sent``: the outbox event a decision made here goes out in; the audit entry that records
    the decision binds it together with the inspection.
    """
    before = Outcome.of(row)
    if row.station_verdict is None:
        row.station_verdict = {f: getattr(row, f) for f in OUTCOME_FIELDS} | {
            "refund_reason": row.refund_reason,
            "override_reason": row.override_reason,
        }
    if not decision.approve:
        for field in OUTCOME_FIELDS:
            value = getattr(decision, field)
            if value is not None:
                setattr(row, field, value.value if hasattr(value, "value") else value)
    after = Outcome.of(row)
    changed = tuple(f for f in OUTCOME_FIELDS if getattr(before, f) != getattr(after, f))
    if _REFUND_FIELDS.intersection(changed):
        row.refund_reason = decision.reason
    row.overturned = any(row.station_verdict.get(f) != getattr(row, f) for f in OUTCOME_FIELDS)
    row.needs_review = False
    row.decision = decision.model_dump(mode="json")
    relabel = here and bool(_PRINTED_FIELDS.intersection(changed))
    if relabel:
        session.add(
            LabelRequest(
                inspection_id=row.id,
                decision_id=decision.decision_id,
                decided_by=decision.decided_by,
                requested_at=now,
            )
        )
    session.flush()
    audit.append(
        session,
        actor=f"supervisor:{decision.decided_by}",
        action="verdict_overturned" if changed else "verdict_approved",
        entity=f"inspection:{row.id}",
        details={
            "decision_id": decision.decision_id,
            "decided_at": decision.decided_at.isoformat(),
            "approve": decision.approve,
            "station_verdict": _stored(before),
            "decided": _stored(after),
            "reason": decision.reason,
            "corrected_label": relabel,
        }
        | ({"event_id": sent.event_id} if sent is not None else {}),
        at=now,
        binds=[row] if sent is None else [row, sent],
    )
    order = session.get_one(ReturnOrder, row.return_id)
    return AppliedDecision(
        inspection_id=row.id,
        rma_no=order.rma_no,
        decision_id=decision.decision_id,
        decided_by=decision.decided_by,
        decided_at=decision.decided_at,
        approve=decision.approve,
        reason=decision.reason,
        before=before,
        after=after,
        changed=changed,
        relabel=relabel,
    )


def _stored(verdict: Outcome) -> dict[str, object]:
    """The fields as the inspection row stores them (codes as text)."""
    values = {f: getattr(verdict, f) for f in OUTCOME_FIELDS}
    return {f: v.value if isinstance(v, StrEnum) else v for f, v in values.items()}


def _refused(session: Session, change: Change, why: str, station: str, now: datetime) -> None:
    log.error("change %d (%s) refused: %s", change.seq, change.kind, why)
    audit.append(
        session,
        actor=f"station:{station}",
        action="change_refused",
        entity=f"change:{change.seq}",
        details={"kind": change.kind, "why": why[:300]},
        at=now,
    )


def _hold(session: Session, change: Change, station: str, now: datetime) -> object:
    hold = EvidenceHold.model_validate(change.body)
    return hold if apply_hold(session, hold, now, seq=change.seq) else None


def dispute_hold_reason(hold: EvidenceHold) -> str:
    """What a clip's hold says while ``hold``'s dispute keeps it."""
    reason = f": {hold.reason}" if hold.reason else ""
    return f"{DISPUTE_HOLD_PREFIX}{hold.dispute}{reason}"[:MAX_HOLD_CHARS]


def apply_hold(session: Session, hold: EvidenceHold, now: datetime, *, seq: int = 0) -> int:
    """Hold or release every clip of the inspection here, the close-up camera's sibling takes
    too; how many clips it found (0: none here, e.g. another station's inspection).

    A hold replaces an earlier dispute's reason but keeps an operator's (the clip is held
    either way); a release lifts only a hold a dispute set. Each clip whose hold changed, or
    whose operator's hold stays, gets an audit entry in central's name."""
    found = clips_of_inspection(session, hold.inspection_id)
    if not found:
        if session.get(Inspection, hold.inspection_id) is not None:
            log.warning("a dispute's hold on inspection %s: it has no clip", hold.inspection_id)
        return 0
    wanted = dispute_hold_reason(hold) if hold.held else ""
    for clip in found:
        by_hand = bool(clip.hold) and not clip.hold.startswith(DISPUTE_HOLD_PREFIX)
        if by_hand:
            action = "clip_hold" if hold.held else "clip_hold_kept"
        elif clip.hold != wanted:
            clip.hold = wanted
            action = "clip_hold" if hold.held else "clip_released"
        else:
            continue  # as central says already
        if hold.held and clip.purged_at is not None:
            log.warning("clip %s held for dispute %s: its file is gone", clip.id, hold.dispute)
        session.flush()
        audit.append(
            session,
            actor="central",
            action=action,
            entity=f"clip:{clip.id}",
            details={
                "reason": clip.hold,
                "dispute": hold.dispute,
                "inspection_id": hold.inspection_id,
                "change": seq,
                "by_hand": by_hand,
                "purged": clip.purged_at is not None,
            },
            at=now,
        )
    return len(found)


def clips_of_inspection(session: Session, inspection_id: str) -> list[Clip]:
    """An inspection's clips and their sibling takes (a close-up camera's, either way round),
    the first take first."""
    own = list(session.scalars(select(Clip).where(Clip.inspection_id == inspection_id)))
    if not own:
        return []
    ids = [c.id for c in own]
    mains = [c.sibling_of for c in own if c.sibling_of]
    siblings = session.scalars(
        select(Clip).where(or_(Clip.sibling_of.in_(ids), Clip.id.in_(mains)))
    )
    found = {c.id: c for c in [*own, *siblings]}
    return sorted(found.values(), key=lambda c: (c.started_at, c.id))


_APPLY: dict[ChangeKind, Callable[[Session, Change, str, datetime], object]] = {
    ChangeKind.TEMPLATE: _template,
    ChangeKind.USER: _user,
    ChangeKind.DECISION: _decision,
    ChangeKind.HOLD: _hold,
}


def pull_once(
    db: Database,
    client: CentralClient,
    *,
    station_id: str,
    clock: Callable[[], datetime],
    page_size: int = 500,
    max_pages: int = 1_000_000,
) -> PullReport:
    """Pull until the central service has nothing more; raises the client's errors and
    :class:`BadPage`."""
    total = PullReport()
    templates: list[Template] = []
    decisions: list[AppliedDecision] = []
    for _ in range(max_pages):
        since = db.run(cursor)
        page = client.get_changes(since, limit=page_size)
        report = db.run(
            partial(apply_page, page=page, previous=since, station_id=station_id, now=clock())
        )
        total.pages += 1
        total.applied += report.applied
        total.skipped += report.skipped
        templates.extend(report.templates)
        decisions.extend(report.decisions)
        if not page.more:
            break
    total.templates = tuple(templates)
    total.decisions = tuple(decisions)
    return total
