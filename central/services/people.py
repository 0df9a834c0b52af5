"""Users as the central service knows them: badges with secrets, PINs, locks, supervisors.

The published user (what every station gets) carries only argon2id of the badge's secret and
the PIN. The secret itself and the supervisor's decision key stay in ``badge_secrets``.

Wrong PINs are counted per badge wherever they were typed — at the central service's own
login, or reported by any station — and lock the badge for 5 minutes after 5 of them, twice as
long at each further lock (up to a day). A lock is published to every station at once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db.models import BadgeSecret, PinFailures, UserRecord
from central.services.errors import Invalid, NotFound
from central.services.publishing import Outcome, publish_user
from station.protocol import badges
from station.protocol.enums import Role
from station.protocol.wire import UserChange, UserGrant, UserIssued

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=5)
LONGEST_LOCK = timedelta(days=1)
REVIEWERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
# checked when the badge is unknown, so an unknown badge costs what a wrong PIN costs
_DUMMY_HASH = badges.hash_secret_with_pin(badges.new_secret(), "000000")


@dataclass(frozen=True, slots=True)
class Person:
    badge_id: str
    display_name: str
    role: Role
    active: bool


def _published(session: Session, badge_id: str) -> UserChange | None:
    row = session.get(UserRecord, badge_id)
    return None if row is None else UserChange.model_validate(row.body)


def person(session: Session, badge_id: str) -> Person | None:
    user = _published(session, badge_id)
    if user is None:
        return None
    return Person(user.badge_id, user.display_name, user.role, user.active)


def grant(session: Session, request: UserGrant, now: datetime) -> UserIssued:
    """Add or change a user and publish it; a new badge's code is answered once."""
    kept = session.get(BadgeSecret, request.badge_id)
    issue = kept is None or request.new_badge
    if issue and request.pin is None:
        raise Invalid("a new badge needs a PIN (4 to 12 digits)")
    code: str | None = None
    if issue:
        secret = badges.new_secret()
        code = str(badges.BadgeCode(request.badge_id, secret))
        if kept is None:
            kept = BadgeSecret(badge_id=request.badge_id)
            session.add(kept)
        kept.secret, kept.issued_at = secret, now
    assert kept is not None
    if request.pin is not None:
        kept.pin_hash = badges.hash_secret_with_pin(kept.secret, request.pin)
        kept.decision_key = badges.decision_key(kept.secret, request.pin).hex()
    failures = session.get(PinFailures, request.badge_id)
    change = UserChange(
        badge_id=request.badge_id,
        display_name=request.display_name,
        role=request.role,
        pin_hash=kept.pin_hash,
        active=request.active,
        badge_bound=True,
        locked_until=_still_locked(failures, now),
    )
    outcome = publish_user(session, change, now)
    return UserIssued(badge_id=request.badge_id, badge_code=code, published=bool(outcome.published))


def _still_locked(failures: PinFailures | None, now: datetime) -> datetime | None:
    if failures is None or failures.locked_until is None or failures.locked_until <= now:
        return None
    return failures.locked_until


def locked_until(session: Session, badge_id: str, now: datetime) -> datetime | None:
    return _still_locked(session.get(PinFailures, badge_id[:40]), now)


class PinCheck(Enum):
    RIGHT = "right"
    WRONG_PIN = "wrong_pin"  # the badge itself is genuine: a PIN guess, counted toward its lock
    NOT_THE_BADGE = "not_the_badge"  # an unknown badge id, or not its printed secret


def check_pin(session: Session, code: badges.BadgeCode, pin: str) -> PinCheck:
    """The slow check, the same cost whether or not the badge exists. Only someone holding
    the badge (its printed secret) can guess its PIN; anyone else who knows a badge id must
    not be able to lock its owner out."""
    kept = session.get(BadgeSecret, code.badge_id)
    if kept is None or not secrets.compare_digest(kept.secret, code.secret):
        badges.verify_hash(_DUMMY_HASH, badges.secret_with_pin(code.secret, pin[:64]))
        return PinCheck.NOT_THE_BADGE
    if badges.verify_hash(kept.pin_hash, badges.secret_with_pin(code.secret, pin[:64])):
        return PinCheck.RIGHT
    return PinCheck.WRONG_PIN


def count_failure(session: Session, badge_id: str, now: datetime) -> datetime | None:
    """One more wrong PIN; returns the lock it caused (published to every station)."""
    row = session.get(PinFailures, badge_id)
    if row is None:
        row = PinFailures(badge_id=badge_id, failures=0, locks=0, updated_at=now)
        session.add(row)
    row.failures += 1
    row.updated_at = now
    if row.failures < MAX_FAILURES:
        session.flush()
        return None
    row.failures = 0
    row.locks += 1
    row.locked_until = now + badges.lock_length(FIRST_LOCK, row.locks, LONGEST_LOCK)
    session.flush()
    _republish_lock(session, badge_id, row.locked_until, now)
    return row.locked_until


def count_success(session: Session, badge_id: str, now: datetime) -> None:
    row = session.get(PinFailures, badge_id)
    if row is not None:
        row.failures, row.locks, row.updated_at = 0, 0, now


def _republish_lock(session: Session, badge_id: str, until: datetime, now: datetime) -> Outcome:
    user = _published(session, badge_id)
    if user is None:
        return Outcome(0, 0, 0)
    return publish_user(session, user.model_copy(update={"locked_until": until}), now)


def decision_key(session: Session, badge_id: str) -> bytes | None:
    """The key a decision by ``badge_id`` must be signed with: only an active supervisor (or
    administrator) whose badge was issued here has one."""
    who = person(session, badge_id)
    if who is None or not who.active or who.role not in REVIEWERS:
        return None
    kept = session.get(BadgeSecret, badge_id)
    return None if kept is None else bytes.fromhex(kept.decision_key)


def require_person(session: Session, badge_id: str) -> Person:
    who = person(session, badge_id)
    if who is None:
        raise NotFound(f"no user {badge_id}")
    return who


def badge_ids(session: Session) -> list[str]:
    return list(session.scalars(select(UserRecord.badge_id).order_by(UserRecord.badge_id)))
