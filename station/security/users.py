"""Users, badges and PIN login with lockout.

Login is split so that the deliberately slow argon2 check never runs on the database
thread: :func:`login_record` reads, :func:`verify_pin` runs on the caller's worker, and
:func:`record_login_attempt` writes the outcome (and the lock) in one short transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.domain.records import UserView
from station.protocol.enums import Role
from station.security import audit
from station.security.actors import user_ref
from station.security.pins import BadPin, hash_pin
from station.store.models import User

BADGE_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,40}")


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


class LoginError(Exception):
    """Login refused; ``str()`` is safe to show at the bench."""


class BadCredentials(LoginError):
    def __init__(self, attempts_left: int) -> None:
        self.attempts_left = attempts_left
        super().__init__(f"wrong badge or PIN ({attempts_left} attempts left before lock)")


class BadgeLocked(LoginError):
    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(f"badge locked until {until:%H:%M:%S} UTC after repeated wrong PINs")


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_attempts: int = 5
    lock_minutes: int = 5


@dataclass(frozen=True, slots=True)
class LoginRecord:
    """What the PIN check needs, read in one go."""

    user: UserView
    pin_hash: str
    locked_until: datetime | None


def view(user: User) -> UserView:
    return UserView(user.id, user.badge_id, user.display_name, Role(user.role), user.active)


def normalise_badge(badge: str) -> str:
    badge = badge.strip().upper()
    if not BADGE_PATTERN.fullmatch(badge):
        raise UserError("a badge id is 1-40 letters, digits, '-' or '_'")
    return badge


def add_user(
    session: Session,
    *,
    badge: str,
    name: str,
    role: Role,
    pin: str,
    actor: str,
    pin_hash: str | None = None,
) -> UserView:
    """Create a user. ``pin_hash`` lets bulk callers hash off the database thread."""
    badge = normalise_badge(badge)
    name = name.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise UserError("a display name is 1-80 printable characters")
    if session.scalar(select(User.id).where(User.badge_id == badge)) is not None:
        raise UserError(f"badge {badge} already exists")
    try:
        digest = pin_hash or hash_pin(pin)
    except BadPin as exc:
        raise UserError(str(exc)) from exc
    user = User(badge_id=badge, display_name=name, role=role.value, pin_hash=digest)
    session.add(user)
    session.flush()
    audit.append(
        session,
        actor=actor,
        action="user_added",
        entity=user_ref(user),
        details={"role": role.value, "name": name},
    )
    return view(user)


def list_users(session: Session) -> list[UserView]:
    return [view(u) for u in session.scalars(select(User).order_by(User.badge_id))]


def set_active(session: Session, *, badge: str, active: bool, actor: str) -> UserView:
    user = _by_badge(session, badge)
    if user is None:
        raise UserError(f"no user with badge {badge}")
    user.active = active
    audit.append(
        session,
        actor=actor,
        action="user_enabled" if active else "user_disabled",
        entity=user_ref(user),
    )
    return view(user)


def set_pin_hash(session: Session, *, user_id: int, pin_hash: str) -> None:
    session.get_one(User, user_id).pin_hash = pin_hash


def login_record(session: Session, badge: str) -> LoginRecord | None:
    try:
        user = _by_badge(session, badge)
    except UserError:
        return None
    if user is None or not user.active:
        return None
    return LoginRecord(view(user), user.pin_hash, user.locked_until)


def record_login_attempt(
    session: Session,
    *,
    badge: str,
    success: bool,
    now: datetime,
    station_id: str,
    policy: LockoutPolicy,
) -> UserView | LoginError:
    """Count a PIN attempt. A refusal is returned, not raised, so that the caller's transaction
    still commits the failed attempt and any lock it caused."""
    try:
        user = _by_badge(session, badge)
    except UserError:
        user = None
    if user is None or not user.active:
        audit.append(
            session,
            actor=f"station:{station_id}",
            action="login_failed",
            entity=f"badge:{badge[:40]!r}",
            details={"why": "unknown or disabled badge"},
            at=now,
        )
        return BadCredentials(policy.max_attempts)
    entity = user_ref(user)
    if user.locked_until is not None and user.locked_until > now:
        return BadgeLocked(user.locked_until)
    if success:
        user.failed_attempts = 0
        user.locked_until = None
        audit.append(
            session,
            actor=entity,
            action="login",
            entity=entity,
            details={"station": station_id},
            at=now,
        )
        return view(user)
    user.failed_attempts += 1
    audit.append(
        session,
        actor=f"station:{station_id}",
        action="login_failed",
        entity=entity,
        details={"attempt": user.failed_attempts},
        at=now,
    )
    if user.failed_attempts >= policy.max_attempts:
        user.failed_attempts = 0
        user.locked_until = now + timedelta(minutes=policy.lock_minutes)
        audit.append(
            session,
            actor=f"station:{station_id}",
            action="badge_locked",
            entity=entity,
            details={"until": user.locked_until.isoformat(), "minutes": policy.lock_minutes},
            at=now,
        )
        return BadgeLocked(user.locked_until)
    return BadCredentials(policy.max_attempts - user.failed_attempts)


def _by_badge(session: Session, badge: str) -> User | None:
    return session.scalar(select(User).where(User.badge_id == normalise_badge(badge)))
