"""Publishing to every station: expected returns, checklist templates, users, decisions.

Each published thing keeps its latest version in its own table, so publishing the same thing
again is recognised and appends no change; a real update appends one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central.db.models import (
    DecisionRecord,
    InspectionRecord,
    ReturnRecord,
    ReturnWaybill,
    TemplateRecord,
    UserRecord,
)
from central.db.session import in_chunks
from central.services import changes
from central.services.errors import Conflict, Invalid, NotFound
from central.services.jsonsafe import digest, problem
from central.services.plausible import implausible
from central.services.stations import warehouse_of
from station.protocol.enums import Actor, OrderState
from station.protocol.errors import QcFileError
from station.protocol.events import Decision
from station.protocol.manifest import ManifestOrder
from station.protocol.masking import mask_customer
from station.protocol.states import TRANSITIONS
from station.protocol.template_parse import parse_template
from station.protocol.wire import ChangeKind, TemplateChange, UserChange

# who may move an expected return before it reaches the bench (the station does the rest)
_PUBLISHERS = {Actor.PLATFORM, Actor.CUSTOMER, Actor.CARRIER}
_ALLOWED = {(t.state, t.next) for t in TRANSITIONS if t.actor in _PUBLISHERS}


@dataclass(frozen=True, slots=True)
class Outcome:
    published: int
    unchanged: int
    cursor: int  # seq of the last change appended (0: none)


def publish_returns(
    session: Session,
    orders: Sequence[ManifestOrder],
    now: datetime,
    warehouse: str | None = None,
) -> Outcome:
    """All rows or none: a row that cannot be published (a repeated RMA, a state the RMA
    cannot move to from its published one) refuses them all. ``warehouse``: only its
    stations get them (None: every station).

    Stations get the customer masked; the raw name and phone stay here, apart, until
    :func:`erase_personal_data` removes them."""
    seen: dict[str, int] = {}
    for row, order in enumerate(orders):
        if order.rma_no in seen:
            raise Invalid(f"row {row}: rma_no {order.rma_no} repeats row {seen[order.rma_no]}")
        seen[order.rma_no] = row
    rmas = list(seen)
    existing = {
        r.rma_no: r
        for part in in_chunks(rmas)
        for r in session.scalars(select(ReturnRecord).where(ReturnRecord.rma_no.in_(part)))
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
        body_sha = digest({"body": body, "warehouse": warehouse})
        current = existing.get(order.rma_no)
        personal = personal_data(order)
        if current is not None and current.body_sha256 == body_sha:
            if personal and current.personal is None:
                current.personal = personal
            unchanged += 1
            continue
        last = changes.publish(
            session, ChangeKind.RETURN, order.rma_no, body, now, warehouse=warehouse
        )
        if current is None:
            session.add(
                ReturnRecord(
                    rma_no=order.rma_no,
                    state=order.state.value,
                    body=body,
                    body_sha256=body_sha,
                    change_seq=last,
                    updated_at=now,
                    warehouse=warehouse,
                    personal=personal,
                    order_no=order.order_no,
                )
            )
        else:
            current.state, current.body, current.body_sha256 = order.state.value, body, body_sha
            current.change_seq, current.updated_at = last, now
            current.warehouse, current.personal = warehouse, personal or current.personal
            current.order_no = order.order_no
        _index_waybills(session, order)
        published += 1
    session.flush()
    return Outcome(published, unchanged, last)


def _index_waybills(session: Session, order: ManifestOrder) -> None:
    """The waybills the return travels under, for finding it by the parcel's label."""
    for number in {t.tracking_no for t in order.tracking}:
        session.merge(ReturnWaybill(waybill=number, rma_no=order.rma_no))


def manifest_body(order: ManifestOrder) -> dict[str, Any]:
    """The row as a manifest row again, so the station reads it with the same model: prices
    go back to yuan (the model turns ``"199.00"`` into 19900 fen on the way in); the
    customer only masked."""
    body = order.model_dump(mode="json")
    for line in body["lines"]:
        fen = int(line["unit_price"])
        line["unit_price"] = f"{fen // 100}.{fen % 100:02d}"
    body["customer_masked"] = order.customer_masked or mask_customer(
        order.customer_name, order.customer_phone
    )
    body["customer_name"] = body["customer_phone"] = ""
    return body


def personal_data(order: ManifestOrder) -> dict[str, Any] | None:
    raw = {"customer_name": order.customer_name, "customer_phone": order.customer_phone}
    return raw if any(raw.values()) else None


def erase_personal_data(session: Session, now: datetime, days: int) -> int:
    """Forget raw names and phones published more than ``days`` ago; how many."""
    result = session.execute(
        update(ReturnRecord)
        .where(
            ReturnRecord.personal.is_not(None), ReturnRecord.updated_at < now - timedelta(days=days)
        )
        .values(personal=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def refund_limit(session: Session, inspection: InspectionRecord) -> int | None:
    """The most a refund on this inspection can be: its order line's value (all lines' when
    the line is not known); None when this service does not know the order."""
    row = session.get(ReturnRecord, inspection.rma_no)
    if row is None:
        return None
    lines = row.body.get("lines", [])
    values = [
        round(float(line["unit_price"]) * 100) * int(line.get("qty", 1))
        for line in lines
        if isinstance(line, dict)
    ]
    if inspection.line_no is not None and 1 <= inspection.line_no <= len(values):
        return values[inspection.line_no - 1]
    return sum(values)


def check_refund(session: Session, decision: Decision) -> None:
    """A decision's refund must fit its order; refused (Invalid) otherwise."""
    if decision.refund_fen is None:
        return
    inspection = session.get(InspectionRecord, decision.inspection_id)
    if inspection is None:
        raise NotFound(f"no inspection {decision.inspection_id}")
    limit = refund_limit(session, inspection)
    if limit is None:
        raise Invalid(
            f"return {inspection.rma_no} was not published here, so a refund on it cannot be "
            "checked against its order; publish the return first"
        )
    if decision.refund_fen > limit:
        raise Invalid(
            f"a refund of {decision.refund_fen} fen is more than the order line is worth "
            f"({limit} fen)"
        )


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
    """Store a decision, update its inspection's flags and publish it to the stations of its
    inspection's warehouse. Who may make it was checked by the caller; its refund is checked
    here. The same decision again changes nothing; its id with other content is a conflict."""
    check_refund(session, decision)
    body = decision.model_dump(mode="json", exclude_none=False)
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
    warehouse = None
    if inspection is not None:
        refresh_review(session, inspection, now)
        warehouse = warehouse_of(session, inspection.station_id)
    seq = changes.publish(
        session, ChangeKind.DECISION, decision.decision_id, body, now, warehouse=warehouse
    )
    return Outcome(1, 0, seq)


def decide_at_central(
    session: Session, decision: Decision, now: datetime, *, decided_by: str
) -> Outcome:
    """A supervisor's decision made here: it is theirs, whatever the body says."""
    if session.get(InspectionRecord, decision.inspection_id) is None:
        raise NotFound(f"no inspection {decision.inspection_id}")
    if (why := implausible("decided_at", decision.decided_at, now)) is not None:
        raise Invalid(why)  # dated ahead, it would stay the newest decision for ever
    mine = decision.model_copy(update={"decided_by": decided_by, "proof": None})
    return record_decision(session, mine, source=f"central:{decided_by}", now=now)


def refresh_review(session: Session, inspection: InspectionRecord, now: datetime) -> None:
    """The newest decision rules: overturned unless it approved the verdict; reviewed."""
    latest = newest_decisions(session, [inspection.id]).get(inspection.id)
    apply_review(inspection, latest, now)
    session.flush()


def newest_decisions(session: Session, inspection_ids: Iterable[str]) -> dict[str, bool]:
    """Whether the newest decision on each inspection approved its verdict (inspections no
    supervisor decided on are absent); a query per slice of ids."""
    ids = sorted(set(inspection_ids))
    newest: dict[str, tuple[datetime, datetime, bool]] = {}
    for part in in_chunks(ids):
        query = select(
            DecisionRecord.inspection_id,
            DecisionRecord.decided_at,
            DecisionRecord.received_at,
            DecisionRecord.approve,
        ).where(DecisionRecord.inspection_id.in_(part))
        for inspection_id, decided_at, received_at, approve in session.execute(query):
            known = newest.get(inspection_id)
            if known is None or (decided_at, received_at) > known[:2]:
                newest[inspection_id] = (decided_at, received_at, approve)
    return {key: approve for key, (_d, _r, approve) in newest.items()}


def apply_review(inspection: InspectionRecord, latest: bool | None, now: datetime) -> None:
    """``latest``: whether the newest decision approved the verdict; None: none was made."""
    inspection.overturned = latest is not None and not latest
    inspection.needs_review = inspection.review_requested and latest is None
    inspection.updated_at = now
