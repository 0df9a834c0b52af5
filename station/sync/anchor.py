"""The station's audit log against what the central service anchored of it.

Every push carries the newest audit entry (seq and MAC); central keeps the highest. On the
bench alone, someone holding the audit key and the database could rewrite the log; what was
sent cannot be taken back, so the entry central anchored must still be here, unchanged.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.protocol.wire import AuditAnchor
from station.store.models import AuditEntry


def anchor_problem(session: Session, anchored: AuditAnchor) -> str | None:
    """Why the log here does not hold what central anchored (None: it does)."""
    here = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchored.seq))
    if here is None:
        return (
            f"entry {anchored.seq}, sent to the central service, is missing here: the audit "
            "log was cut short"
        )
    if here != anchored.mac:
        return (
            f"entry {anchored.seq} differs from what was sent to the central service: the "
            "audit log was rewritten"
        )
    return None
