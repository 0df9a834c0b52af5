from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from station import fonts
from station.fonts import FontFile, FontMissing


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    fonts.find_font.cache_clear()
    yield
    fonts.find_font.cache_clear()


def test_no_font_is_a_clear_error_naming_what_to_install(
    fresh_lookup: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "candidates", lambda: [FontFile(tmp_path / "none.ttc")])
    with pytest.raises(FontMissing, match=r"Install fonts-wqy-zenhei .* Looked in: .*none\.ttc"):
        fonts.find_font()


def test_the_setting_wins_and_may_pick_a_face_of_a_collection(
    fresh_lookup: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = fonts.candidates()[-1].path
    monkeypatch.setenv("STATION_LABEL_FONT", f"{chosen}#1")
    assert fonts.candidates()[0] == FontFile(chosen, 1)


def test_the_font_carried_by_an_installed_bundle_comes_before_the_systems(
    fresh_lookup: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system = fonts.find_font()  # what this machine has
    (tmp_path / "fonts").mkdir()
    shutil.copyfile(system.path, tmp_path / "fonts" / "wqy-zenhei.ttc")
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    fonts.find_font.cache_clear()
    assert fonts.find_font() == FontFile(tmp_path / "fonts" / "wqy-zenhei.ttc")
