from __future__ import annotations

import threading

from station.protocol.badges import verify_hash
from station.protocol.wire import ChangesPage
from tests.central.client import Api, user_body


def publish_users(api: Api, prefix: str, count: int) -> list[str]:
    badges = [f"{prefix}{n:04d}" for n in range(count)]
    for badge in badges:
        assert api.publish("/v1/users", user_body(badge)).status_code == 201
    return badges


def test_changes_are_paged_in_order_with_a_cursor(api: Api) -> None:
    start = api.cursor_now()
    badges = publish_users(api, "PG", 7)
    seen: list[str] = []
    cursor = start
    pages = 0
    while True:
        answer = api.changes(cursor, limit=3)
        assert answer.status_code == 200
        page = ChangesPage.model_validate(answer.json())
        pages += 1
        assert len(page.changes) <= 3
        seqs = [c.seq for c in page.changes]
        assert seqs == sorted(seqs) and all(s > int(cursor) for s in seqs)
        seen += [c.key for c in page.changes]
        assert page.cursor == (str(seqs[-1]) if seqs else cursor)
        cursor = page.cursor
        if not page.more:
            break
    assert seen == badges and pages == 3


def test_a_cursor_at_the_end_gives_an_empty_page_and_keeps_the_cursor(api: Api) -> None:
    end = api.cursor_now()
    page = api.changes(end).json()
    assert page == {"changes": [], "cursor": end, "more": False}


def test_no_cursor_starts_from_the_beginning(api: Api) -> None:
    publish_users(api, "FS", 2)
    first = ChangesPage.model_validate(api.changes(None, limit=1).json())
    assert first.changes[0].seq == 1 and first.more


def test_a_change_body_is_what_the_station_applies(api: Api) -> None:
    start = api.cursor_now()
    publish_users(api, "BD", 1)
    [change] = api.all_changes(start)
    assert change["kind"] == "user" and change["key"] == "BD0000"
    body = change["body"]
    expected = user_body("BD0000")
    assert (body["badge_id"], body["display_name"], body["role"], body["active"]) == (
        "BD0000",
        expected["display_name"],
        "inspector",
        True,
    )
    # what a bench keeps to check a login: the PIN alone does not open it, the badge's secret
    # with the PIN does (a copied bench database does not give PINs away)
    assert body["badge_bound"] is True and "pin" not in body
    assert not verify_hash(body["pin_hash"], expected["pin"])
    assert change["at"].endswith(("Z", "+00:00"))


def test_a_malformed_cursor_is_400(api: Api) -> None:
    for bad in ["abc", "-1", "1.5", "0x10", "9" * 19, " 1", "１２"]:
        answer = api.changes(bad)
        assert answer.status_code == 400, bad
        assert "cursor" in answer.json()["detail"]


def test_a_cursor_ahead_of_the_service_is_refused(api: Api) -> None:
    ahead = str(int(api.cursor_now()) + 1000)
    answer = api.changes(ahead)
    assert answer.status_code == 409 and "ahead" in answer.json()["detail"]


def test_a_limit_out_of_range_is_422(api: Api) -> None:
    assert api.changes(None, 0).status_code == 422
    assert api.changes(None, 1001).status_code == 422


def test_a_reader_misses_nothing_while_others_publish(api: Api, other: Api) -> None:
    """Changes become visible in seq order: a station pulling while several publishers
    commit concurrently never skips one."""
    start = api.cursor_now()

    def publisher(prefix: str) -> None:
        client = Api(api.server)
        try:
            publish_users(client, prefix, 15)
        finally:
            client.close()

    writers = [threading.Thread(target=publisher, args=(f"C{n}",)) for n in range(4)]
    seen: list[int] = []
    cursor = start
    for writer in writers:
        writer.start()
    while any(w.is_alive() for w in writers):
        page = api.changes(cursor, 5).json()
        seen += [c["seq"] for c in page["changes"]]
        cursor = page["cursor"]
    for writer in writers:
        writer.join()
    seen += [c["seq"] for c in api.all_changes(cursor)]
    everything = [c["seq"] for c in other.all_changes(start)]
    assert len(everything) == 60
    assert seen == everything
