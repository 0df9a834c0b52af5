from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from station.security import audit
from station.store.database import Database


@pytest.fixture
def db(tmp_path: Path):
    database = Database.open(tmp_path / "s.db")
    for n in range(1, 6):
        database.run(
            lambda s, n=n: audit.append(
                s,
                actor="user:I1",
                action="did",
                entity=f"thing:{n}",
                details={"n": n, "note": "检验"},
            )
        )
    yield database
    database.close()


def _sql(db: Database, statement: str) -> None:
    path = db.engine.url.database
    assert path
    with sqlite3.connect(path) as raw:
        raw.execute(statement)


def test_an_untouched_chain_verifies(db: Database) -> None:
    report = db.run(audit.verify)
    assert report.ok and report.checked == 6  # the five, after the entry that keys the chain
    assert report.keyed_from == 1


def test_each_entry_links_to_the_one_before(db: Database) -> None:
    from sqlalchemy import select

    from station.store.models import AuditEntry

    rows = db.run(lambda s: list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq))))
    assert rows[0].prev_hash == audit.GENESIS and rows[0].action == "chain.keyed"
    for before, after in itertools.pairwise(rows):
        assert after.prev_hash == before.hash


def test_an_edited_entry_is_found(db: Database) -> None:
    _sql(db, "UPDATE audit_log SET actor = 'user:MALLORY' WHERE seq = 3")
    report = db.run(audit.verify)
    assert (report.broken_at, report.checked) == (3, 2)
    assert "changed" in report.reason


def test_an_edit_with_a_recomputed_unkeyed_hash_is_found(db: Database) -> None:
    from sqlalchemy import select

    from station.store.models import AuditEntry

    row = db.run(lambda s: s.scalar(select(AuditEntry).where(AuditEntry.seq == 2)))
    forged = audit.entry_hash(
        seq=2,
        at=row.at,
        actor="user:MALLORY",
        action=row.action,
        entity=row.entity,
        details=row.details,
        prev_hash=row.prev_hash,
    )
    _sql(db, f"UPDATE audit_log SET actor = 'user:MALLORY', hash = '{forged}' WHERE seq = 2")
    report = db.run(audit.verify)  # the keyed entry's MAC is not a plain hash
    assert report.broken_at == 2 and "MAC" in report.reason


def test_a_deleted_entry_is_found(db: Database) -> None:
    _sql(db, "DELETE FROM audit_log WHERE seq = 4")
    report = db.run(audit.verify)
    assert report.broken_at == 4 and "missing" in report.reason


def test_reordered_entries_are_found(db: Database) -> None:
    _sql(db, "UPDATE audit_log SET seq = -1 WHERE seq = 2")
    _sql(db, "UPDATE audit_log SET seq = 2 WHERE seq = 3")
    _sql(db, "UPDATE audit_log SET seq = 3 WHERE seq = -1")
    assert db.run(audit.verify).broken_at == 2
