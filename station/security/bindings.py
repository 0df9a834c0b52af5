"""Rows bound to the audit log: each write of a protected row is recorded by an audit entry
that carries the digest of the row's protected fields (``AuditEntry.binds``).

Protected are what a dispute turns on:

- an inspection's state and verdict: grade, disposition, refund (kind, amount, explanation),
  responsibility, carrier claim, the override and its reason, review flags, the decision
  applied, when it was completed;
- an evidence item: its inspection or parcel, its file (SHA-256 and medium), kind, size,
  when it was taken, whether and when it was deleted, whether it was kept despite its flags;
- an outbox event: its id, kind, payload and time.

The newest entry binding a row says what the row must hold now. :func:`check_rows` compares
every row with it, and reports rows no entry records and recorded rows that are gone.
Fields the station changes without an audit entry (an upload mark, an event's sending state,
the answers while an inspection is open) are not protected.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from station.store.models import EvidenceItem, Inspection, OutboxEvent, ReturnOrder

Bindable = Inspection | EvidenceItem | OutboxEvent


class Table(StrEnum):
    INSPECTIONS = "inspection"
    EVIDENCE = "evidence"
    EVENTS = "event"


ALL_TABLES = frozenset(Table)


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _digest(fields: list[Any]) -> str:
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _decision_id(decision: dict[str, Any] | None) -> str | None:
    return None if not decision else str(decision.get("decision_id"))


def _as_is(value: Any) -> Any:
    return value


def _text(value: str | None) -> str:
    return value or ""


# each table's protected columns in the order its digest covers them, with how each is written
_PROTECTED: dict[Table, tuple[tuple[str, Callable[[Any], Any]], ...]] = {
    Table.INSPECTIONS: (
        ("id", _as_is),
        ("return_line_id", _as_is),
        ("state", _as_is),
        ("grade", _as_is),
        ("disposition", _as_is),
        ("refund_kind", _as_is),
        ("refund_fen", _as_is),
        ("refund_reason", _text),
        ("responsibility", _as_is),
        ("carrier_claim", bool),
        ("overridden", bool),
        ("override_code", _text),
        ("override_reason", _text),
        ("needs_review", bool),
        ("overturned", bool),
        ("decision", _decision_id),
        ("completed_at", _time),
    ),
    Table.EVIDENCE: (
        ("id", _as_is),
        ("media", _as_is),
        ("sha256", _as_is),
        ("inspection_id", _as_is),
        ("unmatched_id", _as_is),
        ("kind", _as_is),
        ("size_bytes", _as_is),
        ("taken_at", _time),
        ("deleted_at", _time),
        ("kept", bool),
    ),
    Table.EVENTS: (
        ("event_id", _as_is),
        ("kind", _as_is),
        ("payload", _as_is),
        ("created_at", _time),
    ),
}


def _columns(table: Table) -> tuple[str, ...]:
    return tuple(name for name, _ in _PROTECTED[table])


def _fields(table: Table, values: Iterable[Any]) -> list[Any]:
    """What the digest of a row of ``table`` covers, from its protected columns' values."""
    written = (write(v) for (_, write), v in zip(_PROTECTED[table], values, strict=True))
    return [table.value, *written]


def _table_of(row: Bindable) -> Table:
    if isinstance(row, Inspection):
        return Table.INSPECTIONS
    if isinstance(row, EvidenceItem):
        return Table.EVIDENCE
    return Table.EVENTS


def key_of(row: Bindable) -> str:
    """How the audit log names a bound row: ``inspection:ID``, ``evidence:ID``, ``event:ID``."""
    if isinstance(row, Inspection):
        return f"{Table.INSPECTIONS}:{row.id}"
    if isinstance(row, EvidenceItem):
        return f"{Table.EVIDENCE}:{row.id}"
    return f"{Table.EVENTS}:{row.event_id}"


def digest_of(row: Bindable) -> str:
    """The digest of a row's protected fields, as they are now (flushed or not)."""
    table = _table_of(row)
    return _digest(_fields(table, (getattr(row, c) for c in _columns(table))))


def binds_of(rows: Iterable[Bindable]) -> dict[str, str]:
    return {key_of(row): digest_of(row) for row in rows}


# -- the check ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bound:
    """What the newest audit entry binding a row says of it."""

    digest: str
    seq: int
    action: str


class RowProblem(StrEnum):
    CHANGED = "changed"  # the row differs from its newest audit entry
    UNRECORDED = "unrecorded"  # no audit entry records the row
    GONE = "gone"  # an audit entry records a row that is not there


@dataclass(frozen=True, slots=True)
class RowFinding:
    problem: RowProblem
    key: str  # inspection:ID, evidence:ID, event:ID
    message: str
    seq: int | None = None  # the audit entry that recorded the row


def _digests(session: Session, query: Select[Any], table: Table) -> Iterator[tuple[Row[Any], str]]:
    """Each row of ``query`` (the protected columns of ``table`` first, then any a message
    names) with the digest of its protected fields."""
    count = len(_PROTECTED[table])
    for r in session.execute(query.execution_options(yield_per=2000)):
        yield r, _digest(_fields(table, r[:count]))


def all_rows_by_key(session: Session, tables: frozenset[Table]) -> Iterator[tuple[str, str, str]]:
    """(key, digest of the row now, how to name it in a message) for every protected row."""
    if Table.INSPECTIONS in tables:
        columns = [getattr(Inspection, c) for c in _columns(Table.INSPECTIONS)]
        query = select(*columns, ReturnOrder.rma_no).join(
            ReturnOrder, ReturnOrder.id == Inspection.return_id, isouter=True
        )
        for r, digest in _digests(session, query, Table.INSPECTIONS):
            yield (
                f"{Table.INSPECTIONS}:{r.id}",
                digest,
                f"inspection {r.id} ({r.rma_no or 'no order'}, {r.state})",
            )
    if Table.EVIDENCE in tables:
        query = select(*[getattr(EvidenceItem, c) for c in _columns(Table.EVIDENCE)])
        for r, digest in _digests(session, query, Table.EVIDENCE):
            owner = (
                f"inspection {r.inspection_id}" if r.inspection_id else f"parcel {r.unmatched_id}"
            )
            yield f"{Table.EVIDENCE}:{r.id}", digest, f"{r.media} {r.id} ({owner})"
    if Table.EVENTS in tables:
        columns = [getattr(OutboxEvent, c) for c in _columns(Table.EVENTS)]
        query = select(*columns, OutboxEvent.sent_at)
        for r, digest in _digests(session, query, Table.EVENTS):
            sent = "sent" if r.sent_at is not None else "not sent yet"
            yield (
                f"{Table.EVENTS}:{r.event_id}",
                digest,
                f"outbox event {r.event_id} ({r.kind}, {sent})",
            )


_WHAT = {
    Table.INSPECTIONS: "its state, verdict or refund",
    Table.EVIDENCE: "its inspection, file, time or deleted mark",
    Table.EVENTS: "its content",
}


def check_rows(
    session: Session,
    bound: dict[str, Bound],
    tables: frozenset[Table] = ALL_TABLES,
    *,
    unrecorded: bool = True,
) -> list[RowFinding]:
    """Every protected row of ``tables`` against the newest audit entry binding it.

    ``unrecorded``: also report rows no entry binds (only meaningful when ``bound`` comes
    from the whole chain; a chain broken midway binds only what came before the break)."""
    findings: list[RowFinding] = []
    seen: set[str] = set()
    for key, digest, name in all_rows_by_key(session, tables):
        seen.add(key)
        entry = bound.get(key)
        if entry is None:
            if not unrecorded:
                continue
            findings.append(
                RowFinding(
                    RowProblem.UNRECORDED,
                    key,
                    f"{name} has no audit entry recording it: it was not written by the station",
                )
            )
        elif entry.digest != digest:
            what = _WHAT[Table(key.split(":", 1)[0])]
            findings.append(
                RowFinding(
                    RowProblem.CHANGED,
                    key,
                    f"{name} differs from what audit entry {entry.seq} ({entry.action}) "
                    f"recorded: {what} was changed outside the station",
                    entry.seq,
                )
            )
    for key, entry in bound.items():
        if key not in seen and Table(key.split(":", 1)[0]) in tables:
            findings.append(
                RowFinding(
                    RowProblem.GONE,
                    key,
                    f"{key.replace(':', ' ', 1)}, recorded by audit entry {entry.seq} "
                    f"({entry.action}), is not in the store: it was removed outside the station",
                    entry.seq,
                )
            )
    return findings
