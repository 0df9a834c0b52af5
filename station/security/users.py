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
from station.protocol.badges import lock_length
from station.protocol.enums import Role
from station.protocol.events import LoginFailed
from station.security import audit
from station.security.actors import user_ref
from station.security.pins import BadPin, hash_pin
from station.store.models import AuditEntry, User

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


class StationLocked(BadgeLocked):
    """Too many wrong PINs at this station, whatever the badges: someone is trying them all."""

    def __init__(self, until: datetime) -> None:
        LoginError.__init__(
            self, f"logins paused until {until:%H:%M:%S} UTC after many wrong PINs here"
        )
        self.until = until


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """A badge locks after ``max_attempts`` wrong PINs in a row, for ``lock_minutes`` and
    twice as long at each lock in a row (up to a day). The station as a whole takes
    ``station_attempts`` wrong PINs in ``station_window_minutes`` before it pauses logins."""

    max_attempts: int = 5
    lock_minutes: int = 5
    station_attempts: int = 30
    station_window_minutes: int = 15

    def lock_for(self, locks: int) -> timedelta:
        return lock_length(timedelta(minutes=self.lock_minutes), locks, MAX_LOCK)


MAX_LOCK = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class LoginRecord:
    """What the PIN check needs, read in one go."""

    user: UserView
    pin_hash: str
    locked_until: datetime | None
    badge_bound: bool = False


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
    return LoginRecord(view(user), user.pin_hash, user.locked_until, user.badge_bound)


def station_paused_until(
    session: Session, *, now: datetime, policy: LockoutPolicy
) -> datetime | None:
    """When logins here may go on, if the station spent its budget of wrong PINs."""
    since = now - timedelta(minutes=policy.station_window_minutes)
    failures = list(
        session.scalars(
            select(AuditEntry.at)
            .where(AuditEntry.action == "login_failed", AuditEntry.at > since)
            .order_by(AuditEntry.at.desc())
            .limit(policy.station_attempts)
        )
    )
    if len(failures) < policy.station_attempts:
        return None
    # the oldest of the last N failures must leave the window before another try counts
    return failures[-1] + timedelta(minutes=policy.station_window_minutes)


def record_login_attempt(
    session: Session,
    *,
    badge: str,
    success: bool,
    now: datetime,
    station_id: str,
    policy: LockoutPolicy,
) -> UserView | LoginError:
    """Count a PIN attempt; every attempt is audited, also one refused because of a lock.
    A refusal is returned, not raised, so that the caller's transaction still commits the
    failed attempt and any lock it caused."""
    try:
        user = _by_badge(session, badge)
    except UserError:
        user = None
    station = f"station:{station_id}"
    entity = user_ref(user) if user is not None else f"badge:{badge[:40]!r}"
    paused = station_paused_until(session, now=now, policy=policy)
    if paused is not None and paused > now:
        audit.append(
            session,
            actor=station,
            action="login_refused",
            entity=entity,
            details={"why": "station paused", "until": paused.isoformat()},
            at=now,
        )
        return StationLocked(paused)
    if user is None or not user.active:
        audit.append(
            session,
            actor=station,
            action="login_failed",
            entity=entity,
            details={"why": "unknown or disabled badge"},
            at=now,
        )
        return BadCredentials(policy.max_attempts)
    if user.locked_until is not None and user.locked_until > now:
        audit.append(
            session,
            actor=station,
            action="login_refused",
            entity=entity,
            details={"why": "badge locked", "until": user.locked_until.isoformat()},
            at=now,
        )
        return BadgeLocked(user.locked_until)
    if success:
        user.failed_attempts = 0
        user.locks = 0
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
    details = {"attempt": user.failed_attempts}
    if user.badge_bound:  # central counts them across stations and locks the badge everywhere
        failed = LoginFailed(badge_id=user.badge_id, station_id=station_id, at=now)
        audit.record(
            session,
            failed,
            actor=station,
            action="login_failed",
            entity=entity,
            details=details,
            at=now,
        )
    else:
        audit.append(
            session, actor=station, action="login_failed", entity=entity, details=details, at=now
        )
    if user.failed_attempts >= policy.max_attempts:
        user.failed_attempts = 0
        user.locks += 1
        length = policy.lock_for(user.locks)
        user.locked_until = now + length
        audit.append(
            session,
            actor=station,
            action="badge_locked",
            entity=entity,
            details={
                "until": user.locked_until.isoformat(),
                "minutes": int(length.total_seconds() // 60),
                "locks_in_a_row": user.locks,
            },
            at=now,
        )
        return BadgeLocked(user.locked_until)
    return BadCredentials(policy.max_attempts - user.failed_attempts)


def _by_badge(session: Session, badge: str) -> User | None:
    return session.scalar(select(User).where(User.badge_id == normalise_badge(badge)))
