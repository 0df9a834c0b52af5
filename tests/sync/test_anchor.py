"""The station's audit log against the head central anchored with each push."""

from __future__ import annotations

import sqlite3

import pytest

from station import app
from station.cli import main
from station.security.audit_key import AuditHead, write_head
from tests.sync.test_sync_e2e import inspect


def verify(station: app.Station, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    data = station.paths.root
    settings = station.settings
    station.close()
    capsys.readouterr()
    code = main(
        [
            "--data-dir",
            str(data),
            "--config",
            str(data / "none.toml"),
            "--station-id",
            settings.station_id,
            "audit",
            "verify",
        ]
    )
    return code, capsys.readouterr().out


@pytest.fixture
def central_env(synced: app.Station, monkeypatch: pytest.MonkeyPatch) -> app.Station:
    monkeypatch.setenv("STATION_CENTRAL_URL", synced.settings.central_url)
    return synced


def test_a_log_that_holds_what_was_sent_verifies_against_central(
    central_env: app.Station, capsys: pytest.CaptureFixture[str]
) -> None:
    inspect(central_env, 1)
    central_env.sync.sync_once()
    code, out = verify(central_env, capsys)
    assert code == 0, out
    assert "is here as it was sent" in out


def test_a_log_cut_behind_what_was_sent_is_caught_even_with_its_marker_rolled_back(
    central_env: app.Station, capsys: pytest.CaptureFixture[str]
) -> None:
    inspect(central_env, 2)
    central_env.sync.sync_once()
    data = central_env.paths.root
    central_env.close()
    with sqlite3.connect(data / "station.db") as db:
        newest = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE seq > ?", (newest - 3,))
        seq, mac = db.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    write_head(data, AuditHead(seq=seq, mac=mac))  # whoever cut it rolled the marker back
    reopened = app.open_station(central_env.settings)
    code, out = verify(reopened, capsys)
    assert code == 1
    assert "central anchor: FAILED" in out and "cut short" in out
