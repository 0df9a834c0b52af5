"""Supervisor decisions: approve a verdict as it stands, or overturn any of its fields, always
with a reason.

A decision is one transaction: it is applied to the inspection by
:func:`station.sync.pull.apply_decision` (the same code that applies decisions arriving from
the central service; it keeps the station's verdict beside the decision and writes the audit
entry, and requests the corrected label when the verdict changed) and queued as one
``decision.made`` event whose payload is the :class:`~station.protocol.wire.Decision`. When the
central service publishes it back, the pull recognises the decision id and does not apply it
again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session
from uuid6 import uuid7

from station.domain.money import yuan
from station.domain.outcome import OUTCOME_FIELDS, Outcome
from station.domain.records import UserView
from station.evidence.photos import inspection_or_refuse
from station.protocol.badges import proof
from station.protocol.enums import Disposition, Grade, InspectionState, RefundKind, Responsibility
from station.protocol.events import Decision
from station.review.access import check_reviewer
from station.review.errors import DecisionRefused
from station.review.text import clean_reason
from station.security import audit
from station.security.actors import user_ref as actor
from station.store import outbox
from station.store.models import ReturnLine
from station.sync.pull import AppliedDecision, apply_decision

MAX_FEN: Final = 10**11  # ¥1,000,000,000: far above any item; stops absurd typed amounts


@dataclass(frozen=True, slots=True)
class DecisionRequest:
    """What the supervisor asks for: approval, or the fields to change (None: unchanged)."""

    reason: str
    approve: bool = False
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    responsibility: Responsibility | None = None

    def given(self) -> dict[str, Any]:
        return {f: v for f in OUTCOME_FIELDS if (v := getattr(self, f)) is not None}


@dataclass(frozen=True, slots=True)
class DecisionMade:
    decision: Decision
    event_id: str
    overturned: bool
    changed: tuple[str, ...]
    applied: AppliedDecision | None = None  # as applied here; None when sent for another station


def _refused(en: str, zh: str) -> DecisionRefused:
    return DecisionRefused(en, zh)


def _refund(
    current: Outcome, request: DecisionRequest, amount_fen: int | None
) -> tuple[RefundKind | None, int | None]:
    """The refund the decision leaves, checked against the item's amount when known."""
    kind = request.refund_kind or current.refund_kind
    fen = request.refund_fen
    if fen is not None and not 0 <= fen <= MAX_FEN:
        raise _refused(f"A refund of {fen} fen is not possible.", f"退款金额 {fen} 分无效。")
    if fen is None:
        if kind is RefundKind.NONE:
            fen = 0
        elif kind is RefundKind.FULL:
            fen = amount_fen
        elif kind is current.refund_kind:
            fen = current.refund_fen
        else:
            raise _refused("Give the partial refund's amount.", "请填写部分退款的金额。")
    if kind is RefundKind.NONE and fen != 0:
        raise _refused("A refused refund is ¥0.", "拒绝退款时金额应为 ¥0。")
    if kind is RefundKind.FULL and amount_fen is not None and fen != amount_fen:
        raise _refused(
            f"A full refund is the item's whole amount, {yuan(amount_fen)}.",
            f"全额退款应为商品全部金额 {yuan(amount_fen)}。",
        )
    if kind is RefundKind.PARTIAL:
        upper = amount_fen if amount_fen is not None else MAX_FEN
        if fen is None or not 0 < fen < upper:
            raise _refused(
                "A partial refund is more than ¥0 and less than the item's amount"
                + (f" ({yuan(amount_fen)})." if amount_fen is not None else "."),
                "部分退款金额应大于 ¥0 且小于商品金额"
                + (f"（{yuan(amount_fen)}）。" if amount_fen is not None else "。"),
            )
    return kind, fen


def changes_for(
    current: Outcome, request: DecisionRequest, amount_fen: int | None
) -> dict[str, Any]:
    """The fields the decision changes; refused if it is incoherent or changes nothing."""
    if request.approve:
        if request.given():
            raise _refused(
                "An approval keeps the verdict as it is; to change a field, overturn it.",
                "维持原判不能修改字段；如需修改请选择改判。",
            )
        return {}
    changes: dict[str, Any] = {}
    for field in ("grade", "disposition", "responsibility"):
        wanted = getattr(request, field)
        if wanted is not None and wanted != getattr(current, field):
            changes[field] = wanted
    if request.refund_kind is not None or request.refund_fen is not None:
        kind, fen = _refund(current, request, amount_fen)
        if kind != current.refund_kind or fen != current.refund_fen:
            changes["refund_kind"], changes["refund_fen"] = kind, fen
    if not changes:
        raise _refused(
            "Nothing differs from the verdict: approve it instead.",
            "与原判没有任何不同：请选择维持原判。",
        )
    return changes


def decide(
    session: Session,
    inspection_id: str,
    request: DecisionRequest,
    *,
    user: UserView,
    now: datetime,
) -> DecisionMade:
    """Decide on one of this station's inspections (in the caller's transaction); another
    station's go through :func:`decide_remote`, so the item is here and a changed verdict owes
    it a corrected label."""
    check_reviewer(session, user)
    reason = clean_reason(request.reason)
    row = inspection_or_refuse(session, inspection_id, DecisionRefused)
    if row.state != InspectionState.COMPLETED.value:
        raise _refused(
            f"Inspection {inspection_id} is {row.state}; only completed ones can be decided.",
            f"质检 {inspection_id} 尚未完成，只能复核已完成的质检。",
        )
    line = session.get(ReturnLine, row.return_line_id)
    amount = line.unit_price_fen * line.qty if line is not None else None
    changes = changes_for(Outcome.of(row), request, amount)
    decision = _decision(row.id, reason, request.approve, changes, user, now)
    sent = outbox.add(session, decision, at=now)
    applied = apply_decision(session, row, decision, now, here=True, sent=sent)
    return DecisionMade(decision, sent.event_id, row.overturned, tuple(changes), applied)


def decide_remote(
    session: Session,
    inspection_id: str,
    current: Outcome,
    request: DecisionRequest,
    *,
    station_id: str,
    user: UserView,
    now: datetime,
) -> DecisionMade:
    """Decide on another station's inspection (read from the central service): nothing
    changes here; the decision goes out as an event, and an audit entry records it."""
    check_reviewer(session, user)
    reason = clean_reason(request.reason)
    changes = changes_for(current, request, None)
    decision = _decision(inspection_id, reason, request.approve, changes, user, now)
    body = decision.model_dump(mode="json")
    event_id = audit.record(
        session,
        decision,
        actor=actor(user),
        action="decision_sent",
        entity=f"inspection:{inspection_id}",
        details={
            "decision_id": decision.decision_id,
            "station_id": station_id,
            "approve": decision.approve,
            "decided": {f: body[f] for f in changes},
            "reason": reason,
        },
        at=now,
    )
    return DecisionMade(decision, event_id, bool(changes), tuple(changes))


def _decision(
    inspection_id: str,
    reason: str,
    approve: bool,
    changes: dict[str, Any],
    user: UserView,
    now: datetime,
) -> Decision:
    try:
        decision = Decision(
            decision_id=str(uuid7()),
            inspection_id=inspection_id,
            decided_by=user.badge_id,
            decided_at=now,
            reason=reason,
            approve=approve,
            **changes,
        )
    except ValueError as exc:  # pydantic's ValidationError: the wire form refuses it
        raise _refused(
            f"The decision cannot be sent as it is: {exc}", f"复核结论格式无效：{exc}"
        ) from exc
    if user.badge is None:
        return decision  # a supervisor made at this bench: central will not take it
    signed = proof(user.badge.decision_key, decision.model_dump(mode="json"))
    return decision.model_copy(update={"proof": signed})
