"""The desk's audit log: who saw, revealed, exported or decided what, when, and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db.models import ConsoleAuditRecord


class Action(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_REFUSED = "sign_in_refused"
    SIGN_OUT = "sign_out"
    SEARCH = "search"
    VIEW_INSPECTION = "view_inspection"
    REVEAL_CUSTOMER = "reveal_customer"
    OPEN_DISPUTE = "open_dispute"
    UPDATE_DISPUTE = "update_dispute"
    EXPORT = "export"
    DOWNLOAD_EXPORT = "download_export"
    DECIDE = "decide"
    REFUSED = "refused"  # a page or action the role may not use


@dataclass(frozen=True, slots=True)
class Entry:
    at: datetime
    login: str
    action: str
    subject: str
    reason: str
    address: str
    details: dict[str, Any]


def record(
    session: Session,
    *,
    login: str,
    action: Action,
    at: datetime,
    subject: str = "",
    reason: str = "",
    address: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        ConsoleAuditRecord(
            at=at,
            login=login[:40],
            action=action.value,
            subject=subject[:80],
            reason=reason[:500],
            address=address[:64],
            details=details or {},
        )
    )
    session.flush()


def entries(
    session: Session, *, subject: str | None = None, login: str | None = None, limit: int = 200
) -> Sequence[Entry]:
    """Newest first."""
    query = select(ConsoleAuditRecord).order_by(ConsoleAuditRecord.id.desc()).limit(limit)
    if subject:
        query = query.where(ConsoleAuditRecord.subject == subject)
    if login:
        query = query.where(ConsoleAuditRecord.login == login)
    return [
        Entry(r.at, r.login, r.action, r.subject, r.reason, r.address, dict(r.details))
        for r in session.scalars(query)
    ]
