"""Badge + PIN login: the slow hash check runs on the caller's thread, not the database's.

A user central issued is bound to their badge: the login hash is made of the secret printed
on the badge (scanned as ``RSB1-<badge>-<secret>``) with the PIN, so a copied station
database gives no PIN away without the badge. A user made at this station (the first-run
administrator) logs in with badge id and PIN. Every attempt costs one hash check, whether the
badge exists, is locked, or the station paused logins, so the time taken tells nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from station.domain.records import BadgeLogin, UserView
from station.protocol.badges import (
    BadBadge,
    decision_key,
    looks_like_code,
    parse_code,
    secret_with_pin,
)
from station.protocol.enums import Role
from station.security.pins import hash_pin, needs_rehash, verify_pin
from station.security.users import (
    LockoutPolicy,
    LoginRecord,
    login_record,
    record_login_attempt,
    set_pin_hash,
)
from station.store.database import Database
from station.store.types import utcnow

# Checked against when nothing real can be, so a wrong badge costs as long as a wrong PIN.
_DUMMY_HASH = hash_pin("000000")
MAX_PIN = 64
REVIEWERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def _password(record: LoginRecord | None, secret: str | None, pin: str) -> str | None:
    """What to check the stored hash with; None when this badge cannot log in this way."""
    if record is None or len(pin) > MAX_PIN:
        return None
    if record.badge_bound:
        return secret_with_pin(secret, pin) if secret is not None else None
    return pin if secret is None else None


class Authenticator:
    def __init__(
        self,
        db: Database,
        *,
        station_id: str,
        lockout: LockoutPolicy | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = db
        self._station_id = station_id
        self._lockout = lockout or LockoutPolicy()
        self._clock = clock

    def login(self, badge: str, pin: str) -> UserView:
        """The user for a badge (its id, or the code scanned from it) and PIN; raises a
        :class:`~station.security.users.LoginError`."""
        secret: str | None = None
        code = ""
        if looks_like_code(badge):
            try:
                parsed = parse_code(badge)
                badge, secret, code = parsed.badge_id, parsed.secret, str(parsed)
            except BadBadge:
                badge = badge.strip()[:40]
        record = self._db.run(lambda s: login_record(s, badge))
        now = self._clock()
        password = _password(record, secret, pin)
        locked = (
            record is not None and record.locked_until is not None and record.locked_until > now
        )
        if record is not None and password is not None:
            matches = verify_pin(record.pin_hash, password)
        else:
            verify_pin(_DUMMY_HASH, pin[:MAX_PIN])
            matches = False
        ok = matches and not locked
        outcome = self._db.run(
            lambda s: record_login_attempt(
                s,
                badge=badge,
                success=ok,
                now=now,
                station_id=self._station_id,
                policy=self._lockout,
            )
        )
        if isinstance(outcome, Exception):
            raise outcome
        assert record is not None and password is not None  # it succeeded
        if secret is None and needs_rehash(record.pin_hash):  # central rehashes its own
            fresh = hash_pin(password)
            self._db.run(lambda s: set_pin_hash(s, user_id=outcome.id, pin_hash=fresh))
        if secret is not None and outcome.role in REVIEWERS:
            return replace(outcome, badge=BadgeLogin(code, pin, decision_key(secret, pin)))
        return outcome

    @property
    def lockout(self) -> LockoutPolicy:
        return self._lockout
