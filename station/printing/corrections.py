"""Corrected labels: a supervisor's decision that changed a verdict owes the item a new label.

Whoever applies the decision (the sync, the review screen) records a
:class:`~station.store.models.LabelRequest` in the decision's own transaction; the print queue
hears the commit and turns the request into a label here, then prints it like any other. The
label shows the verdict then in force, marked corrected and naming the decision, and goes to the
printer, size and language of the inspection's last label: the bench where the item was
labelled. Labels of the old verdict still waiting for the printer are cancelled. A request
that cannot become a label (the item was never labelled here) is closed with the reason and an
audit entry, so it is never retried for ever nor dropped silently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.printing import jobs
from station.printing.backends import RENDER_ERRORS
from station.printing.render_cli import label_data_from_records
from station.security import audit
from station.store.models import Inspection, LabelRequest, User
from station.store.queries import inspection_view, load_order, order_view
from station.store.types import utcnow

log = logging.getLogger(__name__)

_SUPERSEDED = (jobs.LabelStatus.QUEUED, jobs.LabelStatus.FAILED)


@dataclass(frozen=True, slots=True)
class Fulfilled:
    labels: tuple[jobs.LabelView, ...]  # the corrected labels, queued
    cancelled: tuple[jobs.LabelView, ...]  # labels of an old verdict that had not printed


def fulfil(
    session: Session, *, now: datetime | None = None, layouts: Path | None = None
) -> Fulfilled:
    """Make the label of every open request (one per inspection, from its newest request),
    in the caller's transaction."""
    when = now or utcnow()
    owed: dict[str, list[LabelRequest]] = {}
    for request in session.scalars(
        select(LabelRequest).where(LabelRequest.done_at.is_(None)).order_by(LabelRequest.id)
    ):
        owed.setdefault(request.inspection_id, []).append(request)
    made: list[jobs.LabelView] = []
    cancelled: list[jobs.LabelView] = []
    for inspection_id, requests in owed.items():
        newest = requests[-1]  # the verdict in force is the one to print, once
        label: jobs.LabelView | None = None
        note = ""
        try:
            with session.begin_nested():
                old = _waiting(session, inspection_id)
                label = _corrected(session, newest, when, layouts)
                for stale in old:
                    cancelled.append(jobs.cancel(session, stale.id, actor=label.requested_by))
        except (jobs.LabelJobError, LookupError, ValueError, *RENDER_ERRORS) as exc:
            note = str(exc)
            log.error("no corrected label for inspection %s: %s", inspection_id, note)
            audit.append(
                session,
                actor=jobs.QUEUE_ACTOR,
                action="corrected_label_not_made",
                entity=f"inspection:{inspection_id}",
                details={"decision_id": newest.decision_id, "why": note[:300]},
                at=when,
            )
        if label is not None:
            made.append(label)
        for request in requests:
            request.done_at = when
            request.label_id = label.id if label is not None else None
            request.note = note[:500]
    session.flush()
    return Fulfilled(tuple(made), tuple(cancelled))


def _waiting(session: Session, inspection_id: str) -> list[jobs.LabelView]:
    return [label for label in jobs.history(session, inspection_id) if label.status in _SUPERSEDED]


def _corrected(
    session: Session, request: LabelRequest, now: datetime, layouts: Path | None
) -> jobs.LabelView:
    row = session.get(Inspection, request.inspection_id)
    if row is None:
        raise LookupError(f"no inspection {request.inspection_id}")
    printed = jobs.history(session, row.id)
    if not printed:
        raise jobs.LabelJobError("the item was never labelled at this station")
    last = max(printed, key=lambda label: label.created_at)
    inspector = session.get(User, row.inspector_id)
    data = label_data_from_records(
        station_id=last.data.station_id,
        inspector_name=inspector.display_name if inspector else last.data.inspector_initials,
        inspection=inspection_view(row),
        order=order_view(load_order(session, row.return_id)),
        on=now.astimezone().date(),
        language=last.data.language,
        decision_id=request.decision_id,
        decided_by=request.decided_by,
    )
    return jobs.create_label(
        session,
        data,
        printer=last.printer,
        size=last.size,
        actor=f"supervisor:{request.decided_by}",
        at=now,
        layouts=layouts,
    )
