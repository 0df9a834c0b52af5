"""The bench's side of trust: badges central issued, PIN guessing, and decisions checked again
before they change a verdict here."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from station import app
from station.config import load_settings
from station.protocol.badges import hash_secret_with_pin, new_secret, verify_hash
from station.protocol.enums import Grade, Role
from station.protocol.events import Decision
from station.protocol.wire import Change, ChangeKind, ChangesPage, UserChange
from station.review.decisions import DecisionRequest
from station.review.service import ReviewService
from station.security.users import BadCredentials, BadgeLocked, LockoutPolicy, StationLocked
from station.setup import config_file
from station.store.models import AuditEntry, Inspection, User
from station.sync.pull import apply_page
from tests.conftest import NOW
from tests.review.conftest import REFUSE, clean_orders, finish

SEQ = iter(range(1, 10**6))


def publish(station: app.Station, kind: ChangeKind, key: str, body: dict[str, object]) -> None:
    """A change as the central service publishes it, applied as a pull applies it."""
    seq = next(SEQ) + 1000
    page = ChangesPage(
        changes=[Change(seq=seq, kind=kind, key=key, body=body, at=datetime.now(UTC))],
        cursor=str(seq),
        more=False,
    )
    station.db.run(
        lambda s: apply_page(s, page, previous=None, station_id="ST-TEST", now=datetime.now(UTC))
    )


def issue_badge(station: app.Station, badge: str, role: Role, pin: str) -> str:
    """Central issues a badge: the bench gets the hash of secret and PIN; the code is printed."""
    secret = new_secret()
    user = UserChange(
        badge_id=badge,
        display_name="钱主管",
        role=role,
        pin_hash=hash_secret_with_pin(secret, pin),
    )
    publish(station, ChangeKind.USER, badge, user.model_dump(mode="json"))
    return f"RSB1-{badge}-{secret}"


def actions(station: app.Station, action: str) -> int:
    return len(
        station.db.run(
            lambda s: list(s.scalars(select(AuditEntry.seq).where(AuditEntry.action == action)))
        )
    )


def test_a_badge_central_issued_logs_in_only_with_the_badge_itself(station: app.Station) -> None:
    code = issue_badge(station, "S8001", Role.SUPERVISOR, "482913")
    user = station.auth.login(code, "482913")
    assert user.badge_id == "S8001" and user.badge is not None
    assert "482913" not in repr(user) and code not in repr(user)
    assert station.auth.login(code.lower(), "482913").badge_id == "S8001"  # scanners differ
    with pytest.raises(BadCredentials):
        station.auth.login("S8001", "482913")  # its number typed, without the badge
    with pytest.raises(BadCredentials):
        station.auth.login(code[:-1] + ("A" if code[-1] != "A" else "B"), "482913")


def test_a_copied_station_database_gives_no_pin_away(station: app.Station) -> None:
    issue_badge(station, "S8002", Role.SUPERVISOR, "1234")
    stored = station.db.run(
        lambda s: s.scalar(select(User.pin_hash).where(User.badge_id == "S8002"))
    )
    # the right PIN alone does not open it: the badge's 130-bit secret is part of what is hashed
    assert not verify_hash(stored, "1234")


def test_a_locked_badge_is_refused_even_with_the_right_pin_and_each_try_is_audited(
    station: app.Station,
) -> None:
    code = issue_badge(station, "I8003", Role.INSPECTOR, "2468")
    for _ in range(4):
        with pytest.raises(BadCredentials):
            station.auth.login(code, "0000")
    with pytest.raises(BadgeLocked):
        station.auth.login(code, "0000")
    refused_before = actions(station, "login_refused")
    with pytest.raises(BadgeLocked):
        station.auth.login(code, "2468")
    assert actions(station, "login_refused") == refused_before + 1


def test_locks_in_a_row_grow_and_a_good_login_starts_over(tmp_path: Path) -> None:
    policy = LockoutPolicy(max_attempts=2, lock_minutes=5)
    assert [policy.lock_for(n) for n in (1, 2, 3)] == [
        timedelta(minutes=5),
        timedelta(minutes=10),
        timedelta(minutes=20),
    ]
    assert policy.lock_for(30) == timedelta(days=1)
    assert policy.lock_for(10_000) == timedelta(days=1)  # doubled past what a timedelta holds


def test_many_wrong_pins_at_one_station_pause_its_logins(station: app.Station) -> None:
    app.create_user(station, badge="I8004", name="赵敏", role=Role.INSPECTOR, pin="2468")
    policy = station.auth.lockout
    badges = [f"X{n:04d}" for n in range(policy.station_attempts)]
    for badge in badges:  # someone walking through badge numbers, one PIN each
        with pytest.raises(BadCredentials):
            station.auth.login(badge, "0000")
    with pytest.raises(StationLocked):
        station.auth.login("I8004", "2468")  # even a real user, with the right PIN
    assert actions(station, "login_refused") >= 1


def test_unknown_locked_and_wrong_answers_cost_the_same_hash(station: app.Station) -> None:
    code = issue_badge(station, "I8005", Role.INSPECTOR, "2468")

    def median_ms(badge: str, pin: str) -> float:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            with pytest.raises(BadCredentials):
                station.auth.login(badge, pin)
            times.append((time.perf_counter() - began) * 1000)
        return sorted(times)[1]

    wrong = median_ms(code, "0001")
    unknown = median_ms("NOBODY", "0001")
    assert unknown > wrong / 4 and wrong > unknown / 4


def _decision(inspection: str, decided_by: str, **fields: object) -> Decision:
    return Decision(
        decision_id="0190f1e2-0000-7000-8000-0000000000aa",
        inspection_id=inspection,
        decided_by=decided_by,
        decided_at=NOW + timedelta(days=1),
        reason="复核改判",
        approve=False,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("decided_by", "fields", "why"),
    [
        ("I1001", {"grade": Grade.D}, "not an active supervisor"),
        ("NOBODY", {"grade": Grade.D}, "not an active supervisor"),
        ("S9001", {"refund_fen": 10**15}, "more than the line"),
    ],
    ids=["an-inspector", "unknown", "refund-past-the-line"],
)
def test_a_pulled_decision_that_fails_the_benchs_own_check_changes_nothing(
    demo_station: app.Station,
    service: ReviewService,
    inspector: object,
    decided_by: str,
    fields: dict[str, object],
    why: str,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)  # type: ignore[arg-type]
    key = done.inspection.id
    before = demo_station.db.run(
        lambda s: (s.get_one(Inspection, key).grade, s.get_one(Inspection, key).refund_fen)
    )
    decision = _decision(key, decided_by, **fields)
    publish(
        demo_station, ChangeKind.DECISION, decision.decision_id, decision.model_dump(mode="json")
    )
    after = demo_station.db.run(
        lambda s: (s.get_one(Inspection, key).grade, s.get_one(Inspection, key).refund_fen)
    )
    assert after == before
    reasons = demo_station.db.run(
        lambda s: [
            e.details.get("why", "")
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "change_refused"))
        ]
    )
    assert any(why in r for r in reasons), reasons


def test_an_old_settings_file_with_the_fleet_key_still_loads_and_loses_the_key(
    tmp_path: Path,
) -> None:
    """A station enrolled with the old fleet-wide key keeps its token; the key is dropped."""
    path = tmp_path / "station.toml"
    path.write_text(
        '[station]\nstation_id = "ST-OLD01"\ncentral_url = "http://127.0.0.1:8765"\n'
        'central_enrollment_key = "the-old-fleet-wide-key-0123"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.station_id == "ST-OLD01" and settings.central_url
    assert config_file.scrub_retired(path) == ["central_enrollment_key"]
    text = path.read_text(encoding="utf-8")
    assert "fleet-wide" not in text and "ST-OLD01" in text
    assert config_file.scrub_retired(path) == []


def test_a_decision_signed_by_a_badge_carries_a_proof(
    demo_station: app.Station, service: ReviewService, inspector: object
) -> None:
    code = issue_badge(demo_station, "S8006", Role.SUPERVISOR, "135790")
    supervisor = demo_station.auth.login(code, "135790")
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)  # type: ignore[arg-type]
    made = service.decide(supervisor, done.inspection.id, DecisionRequest("改判 B", grade=Grade.B))
    assert made.decision.proof is not None and len(made.decision.proof) == 64
