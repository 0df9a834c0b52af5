"""Disputes: a platform's case about one inspection, from opening to its outcome.

The deadline comes from the platform's rule (platforms.toml). Opening the first dispute on an
inspection puts a hold on its evidence at the station that keeps the originals (a change that
station pulls); closing the last one lifts it. Several cases can be open on one inspection
(the customer escalated on two platforms, a case was reopened).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final, cast

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from central.console.platforms import Platform
from central.db.models import DisputeRecord, InspectionRecord, ReturnRecord
from central.services.errors import Conflict, Invalid, NotFound
from central.services.holds import publish_hold
from station.protocol.enums import InspectionState

CASE_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$")
MAX_NOTE: Final = 1000
OLDEST_NOTICE: Final = datetime(2020, 1, 1, tzinfo=UTC)  # before any station was installed


class DisputeStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"  # evidence sent, the platform has not ruled yet
    WON = "won"
    LOST = "lost"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"

    @property
    def closed(self) -> bool:
        return self in CLOSED


CLOSED: Final = frozenset(
    {DisputeStatus.WON, DisputeStatus.LOST, DisputeStatus.SETTLED, DisputeStatus.WITHDRAWN}
)
LIVE: Final = tuple(s.value for s in DisputeStatus if s not in CLOSED)


@dataclass(frozen=True, slots=True)
class Opening:
    inspection_id: str
    platform: Platform
    case_id: str
    notified_at: datetime
    note: str


def check_case_id(text: str) -> str:
    text = text.strip()
    if not CASE_ID.fullmatch(text):
        raise Invalid("a case id is 1–64 letters, digits or . _ : / - as the platform shows it")
    return text


def check_note(text: str) -> str:
    # a browser sends a text area's line breaks as CR LF
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > MAX_NOTE:
        raise Invalid(f"a note is at most {MAX_NOTE} characters")
    if any(not (ch.isprintable() or ch in "\n\t") for ch in text):
        raise Invalid("a note may not contain control characters")
    return text


def _order_facts(session: Session, inspection: InspectionRecord) -> tuple[str, str]:
    """The customer's claim and the item's category, from the published order."""
    order = session.get(ReturnRecord, inspection.rma_no)
    if order is None:
        return "unknown", ""
    category = next(
        (
            str(line.get("category", ""))
            for line in order.body.get("lines", [])
            if line.get("sku") == inspection.sku
        ),
        "",
    )
    return str(order.body.get("reason", "unknown"))[:30], category[:30]


def open_dispute(session: Session, opening: Opening, *, by: str, now: datetime) -> DisputeRecord:
    inspection = session.get(InspectionRecord, opening.inspection_id)
    if inspection is None:
        raise NotFound(f"no inspection {opening.inspection_id}")
    if inspection.state != InspectionState.COMPLETED.value:
        raise Invalid(
            f"inspection {inspection.id} is {inspection.state}: only a completed inspection's"
            " verdict and evidence can answer a case"
            + (
                " (its bench has not sent the verdict yet)"
                if inspection.state == InspectionState.OPEN.value
                else ""
            )
        )
    case_id = check_case_id(opening.case_id)
    taken = session.scalar(
        select(DisputeRecord.id).where(
            DisputeRecord.platform == opening.platform.code, DisputeRecord.case_id == case_id
        )
    )
    if taken is not None:
        raise Conflict(f"{opening.platform.code} case {case_id} is already dispute {taken}")
    if opening.notified_at > now:
        raise Invalid("the platform's notice cannot be in the future")
    if opening.notified_at < OLDEST_NOTICE:
        raise Invalid(f"the platform's notice cannot be before {OLDEST_NOTICE.year}")
    signed_off = inspection.started_at or inspection.completed_at
    reason, category = _order_facts(session, inspection)
    row = DisputeRecord(
        id=str(uuid.uuid4()),
        inspection_id=inspection.id,
        rma_no=inspection.rma_no,
        platform=opening.platform.code,
        case_id=case_id,
        reason=reason,
        category=category,
        status=DisputeStatus.OPEN.value,
        anchor_at=opening.platform.anchor(opening.notified_at, signed_off),
        deadline_at=opening.platform.deadline(opening.notified_at, signed_off),
        opened_by=by,
        opened_at=now,
        updated_at=now,
        note=check_note(opening.note),
    )
    session.add(row)
    session.flush()
    _hold(session, row, now)
    return row


def _hold(session: Session, row: DisputeRecord, now: datetime) -> None:
    """The station keeping the inspection's originals holds them for this case."""
    reason = f"{row.platform} {row.case_id}"
    publish_hold(session, row.inspection_id, held=True, reason=reason, dispute_id=row.id, now=now)


def update_dispute(
    session: Session,
    dispute_id: str,
    *,
    status: DisputeStatus,
    amount_fen: int | None,
    note: str,
    now: datetime,
) -> DisputeRecord:
    """A new status (and, when it ends, the amount paid or kept); closing the last open case of
    an inspection lifts the hold on its evidence."""
    row = session.get(DisputeRecord, dispute_id)
    if row is None:
        raise NotFound(f"no dispute {dispute_id}")
    if amount_fen is not None and not 0 <= amount_fen <= 10**12:
        raise Invalid("an amount is between 0 and 10,000,000,000 yuan")
    was_closed = DisputeStatus(row.status).closed
    row.status, row.note, row.updated_at = status.value, check_note(note), now
    row.amount_fen = amount_fen
    row.closed_at = now if status.closed else None
    session.flush()
    if was_closed != status.closed:
        still_open = session.scalar(
            select(func.count())
            .select_from(DisputeRecord)
            .where(DisputeRecord.inspection_id == row.inspection_id, DisputeRecord.status.in_(LIVE))
        )
        if status.closed and not still_open:
            publish_hold(
                session, row.inspection_id, held=False, reason="", dispute_id=row.id, now=now
            )
        elif not status.closed and still_open == 1:
            _hold(session, row, now)
    return row


def disputes_of(session: Session, inspection_id: str) -> Sequence[DisputeRecord]:
    return session.scalars(
        select(DisputeRecord)
        .where(DisputeRecord.inspection_id == inspection_id)
        .order_by(DisputeRecord.opened_at)
    ).all()


def board(session: Session, *, limit: int = 500) -> Sequence[DisputeRecord]:
    """Open and submitted disputes, the nearest deadline first."""
    return session.scalars(
        select(DisputeRecord)
        .where(DisputeRecord.status.in_(LIVE))
        .order_by(DisputeRecord.deadline_at, DisputeRecord.id)
        .limit(limit)
    ).all()


@dataclass(frozen=True, slots=True)
class Tally:
    key: str
    won: int
    lost: int
    settled: int
    amount_fen: int  # paid out or kept, as recorded

    @property
    def decided(self) -> int:
        return self.won + self.lost + self.settled

    @property
    def win_rate(self) -> float | None:
        return self.won / self.decided if self.decided else None


def win_rates(session: Session) -> Mapping[str, list[Tally]]:
    """Closed disputes by platform, by the customer's claim and by the item's category."""
    out: dict[str, list[Tally]] = {}
    for name, column in (
        ("platform", DisputeRecord.platform),
        ("reason", DisputeRecord.reason),
        ("category", DisputeRecord.category),
    ):
        rows = session.execute(
            select(
                column,
                func.sum(case((DisputeRecord.status == DisputeStatus.WON.value, 1), else_=0)),
                func.sum(case((DisputeRecord.status == DisputeStatus.LOST.value, 1), else_=0)),
                func.sum(case((DisputeRecord.status == DisputeStatus.SETTLED.value, 1), else_=0)),
                func.coalesce(func.sum(DisputeRecord.amount_fen), 0),
            )
            .where(DisputeRecord.status.in_([s.value for s in CLOSED]))
            .group_by(column)
            .order_by(column)
        ).all()
        out[name] = [
            Tally(str(r[0] or "—"), *(int(cast(int, n) or 0) for n in r[1:])) for r in rows
        ]
    return out
