"""Publishing to every station: expected returns, checklist templates, users, decisions.

Each published thing keeps its latest version in its own table, so publishing the same thing
again is recognised and appends no change; a real update appends one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db.models import (
    DecisionRecord,
    InspectionRecord,
    ReturnRecord,
    TemplateRecord,
    UserRecord,
)
from central.services import changes
from central.services.errors import Conflict, Invalid, NotFound
from central.services.jsonsafe import digest, problem
from station.protocol.enums import Actor, OrderState
from station.protocol.errors import QcFileError
from station.protocol.events import Decision
from station.protocol.manifest import ManifestOrder
from station.protocol.states import TRANSITIONS
from station.protocol.template_parse import parse_template
from station.protocol.wire import ChangeKind, TemplateChange, UserChange

# who may move an expected return before it reaches the bench (the station does the rest)
_PUBLISHERS = {Actor.PLATFORM, Actor.CUSTOMER, Actor.CARRIER}
_ALLOWED = {(t.state, t.next) for t in TRANSITIONS if t.actor in _PUBLISHERS}
_CHUNK = 900  # bound parameters per query stay well under every database's limit


@dataclass(frozen=True, slots=True)
class Outcome:
    published: int
    unchanged: int
    cursor: int  # seq of the last change appended (0: none)


def publish_returns(session: Session, orders: Sequence[ManifestOrder], now: datetime) -> Outcome:
    """All rows or none: a row that cannot be published (a repeated RMA, a state the RMA
    cannot move to from its published one) refuses them all."""
    seen: dict[str, int] = {}
    for row, order in enumerate(orders):
        if order.rma_no in seen:
            raise Invalid(f"row {row}: rma_no {order.rma_no} repeats row {seen[order.rma_no]}")
        seen[order.rma_no] = row
    rmas = list(seen)
    existing = {
        r.rma_no: r
        for start in range(0, len(rmas), _CHUNK)
        for r in session.scalars(
            select(ReturnRecord).where(ReturnRecord.rma_no.in_(rmas[start : start + _CHUNK]))
        )
    }
    problems = [
        f"row {row}: {order.rma_no} cannot go from {existing[order.rma_no].state} to {order.state}"
        for row, order in enumerate(orders)
        if order.rma_no in existing
        and not _may_move(OrderState(existing[order.rma_no].state), order.state)
    ]
    if problems:
        raise Invalid("; ".join(problems[:20]))
    published = unchanged = last = 0
    for order in orders:
        body = manifest_body(order)
        _storable(body, f"return {order.rma_no}")
        body_sha = digest(body)
        current = existing.get(order.rma_no)
        if current is not None and current.body_sha256 == body_sha:
            unchanged += 1
            continue
        last = changes.publish(session, ChangeKind.RETURN, order.rma_no, body, now)
        if current is None:
            session.add(
                ReturnRecord(
                    rma_no=order.rma_no,
                    state=order.state.value,
                    body=body,
                    body_sha256=body_sha,
                    change_seq=last,
                    updated_at=now,
                )
            )
        else:
            current.state, current.body, current.body_sha256 = order.state.value, body, body_sha
            current.change_seq, current.updated_at = last, now
        published += 1
    session.flush()
    return Outcome(published, unchanged, last)


def manifest_body(order: ManifestOrder) -> dict[str, Any]:
    """The row as a manifest row again, so the station reads it with the same model: prices
    go back to yuan (the model turns ``"199.00"`` into 19900 fen on the way in)."""
    body = order.model_dump(mode="json")
    for line in body["lines"]:
        fen = int(line["unit_price"])
        line["unit_price"] = f"{fen // 100}.{fen % 100:02d}"
    return body


def _may_move(before: OrderState, after: OrderState) -> bool:
    return before == after or (before, after) in _ALLOWED


def publish_template(session: Session, change: TemplateChange, now: datetime) -> Outcome:
    """A template version is immutable: the same body again is fine, another body is not."""
    _storable(change.model_dump(mode="json"), "the template")
    try:
        parsed = parse_template(change.body, f"{change.template_id}@{change.version}")
    except QcFileError as exc:
        raise Invalid(f"the template does not load: {exc}") from exc
    if (parsed.id, parsed.version) != (change.template_id, change.version):
        raise Invalid(
            f"the body is template {parsed.id} version {parsed.version}, "
            f"not {change.template_id} version {change.version}"
        )
    body = change.model_dump(mode="json")
    body_sha = digest(body)
    row = session.get(TemplateRecord, (change.template_id, change.version))
    if row is not None:
        if row.body_sha256 == body_sha:
            return Outcome(0, 1, 0)
        raise Conflict(
            f"template {change.template_id} version {change.version} was published with "
            "another body; publish a new version instead"
        )
    seq = changes.publish(session, ChangeKind.TEMPLATE, change.template_id, body, now)
    session.add(
        TemplateRecord(
            template_id=change.template_id,
            version=change.version,
            body=change.body,
            body_sha256=body_sha,
            change_seq=seq,
            published_at=now,
        )
    )
    session.flush()
    return Outcome(1, 0, seq)


def publish_user(session: Session, change: UserChange, now: datetime) -> Outcome:
    body = change.model_dump(mode="json")
    _storable(body, "the user")
    body_sha = digest(body)
    row = session.get(UserRecord, change.badge_id)
    if row is not None and row.body_sha256 == body_sha:
        return Outcome(0, 1, 0)
    seq = changes.publish(session, ChangeKind.USER, change.badge_id, body, now)
    if row is None:
        session.add(
            UserRecord(
                badge_id=change.badge_id,
                body=body,
                body_sha256=body_sha,
                change_seq=seq,
                updated_at=now,
            )
        )
    else:
        row.body, row.body_sha256, row.change_seq, row.updated_at = body, body_sha, seq, now
    session.flush()
    return Outcome(1, 0, seq)


def _storable(body: dict[str, Any], what: str) -> None:
    if (why := problem(body)) is not None:
        raise Invalid(f"{what} {why}")


def record_decision(session: Session, decision: Decision, *, source: str, now: datetime) -> Outcome:
    """Store a decision, update its inspection's flags and publish it to every station.

    The same decision again changes nothing; its id with other content is a conflict."""
    body = decision.model_dump(mode="json")
    _storable(body, "the decision")
    body_sha = digest(body)
    row = session.get(DecisionRecord, decision.decision_id)
    if row is not None:
        if row.body_sha256 == body_sha:
            return Outcome(0, 1, 0)
        raise Conflict(f"decision {decision.decision_id} was already made with other content")
    session.add(
        DecisionRecord(
            decision_id=decision.decision_id,
            inspection_id=decision.inspection_id,
            approve=decision.approve,
            body=body,
            body_sha256=body_sha,
            decided_at=decision.decided_at,
            source=source[:40],
            received_at=now,
        )
    )
    session.flush()
    inspection = session.get(InspectionRecord, decision.inspection_id)
    if inspection is not None:
        refresh_review(session, inspection, now)
    seq = changes.publish(session, ChangeKind.DECISION, decision.decision_id, body, now)
    return Outcome(1, 0, seq)


def decide_at_central(session: Session, decision: Decision, now: datetime) -> Outcome:
    if session.get(InspectionRecord, decision.inspection_id) is None:
        raise NotFound(f"no inspection {decision.inspection_id}")
    return record_decision(session, decision, source="central", now=now)


def refresh_review(session: Session, inspection: InspectionRecord, now: datetime) -> None:
    """The newest decision rules: overturned unless it approved the verdict; reviewed."""
    latest = session.scalar(
        select(DecisionRecord.approve)
        .where(DecisionRecord.inspection_id == inspection.id)
        .order_by(DecisionRecord.decided_at.desc(), DecisionRecord.received_at.desc())
        .limit(1)
    )
    inspection.overturned = latest is not None and not latest
    inspection.needs_review = inspection.review_requested and latest is None
    inspection.updated_at = now
    session.flush()
