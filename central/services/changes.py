"""The change feed every station pulls: appended in commit order, read by cursor.

A cursor is the ``seq`` of the last change a station has. That only works if no change can
become visible with a smaller ``seq`` than one already read. PostgreSQL hands out sequence
numbers in the order transactions ask, not the order they commit, so publishers take an
exclusive lock on ``changes`` first (readers are not blocked) and hold it until commit.
SQLite has one writer at a time anyway.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, text
from sqlalchemy.orm import Session

from central.db.models import ChangeRecord
from central.services.errors import Conflict, Refused
from station.protocol.wire import Change, ChangeKind, ChangesPage

CURSOR = re.compile(r"[0-9]{1,18}")  # ASCII only: \d takes full-width digits too


def publish(
    session: Session,
    kind: ChangeKind,
    key: str,
    body: dict[str, Any],
    at: datetime,
    *,
    warehouse: str | None = None,
) -> int:
    """Append a change in the caller's transaction and return its ``seq``; ``warehouse``:
    only that warehouse's stations get it (None: every station)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE changes IN EXCLUSIVE MODE"))
    seq = session.scalar(
        insert(ChangeRecord)
        .values(kind=kind.value, key=key[:80], body=body, at=at, warehouse=warehouse)
        .returning(ChangeRecord.seq)
    )
    assert seq is not None
    return int(seq)


def parse_cursor(raw: str | None) -> int:
    if raw is None or raw == "":
        return 0
    if not CURSOR.fullmatch(raw):
        raise Refused(f"malformed cursor {raw[:40]!r}: a cursor is the digits the last page gave")
    return int(raw)


def page(session: Session, since: int, limit: int, warehouse: str) -> ChangesPage:
    """The changes after ``since`` a station of ``warehouse`` may have."""
    rows = session.scalars(
        select(ChangeRecord)
        .where(
            ChangeRecord.seq > since,
            or_(ChangeRecord.warehouse.is_(None), ChangeRecord.warehouse == warehouse),
        )
        .order_by(ChangeRecord.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows and since > 0:
        newest = session.scalar(select(func.max(ChangeRecord.seq))) or 0
        if since > newest:
            raise Conflict(
                f"cursor {since} is ahead of the newest change ({newest}): this is not the "
                "service the cursor came from, or its database was replaced"
            )
    changes = [
        Change(seq=r.seq, kind=ChangeKind(r.kind), key=r.key, body=r.body, at=r.at) for r in rows
    ]
    cursor = str(rows[-1].seq) if rows else str(since)
    return ChangesPage(changes=changes, cursor=cursor, more=more)
