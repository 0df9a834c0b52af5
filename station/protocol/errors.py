"""Errors in the qc package's data files, located to the file and line."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\s]+?)\s*\]\]?\s*(#.*)?$")


class QcFileError(ValueError):
    """A template or policy file that cannot be used; says where and why."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")


class Locator:
    """Finds the line of a table or key, since tomllib keeps no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [
            (n, m.group(1).replace(" ", ""))
            for n, line in enumerate(self.lines, start=1)
            if (m := _HEADER.match(line))
        ]

    def block(self, path: tuple[tuple[str, int], ...]) -> tuple[int, int]:
        """(first, last) line of the ``index``-th ``[[name]]`` table, each step of ``path``
        searched inside the block found by the step before (names are full dotted names)."""
        start, end = 1, len(self.lines)
        for prefix, index in path:
            inside = [n for n, h in self.headers if h == prefix and start <= n <= end]
            if index >= len(inside):
                return start, end
            start = inside[index]
            later = [n for n, h in self.headers if n > start and not h.startswith(prefix + ".")]
            end = (later[0] - 1) if later else len(self.lines)
        return start, end

    def line(self, path: tuple[tuple[str, int], ...], key: str | None = None) -> int:
        start, end = self.block(path)
        if key:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for n in range(start, end + 1):
                if pattern.match(self.lines[n - 1]):
                    return n
        return start


def toml_error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None
