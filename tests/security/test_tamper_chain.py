"""The audit log itself edited on the bench PC's disk: truncated, edited with its unkeyed chain
recomputed, its key or head marker removed. ``station audit verify`` says so and fails."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station.security.audit import entry_hash
from tests.security.conftest import Bench, station_cli


def recompute_unkeyed_chain(database: Path) -> None:
    """What an attacker without the key can do: rehash every entry with the published
    (unkeyed) formula, so each links to the one before."""
    with sqlite3.connect(database) as raw:
        rows = raw.execute(
            "SELECT seq, at, actor, action, entity, details FROM audit_log ORDER BY seq"
        ).fetchall()
        prev = "0" * 64
        for seq, at, actor, action, entity, details in rows:
            when = datetime.fromisoformat(at).replace(tzinfo=UTC)
            digest = entry_hash(
                seq=seq,
                at=when,
                actor=actor,
                action=action,
                entity=entity,
                details=json.loads(details),
                prev_hash=prev,
            )
            raw.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
            )
            prev = digest
    raw.close()


def test_an_untampered_store_verifies_clean(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 0, out
    assert "audit log intact" in out and "keyed from entry 1" in out
    code, out = station_cli(bench, "verify-evidence", capsys=capsys)
    assert code == 0 and "evidence intact" in out, out


def test_the_key_file_is_private_and_not_in_the_database(bench: Bench) -> None:
    key = bench.root / "audit.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    secret = json.loads(key.read_text())["key"]
    assert secret.encode() not in bench.database.read_bytes()
    head = json.loads((bench.root / "audit.head").read_text())
    assert (head["seq"], head["mac"]) == tuple(
        bench.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
    )


def test_truncating_the_newest_entries_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    last = bench.one("SELECT max(seq) FROM audit_log")
    bench.sql("DELETE FROM audit_log WHERE seq > ?", (last - 3,))
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1
    assert "newest entries were removed" in out and f"entry {last}" in out, out


def test_truncating_and_removing_the_head_marker_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    last = bench.one("SELECT max(seq) FROM audit_log")
    bench.sql("DELETE FROM audit_log WHERE seq > ?", (last - 3,))
    (bench.root / "audit.head").unlink()
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and "head marker" in out and "missing" in out, out


def test_an_edited_entry_with_its_unkeyed_chain_recomputed_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    seq = bench.one("SELECT seq FROM audit_log WHERE action = 'inspection_completed' LIMIT 1")
    bench.sql(
        "UPDATE audit_log SET details = json_set(details, '$.refund_fen', 1) WHERE seq = ?",
        (seq,),
    )
    recompute_unkeyed_chain(bench.database)
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1
    assert "broken at entry 1" in out and "audit key" in out, out


def test_a_copied_database_rewritten_elsewhere_does_not_verify_back_on_the_bench(
    bench: Bench, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = Path(shutil.copy(bench.database, tmp_path / "stolen.db"))
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE audit_log SET actor = 'user:I1002' WHERE actor = 'user:I1001'")
    raw.close()
    recompute_unkeyed_chain(copy)
    shutil.copy(copy, bench.database)
    for leftover in ("station.db-wal", "station.db-shm"):
        (bench.root / leftover).unlink(missing_ok=True)
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and "broken at entry 1" in out, out


def test_a_removed_key_file_is_reported(bench: Bench, capsys: pytest.CaptureFixture[str]) -> None:
    (bench.root / "audit.key").unlink()
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and "audit key" in out and "missing or was replaced" in out, out


def test_an_unusable_key_file_is_set_aside_the_bench_works_on_and_verify_reports_it(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    (bench.root / "audit.key").write_text("not a key")
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and "missing or was replaced" in out, out
    [aside] = bench.root.glob("audit.key.unusable-*")
    assert aside.read_text() == "not a key"
    key = json.loads((bench.root / "audit.key").read_text())
    assert key["keyed_from"] == bench.one(
        "SELECT seq FROM audit_log WHERE action = 'chain.keyed' ORDER BY seq DESC LIMIT 1"
    )
