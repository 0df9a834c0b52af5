"""Signed-in browsers. The cookie carries a random token the server issued at sign-in; only
its SHA-256 is stored, so a token never seen here (a fixation attempt) names nobody. A session
ends after ``idle`` without a request, after ``longest`` in any case, when the user is
disabled, or at sign-out. Each session has its own CSRF token for the forms it posts.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import delete
from sqlalchemy.orm import Session

from central.console.accounts import DeskUser, active_user
from central.db.models import ConsoleSessionRecord
from central.services.stations import sha256_text

PREFIX: Final = "ds_"
TOUCH_EVERY: Final = timedelta(seconds=30)  # last_seen is written at most this often


@dataclass(frozen=True, slots=True)
class DeskSession:
    user: DeskUser
    csrf: str
    token_sha256: str


def open_desk_session(
    session: Session, user: DeskUser, now: datetime, *, longest: timedelta, address: str
) -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(
        ConsoleSessionRecord(
            token_sha256=sha256_text(token),
            login=user.login,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
            expires_at=now + longest,
            address=address[:64],
        )
    )
    session.execute(delete(ConsoleSessionRecord).where(ConsoleSessionRecord.expires_at < now))
    session.flush()
    return token


def resume(session: Session, token: str, now: datetime, *, idle: timedelta) -> DeskSession | None:
    """The session ``token`` names if it is still alive; it counts as a request (idle timer)."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    row = session.get(ConsoleSessionRecord, sha256_text(token))
    if row is None:
        return None
    if row.expires_at <= now or row.last_seen_at + idle <= now:
        session.delete(row)
        session.flush()
        return None
    user = active_user(session, row.login)
    if user is None:
        session.delete(row)
        session.flush()
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.flush()
    return DeskSession(user, row.csrf_token, row.token_sha256)


def forget_token(session: Session, token: str) -> None:
    """End whatever session ``token`` names, if any."""
    close_desk_session(session, sha256_text(token[:100]))


def close_desk_session(session: Session, token_sha256: str) -> None:
    session.execute(
        delete(ConsoleSessionRecord).where(ConsoleSessionRecord.token_sha256 == token_sha256)
    )
