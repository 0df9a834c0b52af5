"""Supervisor sessions: badge code and PIN buy a bearer token for a working day.

Only supervisors and administrators get one. The token's SHA-256 is stored; a session ends
when it expires, when the user is disabled or stops being a supervisor (checked on every
request), or when it is closed.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from central.db.models import SupervisorSessionRecord
from central.services.people import REVIEWERS, Person, person
from central.services.stations import sha256_text
from station.protocol.wire import SupervisorSession

PREFIX = "sv_"


def open_session(session: Session, who: Person, now: datetime, hours: int) -> SupervisorSession:
    token = PREFIX + secrets.token_urlsafe(32)
    expires = now + timedelta(hours=hours)
    session.add(
        SupervisorSessionRecord(
            token_sha256=sha256_text(token),
            badge_id=who.badge_id,
            created_at=now,
            expires_at=expires,
        )
    )
    session.execute(delete(SupervisorSessionRecord).where(SupervisorSessionRecord.expires_at < now))
    session.flush()
    return SupervisorSession(token=token, badge_id=who.badge_id, role=who.role, expires_at=expires)


def supervisor(session: Session, token: str, now: datetime) -> Person | None:
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = session.get(SupervisorSessionRecord, sha256_text(token))
    if row is None or row.expires_at <= now:
        return None
    who = person(session, row.badge_id)
    if who is None or not who.active or who.role not in REVIEWERS:
        return None
    return who


def close_session(session: Session, token: str) -> None:
    session.execute(
        delete(SupervisorSessionRecord).where(
            SupervisorSessionRecord.token_sha256 == sha256_text(token)
        )
    )
