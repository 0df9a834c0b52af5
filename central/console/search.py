"""The dispute desk's search over inspections: find one by whatever the agent has at hand.

One text box takes any code — a waybill on the parcel, an RMA, an order number or a SKU —
matched exactly; filters narrow by inspector, station, completed day and flags. Every kind of
query must stay well under 300 ms at a million inspections (``bench/console.py``), so:

- the text is first resolved to what it names (the RMAs of a waybill or an order number, the
  SKU spellings that exist), and only what exists becomes a condition: the usual query is one
  indexed equality, not an ``OR`` over four columns that no index orders;
- rows come in two parts: completed ones, newest first, then the ones never completed (open or
  cancelled), newest id first. A descending index scan puts NULLs first on PostgreSQL, so one
  ``ORDER BY completed_at DESC NULLS LAST`` would sort every match there;
- the total is counted no further than :data:`CAP`, and pages end there too: a search matching
  more than that is narrowed, not paged through.

Every value reaches the database as a bound parameter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import ColumnElement, CompoundSelect, exists, func, literal, or_, select, union
from sqlalchemy.orm import Session

from central.db.models import (
    DisputeRecord,
    EvidenceRecord,
    InspectionRecord,
    ReturnRecord,
    ReturnWaybill,
    UnmatchedRecord,
)
from station.protocol.enums import InspectionState, MediaKind

CAP: Final = 10_000  # totals are exact up to here
MAX_PAGE: Final = 10_000
MAX_PAGE_SIZE: Final = 500
MAX_TEXT: Final = 60
UNMATCHED_LIMIT: Final = 20
# the protocol's formats of a badge id and a station id (station/protocol/wire.py, ids.py)
_BADGE = re.compile(r"[A-Z0-9_-]{1,40}")
_STATION = re.compile(r"[A-Z0-9][A-Z0-9-]{1,19}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only: \d is any script's
_PAGE = re.compile(r"[0-9]{1,5}")


class SearchError(ValueError):
    """The search form holds something that is not a search; the message says what."""


class Flag(StrEnum):
    NEEDS_REVIEW = "needs_review"  # requested and not decided yet
    REVIEW_REQUESTED = "review_requested"  # by the station, decided or not
    OVERRIDDEN = "overridden"  # the inspector overrode the proposed verdict
    OVERTURNED = "overturned"  # a supervisor changed the verdict
    DISPUTED = "disputed"  # a platform's case, open or closed
    HAS_CLIP = "has_clip"  # an unboxing clip that was not deleted
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Query:
    """What the agent asked; ``since``/``until`` are whole UTC days, both included."""

    text: str | None = None
    inspector: str | None = None
    station: str | None = None
    since: date | None = None
    until: date | None = None
    flags: frozenset[Flag] = frozenset()
    page: int = 1  # 1-based


@dataclass(frozen=True, slots=True)
class Hit:
    inspection_id: str
    rma_no: str
    order_no: str  # "" when the return was not published here
    sku: str
    station_id: str
    inspector: str
    state: str
    completed_at: datetime | None
    grade: str | None
    disposition: str | None
    refund_fen: int | None
    needs_review: bool
    overturned: bool
    disputed: bool
    has_clip: bool


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A parcel a station could not match to an RMA, found by the code it was scanned as."""

    id: str
    code: str
    station: str
    received_at: datetime
    linked_rma: str | None


@dataclass(frozen=True, slots=True)
class Results:
    hits: list[Hit]
    total: int  # exact up to CAP; CAP when capped
    capped: bool
    page: int
    pages: int
    unmatched: list[Unmatched]


# -- the form --------------------------------------------------------------------------------


def parse_query(params: Mapping[str, str]) -> Query:
    """The search form (``q``, ``inspector``, ``station``, ``since``, ``until``, ``flags``
    comma-separated, ``page``) as a :class:`Query`; other keys are ignored. Raises
    :class:`SearchError` naming the first field that is not right."""
    since, until = _day(params, "since"), _day(params, "until")
    if since is not None and until is not None and since > until:
        raise SearchError(f"since ({since}) is after until ({until})")
    return Query(
        text=_text(params),
        inspector=_code(params, "inspector", _BADGE, "a badge id such as I1001"),
        station=_code(params, "station", _STATION, "a station id such as ST-HZ01"),
        since=since,
        until=until,
        flags=_flags(params),
        page=_page(params),
    )


def _field(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SearchError(f"{name} is not text")
    value = value.strip()
    return value or None


def _shown(value: str) -> str:
    """A bad value quoted safely in a message: short, control characters escaped."""
    return repr(value[:30] + ("…" if len(value) > 30 else ""))


def _text(params: Mapping[str, str]) -> str | None:
    value = _field(params, "q")
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise SearchError(f"the search text is longer than {MAX_TEXT} characters")
    bad = next((ch for ch in value if not ch.isprintable()), None)
    if bad is not None:  # control, format (bidi overrides, zero-width) and unassigned
        raise SearchError(f"the search text contains an invisible character (U+{ord(bad):04X})")
    return value


def _code(params: Mapping[str, str], name: str, form: re.Pattern[str], example: str) -> str | None:
    value = _field(params, name)
    if value is None:
        return None
    if not value.isascii() or form.fullmatch(value.upper()) is None:
        raise SearchError(f"{name} {_shown(value)} is not {example}")
    return value.upper()


def _day(params: Mapping[str, str], name: str) -> date | None:
    value = _field(params, name)
    if value is None:
        return None
    if _DAY.fullmatch(value) is None:
        raise SearchError(f"{name} {_shown(value)} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SearchError(f"{name} {_shown(value)} is not a day of the calendar") from None


def _flags(params: Mapping[str, str]) -> frozenset[Flag]:
    value = _field(params, "flags")
    if value is None:
        return frozenset()
    names = [n for n in re.split(r"[,\s]+", value) if n]
    known = {f.value: f for f in Flag}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SearchError(f"unknown flag {_shown(unknown[0])}; known: {', '.join(known)}")
    return frozenset(known[n] for n in names)


def _page(params: Mapping[str, str]) -> int:
    value = _field(params, "page")
    if value is None:
        return 1
    if _PAGE.fullmatch(value) is None or not 1 <= int(value) <= MAX_PAGE:
        raise SearchError(f"page {_shown(value)} is not a number from 1 to {MAX_PAGE}")
    return int(value)


# -- the search ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    """A slice of the order: its condition and how it is sorted by an index."""

    where: ColumnElement[bool]
    order: tuple[ColumnElement[Any], ...]


_COMPLETED = _Part(
    InspectionRecord.completed_at.is_not(None),
    (InspectionRecord.completed_at.desc(), InspectionRecord.id.desc()),
)
_NEVER_COMPLETED = _Part(InspectionRecord.completed_at.is_(None), (InspectionRecord.id.desc(),))

_COLUMNS = (
    InspectionRecord.id,
    InspectionRecord.rma_no,
    InspectionRecord.sku,
    InspectionRecord.station_id,
    InspectionRecord.inspector,
    InspectionRecord.state,
    InspectionRecord.completed_at,
    InspectionRecord.grade,
    InspectionRecord.disposition,
    InspectionRecord.refund_fen,
    InspectionRecord.needs_review,
    InspectionRecord.overturned,
)


def search(session: Session, query: Query, *, page_size: int = 50) -> Results:
    """One page of the inspections ``query`` finds, newest completed first, and the
    unmatched parcels scanned as its text."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchError(f"a page holds 1 to {MAX_PAGE_SIZE} rows")
    if not 1 <= query.page <= MAX_PAGE:
        raise SearchError(f"page {query.page} is not a number from 1 to {MAX_PAGE}")
    unmatched = _unmatched(session, query)
    scope = _scope(session, query)
    if scope is None:
        return Results([], 0, False, query.page, 0, unmatched)
    parts = _parts(query)
    counts = _counts(session, scope, parts)
    total = min(sum(counts), CAP)
    pages = math.ceil(total / page_size)
    hits: list[Hit] = []
    if query.page <= pages:
        offset = (query.page - 1) * page_size
        rows = _rows(session, scope, parts, counts, offset, min(page_size, total - offset))
        hits = _hits(session, rows)
    return Results(hits, total, sum(counts) > CAP, query.page, pages, unmatched)


def _parts(query: Query) -> list[_Part]:
    dated = query.since is not None or query.until is not None
    if Flag.CANCELLED in query.flags:  # never completed (projections.py): one part to read
        return [] if dated else [_NEVER_COMPLETED]
    return [_COMPLETED] if dated else [_COMPLETED, _NEVER_COMPLETED]


def _scope(session: Session, query: Query) -> list[ColumnElement[bool]] | None:
    """The conditions of every row found; None when the text names nothing at all."""
    where = _filters(query)
    if query.text is not None:
        named = _text_match(session, query.text)
        if named is None:
            return None
        where.insert(0, named)
    return where


def _filters(query: Query) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if query.inspector is not None:
        where.append(InspectionRecord.inspector == query.inspector)
    if query.station is not None:
        where.append(InspectionRecord.station_id == query.station)
    if query.since is not None:
        where.append(InspectionRecord.completed_at >= _midnight(query.since))
    if query.until is not None and query.until < date.max:
        where.append(InspectionRecord.completed_at < _midnight(query.until + timedelta(days=1)))
    where.extend(_flag(f) for f in sorted(query.flags))
    return where


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)


def _flag(flag: Flag) -> ColumnElement[bool]:
    match flag:
        case Flag.NEEDS_REVIEW:
            return InspectionRecord.needs_review.is_(True)
        case Flag.REVIEW_REQUESTED:
            return InspectionRecord.review_requested.is_(True)
        case Flag.OVERRIDDEN:
            return InspectionRecord.overridden.is_(True)
        case Flag.OVERTURNED:
            return InspectionRecord.overturned.is_(True)
        case Flag.DISPUTED:  # few: read from the disputes, not tested row by row
            return InspectionRecord.id.in_(select(DisputeRecord.inspection_id))
        case Flag.HAS_CLIP:  # most: tested row by row, never a list of every clip
            clip = EvidenceRecord.inspection_id == InspectionRecord.id
            return exists(select(EvidenceRecord.id).where(clip, *_live_clip()))
        case Flag.CANCELLED:
            return InspectionRecord.state == InspectionState.CANCELLED.value


def _live_clip() -> tuple[ColumnElement[bool], ...]:
    return (
        EvidenceRecord.media == MediaKind.VIDEO.value,
        EvidenceRecord.deleted_at.is_(None),
    )


def _spellings(text: str) -> list[str]:
    """Codes are stored upper-case; SKUs as their catalogue writes them: the text as typed,
    then upper-cased (each an equality an index answers)."""
    return list(dict.fromkeys((text, text.upper())))


def _text_match(session: Session, text: str) -> ColumnElement[bool] | None:
    """Inspections of the RMAs the text names, or of the SKU it is; only what exists is kept,
    so the usual query is one indexed equality instead of an OR the index cannot order."""
    branches: list[ColumnElement[bool]] = []
    rmas = _inspected(session, _rmas_named(session, text))
    if rmas:
        # one RMA as an equality: SQLite, without statistics, otherwise prefers the index
        # of completed_at to find the never-completed rows
        rma = InspectionRecord.rma_no
        branches.append(rma == rmas[0] if len(rmas) == 1 else rma.in_(rmas))
    branches.extend(
        InspectionRecord.sku == s
        for s in _spellings(text)
        if _any(session, InspectionRecord.sku == s)
    )
    if not branches:
        return None
    return branches[0] if len(branches) == 1 else or_(*branches)


def _inspected(session: Session, rmas: Iterable[str]) -> list[str]:
    """Those of ``rmas`` with an inspection."""
    query = select(InspectionRecord.rma_no).where(InspectionRecord.rma_no.in_(sorted(rmas)))
    return sorted(set(session.scalars(query.distinct())))


def _rmas_named(session: Session, text: str) -> set[str]:
    """The text as an RMA, the RMAs travelling under it as a waybill, of it as an order
    number, and the RMA an unmatched parcel scanned as it was linked to."""
    code = text.upper()
    named: CompoundSelect[str | None] = union(
        select(ReturnWaybill.rma_no).where(ReturnWaybill.waybill == code),
        select(ReturnRecord.rma_no).where(ReturnRecord.order_no == code),
        select(UnmatchedRecord.linked_rma).where(
            UnmatchedRecord.code.in_(_spellings(text)), UnmatchedRecord.linked_rma.is_not(None)
        ),
    )
    return {code} | {r for r in session.scalars(named) if r}


def _any(session: Session, condition: ColumnElement[bool]) -> bool:
    return session.scalar(select(InspectionRecord.id).where(condition).limit(1)) is not None


def _counts(
    session: Session, scope: Sequence[ColumnElement[bool]], parts: Iterable[_Part]
) -> list[int]:
    """Matches in each part, counting no further than one past the cap altogether."""
    counts: list[int] = []
    left = CAP + 1
    for part in parts:
        # a constant, not a column: an index holding the conditions' columns is enough
        limited = select(literal(1)).where(*scope, part.where).limit(left).subquery()
        found = int(session.scalar(select(func.count()).select_from(limited)) or 0)
        counts.append(found)
        left -= found
        if left <= 0:
            break
    return counts


def _rows(
    session: Session,
    scope: Sequence[ColumnElement[bool]],
    parts: Sequence[_Part],
    counts: Sequence[int],
    offset: int,
    limit: int,
) -> list[Any]:
    """``limit`` rows from ``offset`` in the whole order, read part by part."""
    rows: list[Any] = []
    for part, count in zip(parts, counts, strict=False):
        if offset >= count:
            offset -= count
            continue
        page = (
            select(*_COLUMNS)
            .where(*scope, part.where)
            .order_by(*part.order)
            .offset(offset)
            .limit(limit - len(rows))
        )
        rows.extend(session.execute(page))
        offset = 0
        if len(rows) >= limit:
            break
    return rows


def _hits(session: Session, rows: Sequence[Any]) -> list[Hit]:
    """The page's rows with their order numbers, disputes and clips: one query each."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    rmas = sorted({r.rma_no for r in rows})
    orders: dict[str, str] = {
        rma: order_no
        for rma, order_no in session.execute(
            select(ReturnRecord.rma_no, ReturnRecord.order_no).where(ReturnRecord.rma_no.in_(rmas))
        )
    }
    disputed = set(
        session.scalars(
            select(DisputeRecord.inspection_id).where(DisputeRecord.inspection_id.in_(ids))
        )
    )
    with_clip = set(
        session.scalars(
            select(EvidenceRecord.inspection_id).where(
                EvidenceRecord.inspection_id.in_(ids), *_live_clip()
            )
        )
    )
    return [
        Hit(
            inspection_id=r.id,
            rma_no=r.rma_no,
            order_no=orders.get(r.rma_no, ""),
            sku=r.sku,
            station_id=r.station_id,
            inspector=r.inspector,
            state=r.state,
            completed_at=r.completed_at,
            grade=r.grade,
            disposition=r.disposition,
            refund_fen=r.refund_fen,
            needs_review=r.needs_review,
            overturned=r.overturned,
            disputed=r.id in disputed,
            has_clip=r.id in with_clip,
        )
        for r in rows
    ]


def _unmatched(session: Session, query: Query) -> list[Unmatched]:
    """Parcels scanned as the text that matched no RMA, under the same station, inspector and
    days (flags are about inspections: with any, none)."""
    if query.text is None or query.flags:
        return []
    u = UnmatchedRecord
    where: list[ColumnElement[bool]] = [u.code.in_(_spellings(query.text))]
    if query.station is not None:
        where.append(u.station_id == query.station)
    if query.inspector is not None:
        where.append(u.inspector == query.inspector)
    if query.since is not None:
        where.append(u.received_at >= _midnight(query.since))
    if query.until is not None and query.until < date.max:
        where.append(u.received_at < _midnight(query.until + timedelta(days=1)))
    rows = session.scalars(
        select(u).where(*where).order_by(u.received_at.desc(), u.id.desc()).limit(UNMATCHED_LIMIT)
    )
    return [Unmatched(r.id, r.code, r.station_id, r.received_at, r.linked_rma) for r in rows]
