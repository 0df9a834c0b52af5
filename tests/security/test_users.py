from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from station import app
from station.protocol.enums import Role
from station.security.login import Authenticator
from station.security.users import (
    BadCredentials,
    BadgeLocked,
    LockoutPolicy,
    UserError,
    list_users,
    set_active,
)
from station.store.models import AuditEntry, User
from tests.conftest import NOW


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):
        return self.now


@pytest.fixture
def user_station(station: app.Station) -> app.Station:
    app.create_user(station, badge="i2001", name="赵敏", role=Role.INSPECTOR, pin="2468")
    return station


def audit_actions(station: app.Station) -> list[str]:
    return station.db.run(
        lambda s: list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    )


def test_pins_are_stored_as_argon2id_with_owasp_parameters(user_station: app.Station) -> None:
    digest = user_station.db.run(lambda s: s.scalar(select(User.pin_hash)))
    assert digest.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "2468" not in digest


def test_login_with_badge_and_pin(user_station: app.Station) -> None:
    user = user_station.auth.login("I2001", "2468")
    assert (user.badge_id, user.display_name, user.role) == ("I2001", "赵敏", Role.INSPECTOR)
    assert audit_actions(user_station)[-1] == "login"


def test_the_audit_log_names_a_user_by_badge_as_subject_and_as_actor(
    user_station: app.Station,
) -> None:
    user_station.auth.login("I2001", "2468")
    rows = user_station.db.run(
        lambda s: [
            (e.action, e.actor, e.entity)
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]
    )
    added = next(row for row in rows if row[0] == "user_added")
    assert added[2] == "user:I2001"
    assert rows[-1] == ("login", "user:I2001", "user:I2001")


def test_badges_are_case_insensitive_and_trimmed(user_station: app.Station) -> None:
    assert user_station.auth.login("  i2001 ", "2468").badge_id == "I2001"


def test_wrong_pins_count_down_then_lock_the_badge_and_say_so(user_station: app.Station) -> None:
    clock = Clock()
    auth = Authenticator(
        user_station.db, station_id="ST-TEST", lockout=LockoutPolicy(3, 5), clock=clock
    )
    for left in (2, 1):
        with pytest.raises(BadCredentials) as info:
            auth.login("I2001", "0000")
        assert info.value.attempts_left == left
    with pytest.raises(BadgeLocked) as locked:
        auth.login("I2001", "0000")
    assert locked.value.until == NOW + timedelta(minutes=5)
    with pytest.raises(BadgeLocked):
        auth.login("I2001", "2468")  # even the right PIN, while locked
    assert audit_actions(user_station)[-3:] == ["login_failed", "badge_locked", "login_refused"]
    clock.now = NOW + timedelta(minutes=5, seconds=1)
    assert auth.login("I2001", "2468").badge_id == "I2001"


@pytest.mark.parametrize("badge", ["NOBODY", "", "x" * 500, "'; DROP TABLE users; --", "\x00"])
def test_unknown_or_junk_badges_are_refused_and_logged(user_station: app.Station, badge) -> None:
    with pytest.raises(BadCredentials):
        user_station.auth.login(badge, "2468")
    assert audit_actions(user_station)[-1] == "login_failed"
    assert len(user_station.db.run(list_users)) == 1


def test_a_disabled_user_cannot_log_in(user_station: app.Station) -> None:
    user_station.db.run(lambda s: set_active(s, badge="I2001", active=False, actor="t"))
    with pytest.raises(BadCredentials):
        user_station.auth.login("I2001", "2468")


@pytest.mark.parametrize(
    "badge,name,pin,message",
    [
        ("I2001", "Dup", "1234", "already exists"),
        ("bad badge!", "X", "1234", "badge id"),
        ("I3", "", "1234", "display name"),
        ("I3", "名\x07", "1234", "display name"),
        ("I3", "X", "12", "4 to 12 digits"),
        ("I3", "X", "abcd", "4 to 12 digits"),
        # digits no keypad types: the user could never log in with the PIN they were given
        ("I3", "X", "１２３４５６", "4 to 12 digits"),
        ("I3", "X", "١٢٣٤٥٦", "4 to 12 digits"),
    ],
)
def test_bad_users_are_refused(user_station: app.Station, badge, name, pin, message) -> None:
    with pytest.raises(UserError, match=message):
        app.create_user(user_station, badge=badge, name=name, role=Role.INSPECTOR, pin=pin)
