from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station.printing import fonts
from station.printing.fonts import FontFile, FontMissing, register_pdf_font

NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


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


@pytest.mark.skipif(not NOTO_CFF.exists(), reason="Noto CJK (fonts-noto-cjk) not installed")
def test_a_font_reportlab_cannot_embed_is_refused_with_the_reason() -> None:
    with pytest.raises(FontMissing, match=r"NotoSansCJK-Regular\.ttc cannot be embedded in a PDF"):
        register_pdf_font(FontFile(NOTO_CFF), "NotEmbeddable")


def test_the_station_font_draws_chinese() -> None:
    face = fonts.raster_font(40)
    assert face.getbbox("无头件")[2] > 80
