from __future__ import annotations

from pathlib import Path

import pytest

from station.printing import fonts
from station.printing.fonts import FontFile, FontMissing, register_pdf_font

NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.mark.skipif(not NOTO_CFF.exists(), reason="Noto CJK (fonts-noto-cjk) not installed")
def test_a_font_reportlab_cannot_embed_is_refused_with_the_reason() -> None:
    with pytest.raises(FontMissing, match=r"NotoSansCJK-Regular\.ttc cannot be embedded in a PDF"):
        register_pdf_font(FontFile(NOTO_CFF), "NotEmbeddable")


def test_the_station_font_draws_chinese() -> None:
    face = fonts.raster_font(40)
    assert face.getbbox("无头件")[2] > 80
