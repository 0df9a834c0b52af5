"""The dispute desk's users: customer service, supervisors and administrators, signed in with
a login name and a password (argon2id). A supervisor's decisions are made as the badge central
issued them, so a decision from the browser is the same decision as one from a bench.

Five wrong passwords lock the account for 15 minutes, twice as long at each further lock (up
to a day); the address's own budget (central/api/throttle.py) slows down whoever keeps trying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.db.models import ConsoleSessionRecord, ConsoleUser
from central.services import people
from central.services.errors import Invalid
from station.protocol.badges import lock_length

MAX_FAILURES: Final = 5
FIRST_LOCK: Final = timedelta(minutes=15)
LONGEST_LOCK: Final = timedelta(days=1)
MIN_PASSWORD: Final = 10
LOGIN_PATTERN: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")

_hasher = PasswordHasher()
# checked when the login is unknown, so an unknown login costs what a wrong password costs
_DUMMY_HASH: Final = _hasher.hash("not a password of anyone")


class DeskRole(StrEnum):
    CUSTOMER_SERVICE = "customer_service"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    VIEW = "view"  # search, inspections, evidence, disputes
    DISPUTE = "dispute"  # open and update disputes, export packages
    DECIDE = "decide"  # approve or overturn a verdict
    AUDIT = "audit"  # read the desk's audit log


GRANTS: Final[dict[DeskRole, frozenset[Permission]]] = {
    DeskRole.CUSTOMER_SERVICE: frozenset({Permission.VIEW, Permission.DISPUTE}),
    DeskRole.SUPERVISOR: frozenset({Permission.VIEW, Permission.DISPUTE, Permission.DECIDE}),
    DeskRole.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class DeskUser:
    login: str
    display_name: str
    role: DeskRole
    badge_id: str | None

    def may(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]


def _of(row: ConsoleUser) -> DeskUser:
    return DeskUser(row.login, row.display_name, DeskRole(row.role), row.badge_id)


def check_login(login: str) -> str:
    login = login.strip().lower()
    if not LOGIN_PATTERN.fullmatch(login):
        raise Invalid("a login is 2–40 lower-case letters, digits, '.', '_' or '-'")
    return login


def save_user(
    session: Session,
    login: str,
    *,
    display_name: str,
    role: DeskRole,
    password: str | None,
    badge_id: str | None,
    active: bool,
    now: datetime,
) -> DeskUser:
    """Add or change a user; a new one needs a password. A supervisor who is to decide needs
    the badge central issued them (an active supervisor or administrator badge)."""
    login = check_login(login)
    name = display_name.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise Invalid("a display name is 1–80 printable characters")
    if password is not None and (len(password) < MIN_PASSWORD or len(password) > 200):
        raise Invalid(f"a password has {MIN_PASSWORD} to 200 characters")
    if badge_id is not None:
        who = people.person(session, badge_id)
        if who is None or who.role not in people.REVIEWERS:
            raise Invalid(f"badge {badge_id} is not a supervisor's badge issued here")
    row = session.get(ConsoleUser, login)
    if row is None:
        if password is None:
            raise Invalid("a new user needs a password")
        row = ConsoleUser(login=login, failures=0, created_at=now)
        session.add(row)
    if password is not None:
        row.password_hash = _hasher.hash(password)
        row.failures, row.locked_until = 0, None
    row.display_name, row.role, row.badge_id = name, role.value, badge_id
    row.active, row.updated_at = active, now
    if password is not None or not active:  # whoever held the old password is out now
        session.execute(delete(ConsoleSessionRecord).where(ConsoleSessionRecord.login == login))
    session.flush()
    return _of(row)


def locked_until(session: Session, login: str, now: datetime) -> datetime | None:
    row = session.get(ConsoleUser, login[:40])
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


class Locked(Exception):
    """The password was right, but the account is locked after wrong ones (only someone who
    knows the password learns that: a wrong one gets the same answer for every login)."""


def authenticate(session: Session, login: str, password: str, now: datetime) -> DeskUser | None:
    """The user when the password is theirs and they may sign in; counts a failure otherwise;
    raises :class:`Locked` for the right password of a locked account. The slow check runs
    whether or not the login exists."""
    row = session.get(ConsoleUser, login.strip().lower()[:40])
    ok: bool
    try:
        ok = _hasher.verify(row.password_hash if row else _DUMMY_HASH, password[:200])
    except (VerificationError, InvalidHashError):
        ok = False
    if row is None:
        return None
    if not ok:
        _count_failure(row, now)
        return None
    if not row.active:
        return None
    if locked_until(session, row.login, now) is not None:
        raise Locked(row.login)
    row.failures, row.updated_at = 0, now
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    session.flush()
    return _of(row)


def _count_failure(row: ConsoleUser, now: datetime) -> None:
    row.failures += 1
    row.updated_at = now
    if row.failures % MAX_FAILURES == 0:
        locks = row.failures // MAX_FAILURES
        row.locked_until = now + lock_length(FIRST_LOCK, locks, LONGEST_LOCK)


def active_user(session: Session, login: str) -> DeskUser | None:
    row = session.get(ConsoleUser, login)
    return _of(row) if row is not None and row.active else None


def users(session: Session) -> list[DeskUser]:
    return [_of(r) for r in session.scalars(select(ConsoleUser).order_by(ConsoleUser.login))]
