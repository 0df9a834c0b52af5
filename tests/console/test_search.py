"""The dispute desk's search, on a migrated SQLite and PostgreSQL database: each kind of text,
the filters and flags, day bounds, paging and the cap, the order, unmatched parcels, and
hostile input (refused with a SearchError, or found nothing; never another exception)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, event, insert
from sqlalchemy.orm import Session

from central.console.search import (
    CAP,
    Flag,
    Query,
    Results,
    SearchError,
    parse_query,
    search,
)
from central.db.migrate import upgrade
from central.db.models import (
    DisputeRecord,
    EvidenceRecord,
    InspectionRecord,
    UnmatchedRecord,
)
from central.db.session import make_engine
from central.services.publishing import publish_returns
from station.protocol.manifest import ManifestOrder
from tests.central.conftest import postgres_url  # noqa: F401 - the session's cluster
from tests.central.servers import create_database

AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
BACKENDS = ["sqlite", "postgres"]


def iid(n: int) -> str:
    return f"00000000-0000-7000-8000-{n:012d}"


def order(rma: str, order_no: str, waybills: list[str], skus: list[str]) -> ManifestOrder:
    return ManifestOrder.model_validate(
        {
            "rma_no": rma,
            "order_no": order_no,
            "reason": "size_fit",
            "customer_received_on": "2026-11-20",
            "requested_on": "2026-11-22",
            "tracking": [{"carrier": "SF", "tracking_no": w} for w in waybills],
            "lines": [
                {"sku": s, "title": "连帽卫衣", "category": "apparel", "unit_price": "199.00"}
                for s in skus
            ],
        }
    )


def inspection(
    n: int,
    rma: str,
    sku: str,
    *,
    station: str = "ST-A",
    inspector: str = "I1001",
    completed: datetime | None = AT,
    state: str = "completed",
    **flags: bool,
) -> InspectionRecord:
    return InspectionRecord(
        id=iid(n),
        station_id=station,
        rma_no=rma,
        line_no=1,
        sku=sku,
        inspector=inspector,
        state=state,
        grade="B" if completed else None,
        disposition="restock" if completed else None,
        refund_fen=19900 if completed else None,
        verdict={},
        answers={},
        rules_fired=[],
        review_requested=flags.get("review_requested", False),
        needs_review=flags.get("needs_review", False),
        overridden=flags.get("overridden", False),
        overturned=flags.get("overturned", False),
        started_at=AT - timedelta(days=3),
        completed_at=completed,
        cancelled_at=AT if state == "cancelled" else None,
        updated_at=AT,
    )


def evidence(n: int, inspection_id: str, media: str, *, deleted: bool = False) -> EvidenceRecord:
    return EvidenceRecord(
        event_id=iid(900 + n),
        sha256=f"{n:064x}",
        media=media,
        station_id="ST-A",
        inspection_id=inspection_id,
        kind="unboxing" if media == "video" else "overview",
        inspector="I1001",
        taken_at=AT,
        deleted_at=AT if deleted else None,
        deleted_reason="retention" if deleted else "",
    )


def dispute(n: int, inspection_id: str, rma: str, *, closed: bool) -> DisputeRecord:
    return DisputeRecord(
        id=iid(800 + n),
        inspection_id=inspection_id,
        rma_no=rma,
        platform="tmall",
        case_id=f"CASE{n}",
        reason="not_as_described",
        status="closed" if closed else "open",
        anchor_at=AT,
        deadline_at=AT + timedelta(days=3),
        opened_by="cs01",
        opened_at=AT,
        updated_at=AT,
        closed_at=AT if closed else None,
    )


def fill(session: Session) -> None:
    """Three published returns (two under one order number), their inspections — completed,
    open, cancelled, one of a return published elsewhere — clips, disputes, unmatched
    parcels."""
    orders = [
        order("RMA2026120001", "ORD-1001", ["SF1000000001", "YT2000000001"], ["ab-100", "CD-200"]),
        order("RMA2026120002", "ORD-1001", ["SF1000000002"], ["CD-200"]),
        order("RMA2026120003", "ORD-1003", ["JD0000000003"], ["AB-100", "EF-300"]),
    ]
    publish_returns(session, orders, AT - timedelta(days=5))
    day = timedelta(days=1)
    session.add_all(
        [
            inspection(1, "RMA2026120001", "ab-100", needs_review=True, review_requested=True),
            inspection(
                2,
                "RMA2026120001",
                "CD-200",
                inspector="I1002",
                completed=datetime(2026, 12, 2, 23, 59, 59, 999000, tzinfo=UTC),
                overturned=True,
                overridden=True,
            ),
            inspection(
                3,
                "RMA2026120002",
                "CD-200",
                station="ST-B",
                completed=datetime(2026, 12, 3, tzinfo=UTC),
            ),
            inspection(4, "RMA2026120003", "AB-100", station="ST-B", completed=None, state="open"),
            inspection(
                5, "RMA2026120003", "EF-300", station="ST-B", completed=None, state="cancelled"
            ),
            inspection(6, "RMA2026119999", "GH-400", completed=AT - 30 * day),
            # a SKU that is also a waybill of RMA …02: the text finds both
            inspection(7, "RMA2026110007", "SF1000000002", completed=AT - 40 * day),
        ]
    )
    session.add_all(
        [
            evidence(1, iid(3), "video"),
            evidence(2, iid(1), "video", deleted=True),
            evidence(3, iid(1), "photo"),
            evidence(4, iid(6), "video"),
            dispute(1, iid(2), "RMA2026120001", closed=False),
            dispute(2, iid(6), "RMA2026119999", closed=True),
            UnmatchedRecord(id=iid(701), station_id="ST-A", code="SF7777777777", received_at=AT),
            UnmatchedRecord(
                id=iid(702),
                station_id="ST-B",
                code="ZT5555555555",
                received_at=AT - day,
                linked_rma="RMA2026120003",
                linked_at=AT,
            ),
        ]
    )
    session.commit()


def migrated(request: pytest.FixtureRequest, backend: str, folder: Path) -> Engine:
    if backend == "sqlite":
        url = f"sqlite:///{folder / 'central.db'}"
    else:
        url = create_database(request.getfixturevalue("postgres_url"))
    engine = make_engine(url)
    upgrade(engine)
    return engine


@pytest.fixture(scope="module", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    engine = migrated(request, request.param, tmp_path_factory.mktemp("search"))
    with Session(engine) as session:
        fill(session)
    yield engine
    engine.dispose()


def find(engine: Engine, query: Query | None = None, **params: str) -> Results:
    with Session(engine) as session:
        return search(session, query if query is not None else parse_query(params))


def ids(results: Results) -> list[str]:
    return [h.inspection_id for h in results.hits]


# -- what one text box finds -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SF1000000001", [2, 1]),  # a waybill of RMA …01
        ("yt2000000001", [2, 1]),  # its other waybill, typed in lower case
        ("  RMA2026120002 ", [3]),  # an RMA, spaces around
        ("ORD-1001", [3, 2, 1]),  # an order number: both of its returns
        ("ord-1003", [5, 4]),  # never completed: newest id first
        ("CD-200", [3, 2]),  # a SKU
        ("ab-100", [1, 4]),  # a lower-case SKU as typed and its upper-case spelling
        ("ZT5555555555", [5, 4]),  # an unmatched parcel's code, linked to RMA …03
        ("RMA2026119999", [6]),  # a return not published here: found by its RMA
        ("SF1000000002", [3, 7]),  # a waybill and, by chance, a SKU
    ],
)
def test_one_box_finds_by_any_code(engine: Engine, text: str, found: list[int]) -> None:
    results = find(engine, q=text)
    assert ids(results) == [iid(n) for n in found]
    assert (results.total, results.capped, results.pages) == (len(found), False, 1)


def test_a_hit_carries_its_order_number_dispute_and_clip(engine: Engine) -> None:
    hits = {h.inspection_id: h for h in find(engine, q="ORD-1001").hits}
    first, second, third = hits[iid(1)], hits[iid(2)], hits[iid(3)]
    assert {first.order_no, second.order_no, third.order_no} == {"ORD-1001"}
    assert (first.needs_review, first.has_clip, first.disputed) == (True, False, False)
    assert (second.overturned, second.disputed, second.has_clip) == (True, True, False)
    assert (third.has_clip, third.station_id, third.state) == (True, "ST-B", "completed")
    assert (third.grade, third.disposition, third.refund_fen) == ("B", "restock", 19900)
    assert third.completed_at == datetime(2026, 12, 3, tzinfo=UTC)
    (unpublished,) = find(engine, q="GH-400").hits
    assert unpublished.order_no == "" and unpublished.disputed and unpublished.has_clip


def test_codes_that_name_nothing_find_nothing(engine: Engine) -> None:
    for text in ("SF0000000000", "RMA2026129999", "XX-999", "ORD-1", "cd-2000"):
        results = find(engine, q=text)
        assert (results.hits, results.total, results.pages, results.unmatched) == ([], 0, 0, [])


def test_a_sku_spelled_in_another_case_is_found_by_its_upper_case(engine: Engine) -> None:
    assert ids(find(engine, q="cd-200")) == [iid(3), iid(2)]
    assert ids(find(engine, q="Ab-100")) == [iid(4)]  # neither as typed nor "ab-100"


# -- filters, flags and days -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"inspector": "i1002"}, [2]),
        ({"station": "ST-B"}, [3, 5, 4]),
        ({"station": "st-b", "q": "CD-200"}, [3]),
        ({"inspector": "I1001", "q": "ORD-1001"}, [3, 1]),
        ({"flags": "needs_review"}, [1]),
        ({"flags": "review_requested"}, [1]),
        ({"flags": "overridden"}, [2]),
        ({"flags": "overturned"}, [2]),
        ({"flags": "disputed"}, [2, 6]),  # open or closed
        ({"flags": "has_clip"}, [3, 6]),  # not the deleted one, not a photo
        ({"flags": "cancelled"}, [5]),
        ({"flags": "disputed, overturned"}, [2]),
        ({"flags": "has_clip,disputed", "q": "GH-400"}, [6]),
        ({"flags": "cancelled", "since": "2026-11-01"}, []),
        ({}, [3, 2, 1, 6, 7, 5, 4]),  # everything: newest completed first, then newest id
    ],
)
def test_filters_and_flags(engine: Engine, params: dict[str, str], found: list[int]) -> None:
    assert ids(find(engine, **params)) == [iid(n) for n in found]


@pytest.mark.parametrize(
    ("since", "until", "found"),
    [
        ("2026-12-02", "2026-12-02", [2]),  # 23:59:59.999 belongs to its day
        ("2026-12-03", "2026-12-03", [3]),  # midnight belongs to the day it starts
        ("2026-12-01", "2026-12-01", [1]),
        ("2026-12-01", "2026-12-03", [3, 2, 1]),
        ("2026-12-04", "", []),
        ("", "2026-11-30", [6, 7]),
        ("", "9999-12-31", [3, 2, 1, 6, 7]),  # dated: never-completed ones are left out
        ("0001-01-01", "", [3, 2, 1, 6, 7]),
    ],
)
def test_days_are_whole_and_both_included(
    engine: Engine, since: str, until: str, found: list[int]
) -> None:
    assert ids(find(engine, since=since, until=until)) == [iid(n) for n in found]


# -- unmatched parcels -----------------------------------------------------------------------


def test_a_waybill_that_never_matched_is_found_as_an_unmatched_parcel(engine: Engine) -> None:
    results = find(engine, q="sf7777777777")
    assert results.hits == []
    (parcel,) = results.unmatched
    assert (parcel.id, parcel.code, parcel.station) == (iid(701), "SF7777777777", "ST-A")
    assert (parcel.received_at, parcel.linked_rma) == (AT, None)
    assert find(engine, q="SF7777777777", station="ST-B").unmatched == []
    assert find(engine, q="SF7777777777", since="2026-12-02").unmatched == []
    assert find(engine, q="SF7777777777", flags="disputed").unmatched == []


def test_a_linked_unmatched_parcel_shows_with_the_inspections_it_led_to(engine: Engine) -> None:
    results = find(engine, q="ZT5555555555")
    assert [(u.code, u.linked_rma) for u in results.unmatched] == [
        ("ZT5555555555", "RMA2026120003")
    ]
    assert {h.rma_no for h in results.hits} == {"RMA2026120003"}


# -- paging, the cap and the order -----------------------------------------------------------


def test_pages_follow_the_order(engine: Engine) -> None:
    with Session(engine) as session:
        pages = [search(session, Query(page=n), page_size=2) for n in (1, 2, 3, 4, 5)]
        threes = [search(session, Query(page=n), page_size=3) for n in (1, 2, 3)]
    assert [ids(p) for p in pages] == [
        [iid(3), iid(2)],
        [iid(1), iid(6)],
        [iid(7), iid(5)],  # a page across completed and never completed
        [iid(4)],
        [],  # past the last page: nothing, no error
    ]
    assert [ids(p) for p in threes] == [
        [iid(3), iid(2), iid(1)],
        [iid(6), iid(7), iid(5)],
        [iid(4)],  # a page of never-completed ones only
    ]
    assert {(p.total, p.pages, p.capped) for p in pages} == {(7, 4, False)}
    assert [p.page for p in pages] == [1, 2, 3, 4, 5]


def test_a_page_is_completed_in_as_many_queries_whatever_its_size(engine: Engine) -> None:
    """Order numbers, disputes and clips: one query each for the page, not one a row."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        sizes = []
        for text in ("RMA2026120002", "ORD-1001"):
            statements.clear()
            sizes.append((len(find(engine, q=text).hits), len(statements)))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    (one, one_page), (three, three_pages) = sizes
    assert (one, three) == (1, 3) and one_page == three_pages


@pytest.fixture(params=BACKENDS)
def crowded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with more inspections of one SKU than the cap, a few never completed."""
    engine = migrated(request, request.param, tmp_path)
    rows: list[dict[str, Any]] = []
    for n in range(CAP + 30):
        row = inspection(n, f"RMA{n:010d}", "HOT-1", station=f"ST-{n % 3}")
        rows.append({c.key: getattr(row, c.key) for c in InspectionRecord.__table__.columns})
        rows[-1]["completed_at"] = AT + timedelta(seconds=n // 2) if n >= 5 else None
    with engine.begin() as conn:
        conn.execute(insert(InspectionRecord), rows)
    yield engine
    engine.dispose()


def test_totals_are_capped_and_pages_end_at_the_cap(crowded: Engine) -> None:
    with Session(crowded) as session:
        first = search(session, parse_query({"q": "HOT-1"}))
        last = search(session, parse_query({"q": "hot-1", "page": str(CAP // 50)}))
        beyond = search(session, parse_query({"q": "HOT-1", "page": str(CAP // 50 + 1)}))
        narrowed = search(session, parse_query({"q": "HOT-1", "station": "ST-1"}))
    assert (first.total, first.capped, first.pages) == (CAP, True, CAP // 50)
    newest = CAP + 29
    # ties on completed_at are broken by id, newest first
    assert ids(first)[:3] == [iid(newest), iid(newest - 1), iid(newest - 2)]
    assert len(last.hits) == 50 and beyond.hits == []
    assert (narrowed.total, narrowed.capped) == ((CAP + 30) // 3, False)


def test_the_last_page_reaches_the_never_completed(crowded: Engine) -> None:
    with Session(crowded) as session:
        results = search(session, Query(station="ST-2", page=67))
    assert (results.total, results.pages, len(results.hits)) == (3343, 67, 43)
    assert ids(results)[-3:] == [iid(8), iid(5), iid(2)]  # the oldest completed, then open


# -- hostile input ---------------------------------------------------------------------------

HARMLESS_TEXTS = [
    "' OR 1=1 --",
    "'; DROP TABLE inspections; --",
    '" OR ""="',
    "%",
    "_",
    "%%%%",
    "RMA%",
    "SF1000000001' --",
    "\\",
    "*",
    "NULL",
    "😀" * 10,
    "ＳＦ１０００００００００１",  # full-width digits: not the waybill
]


@pytest.mark.parametrize("text", HARMLESS_TEXTS)
def test_sql_looking_text_finds_nothing(engine: Engine, text: str) -> None:
    results = find(engine, q=text)
    assert (results.hits, results.total, results.unmatched) == ([], 0, [])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 10_000}, "longer than 60"),
        ({"q": "SF1000000001\x00"}, "U+0000"),
        ({"q": "SF10\n00000001"}, "U+000A"),
        ({"q": "SF1000000001\u202e"}, "U+202E"),  # right-to-left override
        ({"q": "SF100\u200b0000001"}, "U+200B"),  # zero-width space
        ({"since": "2026-13-01"}, "not a day"),
        ({"since": "2026-02-30"}, "not a day"),
        ({"until": "12/01/2026"}, "YYYY-MM-DD"),
        ({"until": "2026-12-1"}, "YYYY-MM-DD"),
        ({"until": "20261201"}, "YYYY-MM-DD"),
        ({"since": "2026-12-01T00:00"}, "YYYY-MM-DD"),
        ({"since": "２０２６-１２-０１"}, "YYYY-MM-DD"),
        ({"since": "2026-12-03", "until": "2026-12-01"}, "after until"),
        ({"page": "0"}, "page"),
        ({"page": "10001"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "1e3"}, "page"),
        ({"page": "9" * 400}, "page"),
        ({"page": "１"}, "page"),  # a full-width digit
        ({"flags": "needs_review,bogus"}, "unknown flag 'bogus'"),
        ({"flags": "1=1"}, "unknown flag"),
        ({"inspector": "' OR 1=1 --"}, "badge id"),
        ({"inspector": "I" * 41}, "badge id"),
        ({"station": "ST-A; DROP"}, "station id"),
        ({"station": "S"}, "station id"),
        ({"inspector": "ß"}, "badge id"),  # would be "SS" upper-cased
    ],
)
def test_bad_input_is_refused_with_a_reason(params: dict[str, str], message: str) -> None:
    with pytest.raises(SearchError, match=re.escape(message)):
        parse_query(params)


def test_a_refusal_quotes_the_value_safely() -> None:
    with pytest.raises(SearchError) as refused:
        parse_query({"flags": "evil\u202e\x1b[2J" + "x" * 100})
    assert "\x1b" not in str(refused.value) and "\u202e" not in str(refused.value)
    assert len(str(refused.value)) < 200


def test_a_query_made_in_code_is_checked_too(engine: Engine) -> None:
    with pytest.raises(SearchError):
        find(engine, Query(page=0))
    with Session(engine) as session, pytest.raises(SearchError):
        search(session, Query(), page_size=0)


def test_the_form_reads_every_field() -> None:
    query = parse_query(
        {
            "q": " sf1000000001 ",
            "inspector": "i1001",
            "station": "st-a",
            "since": "2026-12-01",
            "until": "2026-12-02",
            "flags": "has_clip, disputed",
            "page": "3",
            "csrf": "ignored",
        }
    )
    assert query == Query(
        text="sf1000000001",
        inspector="I1001",
        station="ST-A",
        since=date(2026, 12, 1),
        until=date(2026, 12, 2),
        flags=frozenset({Flag.HAS_CLIP, Flag.DISPUTED}),
        page=3,
    )
    assert parse_query({"q": "  ", "flags": "", "page": ""}) == Query()


@given(
    st.dictionaries(
        st.sampled_from(["q", "inspector", "station", "since", "until", "flags", "page"]),
        st.text(max_size=80),
    )
)
def test_any_form_is_a_query_or_a_search_error(params: dict[str, str]) -> None:
    try:
        query = parse_query(params)
    except SearchError:
        return
    assert query.page >= 1
    assert query.text is None or (len(query.text) <= 60 and query.text.isprintable())
