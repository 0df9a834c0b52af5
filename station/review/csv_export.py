"""CSV files for Excel: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends,
written whole or not at all.

Text that a spreadsheet would run as a formula (a cell starting with ``=``, ``+``, ``-``,
``@``) is quoted with a leading apostrophe, and control characters are dropped: a SKU or a
reason typed or scanned somewhere else must not turn into a formula on a supervisor's PC.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Final

from station.review.errors import ExportFailed
from station.store.files import write_atomically

log = logging.getLogger(__name__)

BOM: Final = "\ufeff"
MAX_ROWS: Final = 1_000_000
MAX_CELL: Final = 32_000  # Excel's own limit is 32,767 characters a cell
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table as shown on the dashboard, ready to be saved."""

    name: str  # used for the suggested file name
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def cell(value: object, tz: tzinfo | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
    text = _CONTROL.sub("", str(value))[:MAX_CELL]
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, tz: tzinfo | None = None
) -> tuple[str, int]:
    """The CSV document (with its BOM) and how many data rows it holds."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    count = 0
    for row in rows:
        count += 1
        if count > MAX_ROWS:
            raise ExportFailed(
                f"More than {MAX_ROWS:,} rows: narrow the filter before exporting.",
                f"超过 {MAX_ROWS:,} 行，请缩小筛选范围后再导出。",
            )
        if len(row) != len(header):
            raise ValueError(f"row {count} has {len(row)} cells for {len(header)} columns")
        writer.writerow([cell(v, tz) for v in row])
    return out.getvalue(), count


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    tz: tzinfo | None = None,
) -> int:
    """Write the CSV file at ``path`` (replacing it) all or nothing; the rows written."""
    if path.is_dir():
        raise ExportFailed(
            f"{path} is a folder, not a file name.", f"{path} 是文件夹，不是文件名。"
        )
    if not path.parent.is_dir():
        raise ExportFailed(
            f"The folder {path.parent} does not exist.", f"文件夹 {path.parent} 不存在。"
        )
    text, count = csv_text(header, rows, tz=tz)
    try:
        write_atomically(path, text.encode("utf-8"), replace=lambda _: True)
    except OSError as exc:
        raise ExportFailed(
            f"{path.name} could not be written ({exc.strerror or exc}); nothing was saved.",
            f"{path.name} 写入失败（{exc.strerror or exc}），未保存任何内容。",
        ) from exc
    log.info("exported %d rows to %s", count, path)
    return count


def write_table(path: Path, table: ReportTable, *, tz: tzinfo | None = None) -> int:
    return write_csv(path, table.header, table.rows, tz=tz)
