"""Finishing the first run: an admin first, then the settings file; never one without the other
being possible to repeat."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from station import app
from station.config import DataPaths, load_settings
from station.setup.first_run import (
    AdminAnswer,
    FirstRunAnswers,
    FirstRunError,
    check_admin,
    finish,
    has_active_admin,
    needs_first_run,
)
from tests.conftest import make_settings

ADMIN = AdminAnswer(badge="a0100", name="仓库IT 刘工", pin="246810")


def answers(**changes: object) -> FirstRunAnswers:
    values: dict[str, object] = {
        "language": "zh_CN",
        "station_id": "ST-HZ07",
        "camera": "none",
        "label_printer": "",
        "admin": ADMIN,
    }
    values.update(changes)
    return FirstRunAnswers(**values)  # type: ignore[arg-type]


def test_finishing_creates_the_admin_and_the_settings(tmp_path: Path) -> None:
    config, paths = tmp_path / "station.toml", DataPaths(tmp_path / "data")
    settings = finish(answers(), config_path=config, paths=paths)
    assert settings.station_id == "ST-HZ07"
    assert tomllib.loads(config.read_text())["station"]["station_id"] == "ST-HZ07"
    assert "label_printer" not in tomllib.loads(config.read_text())["station"]
    assert has_active_admin(paths)
    station = app.open_station(load_settings(config, data_dir=paths.root))
    try:
        user = station.auth.login("A0100", "246810")
        assert user.role.value == "admin" and user.display_name == "仓库IT 刘工"
    finally:
        station.close()
    assert not needs_first_run(config, make_settings(paths.root))


def test_working_offline_for_now_leaves_the_central_service_unset(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    settings = finish(answers(central_url=""), config_path=config, paths=DataPaths(tmp_path / "d"))
    assert settings.central_url == ""
    assert "central_url" not in config.read_text()


def test_it_cannot_finish_without_an_admin(tmp_path: Path) -> None:
    config, paths = tmp_path / "station.toml", DataPaths(tmp_path / "data")
    with pytest.raises(FirstRunError, match="needs an admin") as refused:
        finish(answers(admin=None), config_path=config, paths=paths)
    assert refused.value.field == "badge"
    assert not config.exists()
    assert not has_active_admin(paths)


def test_a_store_with_an_admin_needs_no_new_one(tmp_path: Path, demo_template: Path) -> None:
    paths = DataPaths(demo_template)
    assert has_active_admin(paths)  # the demo admin A0001
    config = tmp_path / "station.toml"
    shutil.copytree(demo_template, tmp_path / "data")
    finish(answers(admin=None), config_path=config, paths=DataPaths(tmp_path / "data"))
    assert config.exists()


def test_bad_settings_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    config, paths = tmp_path / "station.toml", DataPaths(tmp_path / "data")
    with pytest.raises(FirstRunError) as refused:
        finish(answers(central_url="central:8765"), config_path=config, paths=paths)
    assert refused.value.field == "central_url"
    assert not config.exists()
    assert not paths.database.exists()


@pytest.mark.parametrize(
    "admin,again,field",
    [
        (AdminAnswer("", "IT", "246810"), "246810", "badge"),
        (AdminAnswer("A 01", "IT", "246810"), "246810", "badge"),
        (AdminAnswer("A0100", "  ", "246810"), "246810", "name"),
        (AdminAnswer("A0100", "IT\x00", "246810"), "246810", "name"),
        (AdminAnswer("A0100", "IT", "12"), "12", "pin"),
        (AdminAnswer("A0100", "IT", "abcd"), "abcd", "pin"),
        (AdminAnswer("A0100", "IT", "246810"), "246811", "pin"),
    ],
)
def test_an_admin_the_store_would_refuse_is_refused_up_front(
    admin: AdminAnswer, again: str, field: str
) -> None:
    with pytest.raises(FirstRunError) as refused:
        check_admin(admin, again)
    assert refused.value.field == field


def test_a_demo_or_a_configured_station_skips_the_first_run(tmp_path: Path) -> None:
    config = tmp_path / "station.toml"
    assert needs_first_run(config, make_settings(tmp_path))
    assert not needs_first_run(config, make_settings(tmp_path, demo=True))
    config.write_text("[station]\n")
    assert not needs_first_run(config, make_settings(tmp_path))
