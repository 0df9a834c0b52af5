"""The journal beside a clip being recorded: what a crash must not lose.

One JSON object a line, appended and flushed to the disk as things happen: the clip's facts
when it starts, each fragment's chain link once the fragment is on the disk, each chapter,
each camera gap, and how the take ended. After a crash the journal says which parcel the clip
belongs to, how far its file verifies and where its chapters are, so the clip is finished at
the next start instead of lost. A line half written when the power went is ignored.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station.evidence.video.fragments import Link

log = logging.getLogger(__name__)


@dataclass
class JournalState:
    """A journal read back."""

    facts: dict[str, Any] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    chapters: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    ending: dict[str, Any] = field(default_factory=dict)


class Journal:
    """Appends to a clip's journal; every line reaches the disk before ``append`` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        self._fd = os.open(path, flags, 0o600)

    def append(self, kind: str, value: Any) -> None:
        line = json.dumps({kind: value}, ensure_ascii=False, separators=(",", ":")) + "\n"
        os.write(self._fd, line.encode())
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def read_journal(path: Path) -> JournalState:
    state = JournalState()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return state
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            ((kind, value),) = entry.items()
        except (ValueError, AttributeError):
            log.warning("%s line %d is not a journal entry; ignored", path.name, number)
            continue
        if kind == "clip":
            state.facts = value
        elif kind == "link":
            state.links.append(Link(int(value[0]), str(value[1])))
        elif kind == "chapter":
            state.chapters.append(value)
        elif kind == "gap":
            state.gaps.append(value)
        elif kind == "end":
            state.ending = value
    return state
