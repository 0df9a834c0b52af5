"""What the desk does with input it cannot use: results over several pages, a notice time out
of range, control characters in links and forms; and the headers on every desk answer."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from starlette.requests import Request

from central.console.media import Unsatisfiable, byte_range
from central.console.web import _when, page_query
from tests.central.client import Api, new_id
from tests.central.servers import CentralServer
from tests.console.conftest import Browserish, Desk, signed_in
from tests.console.seed import desk_central, seed_inspection

NEXT = re.compile(r'<a href="\?([^"]*)" id="next">')
PREVIOUS = re.compile(r'<a href="\?([^"]*)">‹')
FLAGGED = 51  # one page holds 50


def hits(page: str) -> list[str]:
    return re.findall(r'href="/desk/inspections/([0-9a-f-]{36})"', page)


def count(server: CentralServer, sql: str, **params: object) -> int:
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())
    finally:
        engine.dispose()


def tracebacks(server: CentralServer) -> int:
    return server.log_path.read_text(errors="replace").count("Traceback")


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, Api]]:
    """More inspections waiting for review than one page of results holds, and one not."""
    with desk_central(tmp_path_factory.mktemp("crowded-desk")) as (server, api):
        for _ in range(FLAGGED):
            seed_inspection(api, needs_review=True)
        seed_inspection(api)
        yield server, api


def test_the_pager_keeps_the_filters_and_shows_the_next_page(
    crowded: tuple[CentralServer, Api],
) -> None:
    server, api = crowded
    desk = Desk(server, api, None, None, Path())  # type: ignore[arg-type]
    kefu = signed_in(desk, "kefu")
    try:
        assert kefu.get("/desk/search").status_code == 200  # where every sign-in lands
        first = kefu.get(
            "/desk/search",
            params=[
                ("station", api.station_id),
                ("inspector", "I1001"),
                ("flag", "needs_review"),
                ("flag", "review_requested"),
            ],
        )
        assert first.status_code == 200, first.text[:300]
        link = NEXT.search(first.text)
        assert link is not None
        query = html.unescape(link.group(1))
        assert parse_qs(query) == {
            "station": [api.station_id],
            "inspector": ["I1001"],
            "flag": ["needs_review", "review_requested"],
            "page": ["2"],
        }
        second = kefu.get(f"/desk/search?{query}")
        assert second.status_code == 200
        assert len(hits(first.text)) == 50
        # the filters still hold: the inspection not waiting for review is on no page
        assert len(hits(second.text)) == FLAGGED - 50
        assert not set(hits(first.text)) & set(hits(second.text))
        back = PREVIOUS.search(second.text)
        assert back is not None and parse_qs(html.unescape(back.group(1)))["page"] == ["1"]
        assert NEXT.search(second.text) is None
        assert tracebacks(server) == 0
    finally:
        kefu.close()


def test_the_page_link_is_url_encoded_and_replaces_the_page() -> None:
    request = Request(
        {"type": "http", "query_string": b"q=a%26b+c%23&flag=x&page=3&flag=y", "headers": []}
    )
    assert page_query(request)(4) == "q=a%26b+c%23&flag=x&flag=y&page=4"


@pytest.mark.parametrize("notified", ["0001-01-01T00:00", "1900-01-01T00:00", "2019-12-31T08:00"])
def test_a_notice_time_before_2020_is_refused_and_nothing_is_stored(
    desk: Desk, kefu: Browserish, notified: str
) -> None:
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    kefu.get(page)
    before = tracebacks(desk.server)
    case_id = f"OLD-{new_id()[:8]}"
    answer = kefu.post(
        f"{page}/disputes", {"platform": "jd", "case_id": case_id, "notified_at": notified}
    )
    assert answer.status_code == 422 and "before 2020" in answer.text
    stored = "SELECT count(*) FROM disputes WHERE case_id = :c"
    assert count(desk.server, stored, c=case_id) == 0
    assert tracebacks(desk.server) == before


def test_control_characters_in_links_and_forms_are_refused_before_anything_is_kept(
    desk: Desk, kefu: Browserish, admin: Browserish
) -> None:
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    kefu.get(page)
    audited = "SELECT count(*) FROM console_audit"
    disputes = "SELECT count(*) FROM disputes"
    before = count(desk.server, audited), count(desk.server, disputes)
    logged = tracebacks(desk.server)
    refused = [
        kefu.get(page, params={"why": "a\x00b"}),
        kefu.get("/desk/search", params={"q": "SF\x00"}),
        kefu.post(f"{page}/reveal", {"reason": "checking\x00 the claim"}),
        kefu.post(f"{page}/disputes", {"platform": "jd", "case_id": "C\x00-1"}),
        kefu.post(f"{page}/disputes", {"platform": "jd", "case_id": "C-2", "note": "a\x1bb"}),
        admin.get("/desk/audit", params={"login": "a\x00"}),
        admin.get("/desk/audit", params={"subject": "x\x7f"}),
    ]
    for answer in refused:
        assert answer.status_code == 422, answer.request.url
        assert "control character" in answer.text
        assert answer.headers["x-frame-options"] == "DENY"
    assert (count(desk.server, audited), count(desk.server, disputes)) == before
    assert tracebacks(desk.server) == logged
    # a note of several lines is what a text area sends
    case_id = f"ML-{new_id()[:8]}"
    note = "first line\r\n\tsecond line"
    opened = kefu.post(f"{page}/disputes", {"platform": "jd", "case_id": case_id, "note": note})
    assert opened.status_code == 303, opened.text[:300]
    kept = "SELECT count(*) FROM disputes WHERE case_id = :c AND note = :n"
    assert count(desk.server, kept, c=case_id, n="first line\n\tsecond line") == 1


def test_every_desk_answer_carries_the_security_headers(desk: Desk, kefu: Browserish) -> None:
    for path, status in (
        ("/desk/nope", 404),
        ("/desk/inspections/not-an-id", 422),
        (f"/desk/inspections/{new_id()}", 404),
        ("/desk/static/desk.js", 200),
        ("/desk/static/missing.css", 404),
    ):
        answer = kefu.get(path)
        assert answer.status_code == status, path
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert answer.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"], path
    assert kefu.get("/desk/nope").headers["cache-control"] == "no-store"
    assert "cache-control" not in kefu.get("/desk/static/desk.js").headers  # the same for all
    assert "x-frame-options" not in kefu.get("/v1/health").headers  # the API is not the desk


def test_a_time_stored_near_year_9999_is_shown_in_utc_not_a_500() -> None:
    """Central refuses such times now; rows stored before must still render."""
    zone = ZoneInfo("Asia/Shanghai")
    assert _when(datetime(9999, 12, 31, 23, 0, tzinfo=UTC), zone) == "9999-12-31 23:00 UTC"
    assert _when(datetime(2026, 12, 1, 2, 0, tzinfo=UTC), zone) == "2026-12-01 10:00"


def test_the_last_bytes_of_an_empty_blob_are_unsatisfiable() -> None:
    """It answered 206 with "Content-Range: bytes 0--1/0"."""
    with pytest.raises(Unsatisfiable):
        byte_range("bytes=-1", 0)
    assert byte_range("bytes=-5", 3) == (0, 2)
    assert byte_range("bytes=0-", 3) == (0, 2)  # what a browser's <video> asks first
    assert byte_range("bytes=000-0", 3) == (0, 0)
