"""``bench/central.py`` at a tiny scale: each store and way to PostgreSQL it offers drains a
backlog and lands in its table (``make bench`` runs it with its defaults)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.central.servers import postgres_unavailable

BENCH = Path(__file__).resolve().parents[2] / "bench" / "central.py"


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--inspections",
            "3",
            "--photos",
            "1",
            "--photo-kb",
            "20",
            "--workers",
            "1",
            "--runs",
            "1",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def table_rows(output: str) -> list[str]:
    return [line.split("|")[1].strip() for line in output.splitlines() if line.startswith("| ")]


def test_each_store_and_way_to_postgresql_drains_into_the_table() -> None:
    if (reason := postgres_unavailable()) is not None:
        pytest.skip(f"cannot run PostgreSQL here: {reason}")
    done = run_bench("--stores", "sqlite-disk,pg-disk", "--pg-over", "socket,tcp")
    assert done.returncode == 0, done.stderr[-2000:]
    rows = table_rows(done.stdout)
    assert {"sqlite-disk", "pg-disk", "pg-disk over TCP"} <= set(rows)
    assert "backlog: 3 inspections, 12 events, 3 photos" in done.stdout


def test_a_way_to_postgresql_it_does_not_know_is_refused_by_name() -> None:
    done = run_bench("--stores", "sqlite-disk", "--pg-over", "pigeon")
    assert done.returncode == 2
    assert "--pg-over takes socket, tcp or socket,tcp" in done.stderr
