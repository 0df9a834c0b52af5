"""Helpers shared by the benchmarks: timing statistics and table printing."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples_s: Sequence[float]) -> tuple[float, float, float]:
    """(median, p95, max) in milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return statistics.median(ms), percentile(ms, 95), max(ms)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = sys.stdout
    out.write(f"\n### {title}\n\n")
    for n, row in enumerate(cells):
        out.write("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |\n")
        if n == 0:
            out.write("|" + "|".join("-" * (w + 2) for w in widths) + "|\n")
    out.flush()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)
