from __future__ import annotations

import os
from pathlib import Path

import pytest

from station.config import ConfigError, load_settings


def test_defaults_run_with_nothing_configured(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml")
    assert settings.station_id.startswith("ST-")
    assert settings.idle_lock_minutes == 5
    assert settings.data_dir.is_absolute()


def test_file_then_environment_then_command_line(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "station.toml"
    config.write_text('[station]\nstation_id = "st-file"\nidle_lock_minutes = 9\nlanguage = "en"\n')
    settings = load_settings(config)
    assert (settings.station_id, settings.idle_lock_minutes) == ("ST-FILE", 9)
    monkeypatch.setenv("STATION_IDLE_LOCK_MINUTES", "3")
    assert load_settings(config).idle_lock_minutes == 3
    assert load_settings(config).station_id == "ST-FILE"
    assert load_settings(config, idle_lock_minutes=7).idle_lock_minutes == 7
    assert load_settings(config, data_dir=tmp_path / "d").data_dir == tmp_path / "d"


def test_broken_toml_names_the_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    config.write_text('[station]\nstation_id = "A"\nidle_lock_minutes = = 3\n')
    with pytest.raises(ConfigError, match=r"station\.toml: .*line 3"):
        load_settings(config)


@pytest.mark.parametrize(
    "body,message",
    [
        ('station_id = "bad id!"', "station_id"),
        ("idle_lock_minutes = 0", "idle_lock_minutes"),
        ('language = "fr"', "language"),
        ("unknown_key = 1", "unknown_key"),
    ],
)
def test_bad_values_are_refused_with_the_key(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / "station.toml"
    config.write_text(f"[station]\n{body}\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("nested", "nested too deeply"),
        ("binary", "not UTF-8 text"),
        ("fifo", "not a regular file"),
        ("devzero", "not a regular file"),
    ],
)
def test_a_hostile_settings_file_is_one_clear_error(tmp_path: Path, kind: str, said: str) -> None:
    """Each was a traceback, 2 GB of memory, or a hang of every command."""
    path = tmp_path / "station.toml"
    if kind == "nested":
        path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    elif kind == "binary":
        path.write_bytes(b"\xff\xfe\x00station")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(ConfigError, match=said):
        load_settings(path, data_dir=tmp_path / "data")
