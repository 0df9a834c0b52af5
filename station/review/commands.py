"""The review commands of the ``station`` CLI, ready to be wired as subcommands:

    station review queue [--decided] [--search TEXT] [--limit N] [--csv FILE]
                                                  → :func:`queue_command`
    station review dashboard [--days N] --out FOLDER  → :func:`dashboard_command`

Each takes the review service and the supervisor who logged in for it (badge and PIN, as at
the bench), writes its report to ``out`` and returns the exit code: 0 done, 2 refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from station.domain.labels import Language
from station.domain.records import UserView
from station.review import reports
from station.review.errors import ReviewError
from station.review.rows import QueueFilter, QueueRow, QueueSort
from station.review.service import ReviewService


def queue_command(
    service: ReviewService,
    user: UserView,
    out: TextIO,
    *,
    decided: bool = False,
    search: str = "",
    limit: int = 50,
    csv_path: Path | None = None,
    language: Language = "zh_CN",
) -> int:
    """List the review queue, oldest first (to ``csv_path`` as CSV when given)."""
    try:
        filters = QueueFilter(text=search, include_decided=decided)
        rows: list[QueueRow] = []
        after = None
        while len(rows) < limit:
            page = service.queue_page(
                user, filters, sort=QueueSort.OLDEST, after=after, limit=min(500, limit)
            )
            rows.extend(page.rows)
            if page.next is None:
                break
            after = page.next
        rows = rows[:limit]
        table = reports.queue_table(rows, language)
        if csv_path is not None:
            written = service.export_table(user, table, csv_path)
            out.write(f"{written} rows written to {csv_path}\n")
            return 0
    except ReviewError as exc:
        out.write(exc.message(language) + "\n")
        return 2
    for row in table.rows:
        out.write("\t".join("" if v is None else str(v) for v in row[:13]) + "\n")
    out.write(f"{len(rows)} shown\n")
    return 0


def dashboard_command(
    service: ReviewService,
    user: UserView,
    folder: Path,
    out: TextIO,
    *,
    days: int = 7,
    language: Language = "zh_CN",
) -> int:
    """Write every dashboard table as a CSV file into ``folder``."""
    try:
        if not 1 <= days <= 3650:
            out.write("days: 1 to 3650\n")
            return 2
        d = service.dashboard(user, service.window(days))
        tables = [reports.dashboard_table(d, key, language) for key in reports.DASHBOARD_TABLES]
        stamp = reports.stamp(service.now())
        for table in tables:
            path = folder / f"{table.name}-{stamp}.csv"
            written = service.export_table(user, table, path)
            out.write(f"{path}: {written} rows\n")
    except ReviewError as exc:
        out.write(exc.message(language) + "\n")
        return 2
    for alert in d.alerts:
        out.write(f"ALERT {alert.dimension} {alert.key}: {alert.defects}/{alert.returns}\n")
    return 0
