"""Reading ZPL back in tests: fields with their ^FH escapes undone, ^GFA graphics as images."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image

_FIELD = re.compile(r"\^FO(\d+),(\d+)(.*?)\^FS", re.S)
_HEX_RUN = re.compile(r"\\([0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class Field:
    x: int
    y: int
    commands: str  # everything between ^FO and ^FD (or the graphic)
    data: str  # ^FD data, hex escapes decoded when ^FH is on


def unescape(data: str) -> str:
    raw = bytearray()
    pos = 0
    for match in _HEX_RUN.finditer(data):
        raw += data[pos : match.start()].encode("ascii")
        raw.append(int(match[1], 16))
        pos = match.end()
    raw += data[pos:].encode("ascii")
    return raw.decode("utf-8")


def fields(zpl: str) -> list[Field]:
    found = []
    for match in _FIELD.finditer(zpl):
        body = match[3]
        commands, _, data = body.partition("^FD")
        if "^FH\\" in commands:
            data = unescape(data)
        found.append(Field(int(match[1]), int(match[2]), commands, data))
    return found


def _count(code: str) -> int:
    total = 0
    for ch in code:
        if "G" <= ch <= "Y":
            total += ord(ch) - ord("F")
        else:
            total += (ord(ch) - ord("f")) * 20
    return total


def graphic(commands: str) -> Image.Image:
    """The image of a ``^GFA,total,total,row_bytes,data`` field (compressed or not)."""
    _, total, _, row_bytes, data = commands[commands.index("^GFA") :].split(",", 4)
    width_hex = int(row_bytes) * 2
    rows: list[str] = []
    row = ""
    pending = ""
    for ch in data.strip():
        if ch in "GHIJKLMNOPQRSTUVWXYghijklmnopqrstuvwxyz":
            pending += ch
            continue
        if ch == ",":
            row = row.ljust(width_hex, "0")
        elif ch == "!":
            row = row.ljust(width_hex, "F")
        elif ch == ":":
            row = rows[-1]
        else:
            row += ch * (_count(pending) if pending else 1)
        pending = ""
        if len(row) >= width_hex:
            rows.append(row[:width_hex])
            row = ""
    raw = bytes.fromhex("".join(rows))
    assert len(raw) == int(total), (len(raw), total)
    height = int(total) // int(row_bytes)
    return Image.frombytes("1", (int(row_bytes) * 8, height), raw)
