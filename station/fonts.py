"""The station's Chinese font: one file for labels, the command sheet and photo captions.

It must be a TrueType-outline font: reportlab can embed only those (Noto CJK is CFF, so it is
not a candidate), and a PDF whose font is not embedded prints as boxes on a printer without
it. WenQuanYi Zen Hei is the Debian package ``fonts-wqy-zenhei``; the Linux bundle carries a
copy in ``resources/fonts``, so an installed station prints the same labels on any PC. On
Windows SimHei and Microsoft YaHei qualify. ``STATION_LABEL_FONT=path[#index]`` picks another.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from station.config import resources_dir

log = logging.getLogger(__name__)


class FontMissing(RuntimeError):
    """No usable CJK font; the message says where the station looked and what to install."""


@dataclass(frozen=True, slots=True)
class FontFile:
    path: Path
    index: int = 0  # sub-font of a .ttc collection


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def candidates() -> list[FontFile]:
    """Where the font is looked for, in order of preference."""
    found = [
        FontFile(resources_dir() / "fonts" / "wqy-zenhei.ttc"),  # carried by the bundle
        FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),  # Debian, Ubuntu
        FontFile(Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc")),  # Fedora, Arch
        FontFile(Path("/usr/share/fonts/truetype/wqy-zenhei/wqy-zenhei.ttc")),
        FontFile(_windows_fonts() / "simhei.ttf"),
        FontFile(_windows_fonts() / "msyh.ttc"),
        FontFile(Path("/Library/Fonts/Arial Unicode.ttf")),  # macOS
    ]
    override = os.environ.get("STATION_LABEL_FONT")
    if override:
        path, _, index = override.partition("#")
        found.insert(0, FontFile(Path(path), int(index) if index.isdigit() else 0))
    return found


@lru_cache(maxsize=1)
def find_font() -> FontFile:
    for font in candidates():
        if font.path.is_file():
            log.info("CJK font: %s (#%d)", font.path, font.index)
            return font
    looked = "; ".join(str(f.path) for f in candidates())
    raise FontMissing(
        "no Chinese TrueType font. Install fonts-wqy-zenhei (Debian/Ubuntu) "
        f"or set STATION_LABEL_FONT to a .ttf/.ttc file. Looked in: {looked}"
    )
