"""``station run`` as a whole: the wizard on a station without settings, and a restart that
opens the station again with what was just saved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from station.setup import config_file

ROOT = Path(__file__).resolve().parents[3]


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "station", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_a_station_without_settings_opens_the_first_run_wizard(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    result = station_cli(
        "--config", str(config), "--data-dir", str(tmp_path / "d"), "run", "--smoke"
    )
    assert result.returncode == 0, result.stderr
    assert "screen: first-run" in result.stdout
    assert not config.exists()  # looking is not setting up


def test_a_configured_station_opens_at_the_login(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    config.write_text('[station]\nstation_id = "ST-RUN1"\ncamera = "none"\n')
    result = station_cli(
        "--config", str(config), "--data-dir", str(tmp_path / "d"), "run", "--smoke"
    )
    assert result.returncode == 0, result.stderr
    assert "screen: login" in result.stdout


def test_a_broken_settings_file_stops_the_start_with_its_name(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    config.write_text('[station]\nstation_id = "?"\n')
    result = station_cli("--config", str(config), "run", "--smoke")
    assert result.returncode == 2
    assert "station.toml" in result.stderr and "station_id" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_restart_opens_the_station_again_with_the_saved_settings(
    tmp_path: Path, demo_template: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    config = tmp_path / "station.toml"
    config_file.save(config, {"station_id": "ST-R1", "camera": "none", "language": "en"})
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("restart_child.py")), str(config), str(data)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    titles = [
        line.rsplit("·", 1)[-1].strip()
        for line in result.stdout.splitlines()
        if line.startswith("window:")
    ]
    assert titles == ["ST-R1", "ST-R2"]
