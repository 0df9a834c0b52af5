"""Chapters: what the inspector did, and when, within a clip.

A chapter is stored in the clip's journal as it happens, in the store once the clip is filed,
and in the file itself: a top-level ``uuid`` box after the last fragment (players skip boxes
they do not know), so a copy of the original carries its chapters wherever it goes.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

# this product's box type: "uuid" + these 16 bytes + UTF-8 JSON
CHAPTERS_UUID: Final = bytes.fromhex("5253434c495043484150544552530001")
MAX_LABEL: Final = 200


class ChapterKind(StrEnum):
    SCAN = "scan"
    ANSWER = "answer"
    PHOTO = "photo"
    VERDICT = "verdict"
    OVERRIDE = "override"
    LABEL = "label"
    PARKED = "parked"
    CAMERA_LOST = "camera_lost"
    CAMERA_BACK = "camera_back"


@dataclass(frozen=True, slots=True)
class Chapter:
    at_ms: int  # from the clip's first frame
    kind: ChapterKind
    label: str
    wall: str  # ISO time with the station's zone

    def to_json(self) -> dict[str, Any]:
        return {"at_ms": self.at_ms, "kind": str(self.kind), "label": self.label, "wall": self.wall}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Chapter:
        return cls(
            int(raw["at_ms"]),
            ChapterKind(raw["kind"]),
            str(raw.get("label", ""))[:MAX_LABEL],
            str(raw.get("wall", "")),
        )


def chapters_box(
    clip_id: str, chapters: Iterable[Chapter], gaps: Iterable[dict[str, Any]]
) -> bytes:
    body = json.dumps(
        {"clip_id": clip_id, "chapters": [c.to_json() for c in chapters], "gaps": list(gaps)},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    return struct.pack(">I", 8 + 16 + len(body)) + b"uuid" + CHAPTERS_UUID + body


def read_chapters_box(path: Path) -> dict[str, Any] | None:
    """The chapters box of a clip file, if it has one (it is the last box of a filed clip)."""
    with path.open("rb") as fh:
        offset, size = 0, path.stat().st_size
        while offset + 8 <= size:
            fh.seek(offset)
            header = fh.read(8)
            length = struct.unpack(">I", header[:4])[0]
            if length == 1:
                length = struct.unpack(">Q", fh.read(8))[0]
            if length < 8:
                return None
            if header[4:8] == b"uuid" and fh.read(16) == CHAPTERS_UUID:
                body = fh.read(length - 24)
                try:
                    found = json.loads(body)
                except ValueError:
                    return None
                return found if isinstance(found, dict) else None
            offset += length
    return None
