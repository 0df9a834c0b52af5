"""The settings file as the settings dialog and the wizard write it."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from station.config import ConfigError, load_settings
from station.setup import config_file
from station.setup.config_file import InvalidSettings


def test_saving_merges_validates_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text('[station]\nstation_id = "ST-A1"\nidle_lock_minutes = 7\n[other]\nx = 1\n')
    saved = config_file.save(
        path, {"central_url": "http://central:8765/", "label_size": "60x40", "camera": "none"}
    )
    assert saved.central_url == "http://central:8765"
    document = tomllib.loads(path.read_text())
    assert document["other"] == {"x": 1}  # what the station does not own is kept
    assert document["station"]["idle_lock_minutes"] == 7
    settings = load_settings(path, data_dir=tmp_path / "data")
    assert (settings.station_id, settings.label_size, settings.camera) == ("ST-A1", "60x40", "none")


def test_the_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    config_file.save(path, {"central_token": "tok-very-secret"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_empty_value_removes_the_key(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    config_file.save(path, {"label_printer": "cups:Zebra", "camera": "camera:1"})
    config_file.save(path, {"label_printer": "", "camera": None})
    assert tomllib.loads(path.read_text())["station"] == {}


@pytest.mark.parametrize(
    "changes,bad_key",
    [
        ({"central_url": "central:8765"}, "central_url"),
        ({"central_url": "ftp://central"}, "central_url"),
        ({"station_id": "x"}, "station_id"),
        ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
        ({"camera": "webcam"}, "camera"),
        ({"label_printer": "lpt1"}, "label_printer"),
        ({"label_size": "4x6"}, "label_size"),
        ({"language": "fr"}, "language"),
        ({"no_such_setting": 1}, "no_such_setting"),
    ],
)
def test_a_bad_value_is_refused_with_its_key_and_nothing_is_written(
    tmp_path: Path, changes: dict[str, object], bad_key: str
) -> None:
    path = tmp_path / "station.toml"
    config_file.save(path, {"station_id": "ST-A1", "label_size": "100x150"})
    before = path.read_bytes()
    with pytest.raises(InvalidSettings) as refused:
        config_file.save(path, {"label_size": "60x40", **changes})
    assert bad_key in refused.value.problems
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["station.toml"]  # no temporary left


def test_several_bad_values_are_all_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidSettings) as refused:
        config_file.save(tmp_path / "s.toml", {"central_url": "nope", "station_id": "?"})
    assert set(refused.value.problems) == {"central_url", "station_id"}
    assert not (tmp_path / "s.toml").exists()


def test_a_broken_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text("[station\nstation_id = ")
    with pytest.raises(ConfigError, match="fix or remove"):
        config_file.save(path, {"station_id": "ST-A1"})
    assert path.read_text() == "[station\nstation_id = "


def test_validation_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_IDLE_LOCK_MINUTES", "9")
    assert config_file.validate({"station_id": "ST-A1"}).idle_lock_minutes == 5
    assert config_file.environment_overrides()["idle_lock_minutes"] == "9"


def test_secrets_set_by_environment_are_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_CENTRAL_TOKEN", "tok-from-env")
    assert config_file.environment_overrides()["central_token"] == "<set>"
    assert config_file.redacted({"central_token": "abc", "camera": "none"}) == {
        "central_token": "<removed>",
        "camera": "none",
    }


def test_which_changes_need_a_restart(tmp_path: Path) -> None:
    before = config_file.validate({"station_id": "ST-A1"})
    after = config_file.validate({"station_id": "ST-A2", "idle_lock_minutes": 9, "camera": "none"})
    assert config_file.needs_restart(before, after) == ["station_id", "camera"]


def test_a_write_that_fails_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station.toml"
    config_file.save(path, {"station_id": "ST-A1"})
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        config_file.save(path, {"station_id": "ST-B2"})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["station.toml"]
