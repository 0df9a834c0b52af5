"""A store from before the chain was keyed: its unkeyed entries are checked as before, a
``chain.keyed`` entry seals them and ``chain.bound`` entries record the rows it already held,
so they are protected from then on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command

from station.store.engine import sqlite_engine
from station.store.migrate import alembic_config
from tests.security.conftest import Bench, station_cli
from tests.security.test_tamper_chain import recompute_unkeyed_chain
from tests.store.test_upgrade import FIXTURE


def make_unkeyed(bench: Bench) -> int:
    """Turn the bench's store into what the build before keying left: schema 0006, an unkeyed
    chain, no key, no head marker. Returns the number of entries."""
    bench.sql("UPDATE audit_log SET binds = NULL")
    recompute_unkeyed_chain(bench.database)
    engine = sqlite_engine(bench.database)
    try:
        command.downgrade(alembic_config(engine), "0006")
    finally:
        engine.dispose()
    (bench.root / "audit.key").unlink()
    (bench.root / "audit.head").unlink()
    return int(bench.one("SELECT count(*) FROM audit_log"))


def test_an_unkeyed_store_with_inspections_upgrades_and_verifies(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = make_unkeyed(bench)
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 0, out
    assert f"keyed from entry {entries + 1}" in out
    sealed = bench.sql("SELECT seq, action FROM audit_log WHERE seq > ? ORDER BY seq", (entries,))
    assert sealed[0] == (entries + 1, "chain.keyed")
    assert {action for _, action in sealed[1:]} == {"chain.bound"}
    code, out = station_cli(bench, "verify-evidence", capsys=capsys)
    assert code == 0 and "evidence intact" in out, out


def test_rows_of_an_upgraded_store_are_protected_from_then_on(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    make_unkeyed(bench)
    assert station_cli(bench, "audit", "verify", capsys=capsys)[0] == 0
    bench.sql("UPDATE inspections SET refund_fen = 1 WHERE id = ?", (bench.plain,))
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and f"inspection {bench.plain}" in out and "chain.bound" in out, out


def test_the_unkeyed_part_is_still_checked_after_the_seal(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    make_unkeyed(bench)
    assert station_cli(bench, "audit", "verify", capsys=capsys)[0] == 0
    bench.sql("UPDATE audit_log SET actor = 'user:MALLORY' WHERE seq = 3")
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and "broken at entry 3" in out, out


def test_the_first_schemas_store_upgrades_and_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / "station.db")
    bench = Bench(data, ["--data-dir", str(data), "--config", str(tmp_path / "n.toml")], "", "", "")
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 0 and "audit log intact: 5 entries, keyed from entry 4" in out, out
    inspection = bench.one("SELECT id FROM inspections")
    bench.sql("UPDATE inspections SET refund_fen = 1 WHERE id = ?", (inspection,))
    code, out = station_cli(bench, "audit", "verify", capsys=capsys)
    assert code == 1 and f"inspection {inspection}" in out, out
