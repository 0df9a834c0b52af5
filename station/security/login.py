"""Badge + PIN login: the slow hash check runs on the caller's thread, not the database's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from station.domain.records import UserView
from station.security.pins import hash_pin, needs_rehash, verify_pin
from station.security.users import (
    LockoutPolicy,
    login_record,
    record_login_attempt,
    set_pin_hash,
)
from station.store.database import Database
from station.store.types import utcnow

# Checked against when the badge is unknown, so a wrong badge costs as long as a wrong PIN.
_DUMMY_HASH = hash_pin("000000")


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
        """The user for a badge and PIN; raises a :class:`~station.security.users.LoginError`."""
        record = self._db.run(lambda s: login_record(s, badge))
        now = self._clock()
        locked = (
            record is not None and record.locked_until is not None and (record.locked_until > now)
        )
        ok = (
            record is not None
            and not locked
            and len(pin) <= 64
            and verify_pin(record.pin_hash, pin)
        )
        if record is None:
            verify_pin(_DUMMY_HASH, pin[:64])
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
        if ok and record is not None and needs_rehash(record.pin_hash):
            fresh = hash_pin(pin)
            self._db.run(lambda s: set_pin_hash(s, user_id=outcome.id, pin_hash=fresh))
        return outcome

    @property
    def lockout(self) -> LockoutPolicy:
        return self._lockout
