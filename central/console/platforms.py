"""The platforms disputes are fought on, read from ``platforms.toml`` (rules kept as data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final

from station.protocol.textfiles import read_text, toml_loads

DEFAULT_FILE: Final = Path(__file__).with_name("platforms.toml")
MB: Final = 1_000_000  # platforms' megabytes: the smaller reading is the safe one


class DeadlineFrom(StrEnum):
    NOTIFIED = "notified"  # the platform's notice of the case
    SIGNED_OFF = "signed_off"  # the warehouse signing for the returned parcel


class PlatformFileError(ValueError):
    """The platforms file cannot be used; says which platform and field."""


@dataclass(frozen=True, slots=True)
class Platform:
    code: str
    name_zh: str
    name_en: str
    deadline_hours: int
    deadline_from: DeadlineFrom
    rule_zh: str
    rule_en: str
    video_original: bool
    video_max_seconds: int
    video_max_mb: int
    images_max: int
    image_max_kb: int
    text_max_chars: int

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def rule(self, lang: str) -> str:
        return self.rule_zh if lang.startswith("zh") else self.rule_en

    def deadline(self, notified: datetime, signed_off: datetime | None) -> datetime:
        """When the answer must be in; counted from what the platform's rule says."""
        anchor = self.anchor(notified, signed_off)
        return anchor + timedelta(hours=self.deadline_hours)

    def anchor(self, notified: datetime, signed_off: datetime | None) -> datetime:
        if self.deadline_from is DeadlineFrom.SIGNED_OFF and signed_off is not None:
            return signed_off
        return notified

    @property
    def video_max_bytes(self) -> int:
        return self.video_max_mb * MB

    @property
    def image_max_bytes(self) -> int:
        return self.image_max_kb * 1000


_INTS = (
    "deadline_hours",
    "video_max_seconds",
    "video_max_mb",
    "images_max",
    "image_max_kb",
    "text_max_chars",
)
_TEXTS = ("name_zh", "name_en", "rule_zh", "rule_en")


def _platform(code: str, raw: dict[str, Any]) -> Platform:
    def fail(why: str) -> PlatformFileError:
        return PlatformFileError(f"platform {code!r}: {why}")

    if not code.isascii() or not code.isalnum() or len(code) > 20:
        raise fail("a code is up to 20 letters or digits")
    for key in _INTS:
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 1_000_000:
            raise fail(f"{key} must be a whole number above 0")
    for key in _TEXTS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"{key} must be some text")
    if not isinstance(raw.get("video_original"), bool):
        raise fail("video_original must be true or false")
    try:
        anchor = DeadlineFrom(str(raw.get("deadline_from")))
    except ValueError:
        raise fail(f"deadline_from must be one of {', '.join(DeadlineFrom)}") from None
    unknown = set(raw) - {*_INTS, *_TEXTS, "video_original", "deadline_from"}
    if unknown:
        raise fail(f"unknown field(s): {', '.join(sorted(unknown))}")
    return Platform(
        code=code,
        deadline_from=anchor,
        video_original=raw["video_original"],
        **{k: raw[k] for k in _INTS},
        **{k: raw[k].strip() for k in _TEXTS},
    )


def parse_platforms(text: str) -> dict[str, Platform]:
    try:
        raw = toml_loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlatformFileError(f"not TOML: {exc}") from exc
    if not raw:
        raise PlatformFileError("no platform is defined")
    found: dict[str, Platform] = {}
    for code, table in raw.items():
        if not isinstance(table, dict):
            raise PlatformFileError(f"platform {code!r}: a [table] is expected")
        found[code] = _platform(code, table)
    return found


@cache
def load_platforms(path: Path = DEFAULT_FILE) -> dict[str, Platform]:
    try:
        text = read_text(path, most=1024 * 1024)
    except UnicodeDecodeError as exc:
        raise PlatformFileError(f"{path} is not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise PlatformFileError(f"cannot read {path}: {exc.strerror}") from exc
    return parse_platforms(text)
