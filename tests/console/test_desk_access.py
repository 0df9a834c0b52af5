"""Who may use the desk, and how: sign-in, sessions, CSRF, roles, masked personal data and
the audit of who saw what. Against a real central service on loopback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import create_engine, text

from central.console.accounts import DeskRole, save_user
from central.console.signin import PREFIX as TOKEN_PREFIX
from central.db.session import make_engine, session_factory, write
from central.db.types import utcnow
from tests.console.conftest import Browserish, Desk, signed_in
from tests.console.seed import PASSWORD


def audit_rows(desk: Desk, action: str) -> list[tuple[str, str, str]]:
    engine = create_engine(desk.server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT login, subject, reason FROM console_audit WHERE action = :a"),
                {"a": action},
            ).all()
    finally:
        engine.dispose()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def execute(desk: Desk, sql: str, **params: object) -> None:
    engine = create_engine(desk.server.database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    finally:
        engine.dispose()


def scalar(desk: Desk, sql: str) -> object:
    engine = create_engine(desk.server.database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def test_every_page_needs_a_session_and_comes_back_after_sign_in(
    desk: Desk, client: Browserish
) -> None:
    page = f"/desk/inspections/{desk.with_clip.inspection_id}"
    for path in (
        "/desk/search",
        page,
        "/desk/disputes",
        "/desk/audit",
        f"/desk/media/{desk.with_clip.photos[0]}",
    ):
        answer = client.get(path)
        assert answer.status_code == 303 and "/desk/sign-in" in answer.headers["location"]
    client.get(client.get(page).headers["location"])
    answer = client.post("/desk/sign-in", {"login": "kefu", "password": PASSWORD, "then": page})
    assert answer.status_code == 303 and answer.headers["location"] == page
    assert client.get(page).status_code == 200


def test_the_session_cookie_is_http_only_strict_and_scoped_to_the_desk(
    desk: Desk, client: Browserish
) -> None:
    answer = client.sign_in("kefu")
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("desk_session"))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/desk" in cookie
    assert "Secure" not in cookie  # plain HTTP is served on loopback only; TLS sets Secure
    value = cookie.split(";")[0].split("=", 1)[1]
    assert value.startswith(TOKEN_PREFIX) and len(value) > 40


def test_a_wrong_password_is_refused_audited_and_locks_after_five(desk: Desk) -> None:
    browser = Browserish(desk)
    try:
        execute(
            desk, "UPDATE console_users SET failures = 0, locked_until = NULL WHERE login = 'admin'"
        )
        for _ in range(5):
            answer = browser.sign_in("admin", "not the password")
            assert answer.status_code == 401 and "desk_session" not in answer.headers.get(
                "set-cookie", ""
            )
        answer = browser.sign_in("admin", PASSWORD)
        assert answer.status_code == 401 and "锁定" in answer.text  # locked, even when right
        assert ("admin", "", "") in audit_rows(desk, "sign_in_refused")
        unknown = browser.sign_in("nobody", PASSWORD)
        assert unknown.status_code == 401
        # a wrong password says the same for a locked login as for one that does not exist:
        # only whoever knows the password learns of the lock
        for login in ("admin", "nobody"):
            answer = browser.sign_in(login, "not the password")
            assert answer.status_code == 401 and "锁定" not in answer.text
    finally:
        execute(
            desk, "UPDATE console_users SET failures = 0, locked_until = NULL WHERE login = 'admin'"
        )
        browser.close()


def test_a_login_that_failed_hundreds_of_times_still_locks_for_a_day_at_most(
    desk: Desk,
) -> None:
    """Locks double; past about forty in a row the doubling overflowed, every wrong password
    was a 500 and the login never locked again."""
    browser = Browserish(desk)
    try:
        execute(
            desk,
            "UPDATE console_users SET failures = :n, locked_until = NULL WHERE login = 'admin'",
            n=994,
        )
        for _ in range(6):
            answer = browser.sign_in("admin", "not the password")
            assert answer.status_code == 401
        answer = browser.sign_in("admin", PASSWORD)
        assert answer.status_code == 401 and "锁定" in answer.text  # locked, even when right
        until = scalar(desk, "SELECT locked_until FROM console_users WHERE login = 'admin'")
        until = datetime.fromisoformat(str(until)).replace(tzinfo=None)
        assert until <= datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1, minutes=1)
    finally:
        execute(
            desk, "UPDATE console_users SET failures = 0, locked_until = NULL WHERE login = 'admin'"
        )
        browser.close()


def change_user(desk: Desk, login: str, *, password: str | None, active: bool = True) -> None:
    """What an administrator does with ``central desk-user`` or the desk's user page."""
    engine = make_engine(desk.server.database_url)
    try:
        with session_factory(engine)() as session:
            write(
                session,
                lambda s: save_user(
                    s,
                    login,
                    display_name="临时客服",
                    role=DeskRole.CUSTOMER_SERVICE,
                    password=password,
                    badge_id=None,
                    active=active,
                    now=utcnow(),
                ),
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("change", ["password", "disabled and enabled again"])
def test_a_password_reset_or_a_disabled_user_ends_every_session_of_that_user(
    desk: Desk, change: str
) -> None:
    """A session opened with a leaked password outlived its reset by up to 12 hours."""
    login = "temp-" + change[:8].replace(" ", "")
    change_user(desk, login, password=PASSWORD)
    held = [signed_in(desk, login) for _ in range(2)]  # two browsers
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    try:
        assert all(b.get(page).status_code == 200 for b in held)
        if change == "password":
            change_user(desk, login, password="a-new-password-after-the-leak")
        else:
            change_user(desk, login, password=None, active=False)
            change_user(desk, login, password=None, active=True)
        for browser in held:
            answer = browser.get(page)
            assert answer.status_code == 303 and "/desk/sign-in" in answer.headers["location"]
    finally:
        for browser in held:
            browser.close()


def test_a_session_id_planted_before_sign_in_is_never_the_one_used(desk: Desk) -> None:
    planted = TOKEN_PREFIX + "attacker-chose-this-value-0123456789abcdef"
    victim = Browserish(desk)
    victim.http.cookies.set("desk_session", planted, domain="127.0.0.1", path="/desk")
    assert victim.get("/desk/search").status_code == 303  # names nobody
    answer = victim.sign_in("kefu")
    issued = answer.cookies.get("desk_session")
    assert issued and issued != planted
    attacker = httpx.Client(base_url=desk.server.base_url, cookies={"desk_session": planted})
    assert attacker.get("/desk/search").status_code == 303
    attacker.close()
    victim.close()


def test_signing_out_ends_the_session_for_whoever_holds_the_cookie(desk: Desk) -> None:
    browser = signed_in(desk, "kefu")
    stolen = browser.http.cookies.get("desk_session")
    browser.get("/desk/search")
    assert browser.post("/desk/sign-out", {}).status_code == 303
    thief = httpx.Client(base_url=desk.server.base_url, cookies={"desk_session": str(stolen)})
    assert thief.get("/desk/search").status_code == 303
    thief.close()
    browser.close()


def test_an_idle_session_ends(desk: Desk) -> None:
    browser = signed_in(desk, "kefu")
    assert browser.get("/desk/search").status_code == 200
    execute(
        desk,
        "UPDATE console_sessions SET last_seen_at = :t WHERE login = 'kefu'",
        t=(desk_now() - timedelta(minutes=31)).isoformat(),
    )
    assert browser.get("/desk/search").status_code == 303
    browser.close()


def desk_now():  # type: ignore[no-untyped-def]
    from central.db.types import utcnow

    return utcnow()


def test_forms_without_the_session_csrf_token_are_refused(desk: Desk, kefu: Browserish) -> None:
    page = f"/desk/inspections/{desk.with_clip.inspection_id}"
    kefu.get(page)
    reveal = f"{page}/reveal"
    assert kefu.post(reveal, {"reason": "客户来电核实"}, csrf="").status_code == 403
    assert kefu.post(reveal, {"reason": "客户来电核实"}, csrf="x" * 43).status_code == 403
    other = signed_in(desk, "zhou")
    other.get(page)
    assert kefu.post(reveal, {"reason": "客户来电核实"}, csrf=other.csrf).status_code == 403
    cross = kefu.http.post(
        reveal,
        data={"csrf": kefu.csrf, "reason": "x" * 10},
        headers={"Origin": "https://evil.example"},
    )
    assert cross.status_code == 403
    fetched = kefu.http.post(
        reveal,
        data={"csrf": kefu.csrf, "reason": "x" * 10},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert fetched.status_code == 403
    assert kefu.post(reveal, {"reason": "客户来电核实"}).status_code == 200
    other.close()


def test_the_sign_in_form_needs_its_own_token(desk: Desk, client: Browserish) -> None:
    answer = client.http.post(
        "/desk/sign-in", data={"login": "kefu", "password": PASSWORD, "csrf": "forged"}
    )
    assert answer.status_code == 403


def test_customer_data_is_masked_until_revealed_with_a_reason_and_audited(
    desk: Desk, kefu: Browserish, admin: Browserish
) -> None:
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    shown = kefu.get(page).text
    assert "张三" not in shown and "13800138000" not in shown and "张*" in shown
    refused = kefu.post(f"{page}/reveal", {"reason": " "})
    assert refused.status_code == 400 and "张三" not in refused.text
    revealed = kefu.post(f"{page}/reveal", {"reason": "平台要求核对收件人"})
    assert revealed.status_code == 200
    assert "张三" in revealed.text and "13800138000" in revealed.text
    assert revealed.headers["cache-control"] == "no-store"
    assert "张三" not in kefu.get(page).text  # shown once
    assert ("kefu", f"inspection:{desk.plain.inspection_id}", "平台要求核对收件人") in audit_rows(
        desk, "reveal_customer"
    )
    log = admin.get("/desk/audit", params={"login": "kefu"}).text
    assert "平台要求核对收件人" in log and "查看客户信息" in log


def test_every_inspection_view_is_audited(desk: Desk, kefu: Browserish) -> None:
    before = len(audit_rows(desk, "view_inspection"))
    kefu.get(f"/desk/inspections/{desk.plain.inspection_id}", params={"why": "TB case 42"})
    rows = audit_rows(desk, "view_inspection")
    assert len(rows) == before + 1
    assert ("kefu", f"inspection:{desk.plain.inspection_id}", "TB case 42") in rows


@pytest.mark.parametrize("login", ["kefu", "zhou"])
def test_only_an_administrator_reads_the_audit_log(desk: Desk, login: str) -> None:
    browser = signed_in(desk, login)
    answer = browser.get("/desk/audit")
    assert answer.status_code == 403
    assert (login, "/desk/audit", "") in audit_rows(desk, "refused")
    browser.close()


def test_customer_service_cannot_decide_and_sees_no_decision_form(
    desk: Desk, kefu: Browserish
) -> None:
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    assert 'id="decide"' not in kefu.get(page).text
    answer = kefu.post(f"{page}/decision", {"approve": "yes", "reason": "看起来没问题"})
    assert answer.status_code == 403
    engine = create_engine(desk.server.database_url)
    with engine.connect() as conn:
        decided = conn.execute(
            text("SELECT count(*) FROM decisions WHERE inspection_id = :i"),
            {"i": desk.plain.inspection_id},
        ).scalar_one()
    engine.dispose()
    assert decided == 0


def test_a_supervisor_overturns_through_the_decision_path_stations_get(
    desk: Desk, zhou: Browserish
) -> None:
    page = f"/desk/inspections/{desk.with_clip.inspection_id}"
    assert 'id="decide"' in zhou.get(page).text
    cursor = desk.api.cursor_now()
    answer = zhou.post(
        f"{page}/decision",
        {
            "approve": "no",
            "grade": "B",
            "disposition": "restock_open_box",
            "refund_kind": "full",
            "refund_yuan": "199.00",
            "reason": "视频显示污渍为灯光反光",
        },
    )
    assert answer.status_code == 303, answer.text
    [change] = [c for c in desk.api.all_changes(cursor) if c["kind"] == "decision"]
    body = change["body"]
    assert body["inspection_id"] == desk.with_clip.inspection_id
    assert body["decided_by"] == desk.api.supervisor_badge and body["grade"] == "B"
    assert body["refund_fen"] == 19900 and body["reason"] == "视频显示污渍为灯光反光"
    shown = zhou.get(page).text
    assert "视频显示污渍为灯光反光" in shown and "已改判" in shown
    too_much = zhou.post(
        f"{page}/decision",
        {
            "approve": "no",
            "refund_kind": "full",
            "refund_yuan": "99999.00",
            "reason": "多退",
        },
    )
    assert too_much.status_code == 422  # more than the order allows: refused as at a bench


def test_the_media_route_serves_ranges_of_evidence_only(desk: Desk, kefu: Browserish) -> None:
    clip = desk.with_clip.clip
    data = desk.clip_path.read_bytes()
    whole = kefu.get(f"/desk/media/{clip}")
    assert whole.status_code == 200 and whole.content == data
    assert (
        whole.headers["accept-ranges"] == "bytes" and whole.headers["content-type"] == "video/mp4"
    )
    part = kefu.get(f"/desk/media/{clip}", headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == data[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(data)}"
    tail = kefu.get(f"/desk/media/{clip}", headers={"Range": "bytes=-500"})
    assert tail.status_code == 206 and tail.content == data[-500:]
    open_end = kefu.get(f"/desk/media/{clip}", headers={"Range": f"bytes={len(data) - 10}-"})
    assert open_end.content == data[-10:]
    past = kefu.get(f"/desk/media/{clip}", headers={"Range": f"bytes={len(data)}-"})
    assert past.status_code == 416 and past.headers["content-range"] == f"bytes */{len(data)}"
    zeros = kefu.get(f"/desk/media/{clip}", headers={"Range": "bytes=" + "0" * 20 + "1000-1999"})
    assert zeros.status_code == 206 and zeros.content == data[1000:2000]  # not read as 0-1999
    far = kefu.get(f"/desk/media/{clip}", headers={"Range": "bytes=" + "9" * 30 + "-"})
    assert far.status_code == 416
    several = kefu.get(f"/desk/media/{clip}", headers={"Range": "bytes=0-1,5-9"})
    assert several.status_code == 200 and several.content == data  # the whole is a valid answer
    assert kefu.get(f"/desk/media/{'0' * 64}").status_code == 404
    assert kefu.get("/desk/media/../../etc/passwd").status_code == 404
    photo = kefu.get(f"/desk/media/{desk.with_clip.photos[0]}")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"


def test_pages_forbid_framing_and_foreign_scripts(desk: Desk, kefu: Browserish) -> None:
    answer = kefu.get("/desk/search")
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"


def test_a_link_cannot_send_a_signed_in_user_elsewhere(desk: Desk, client: Browserish) -> None:
    client.get("/desk/sign-in")
    for then in ("https://evil.example/", "//evil.example", "/desk/\\evil", "/v1/blobs/x"):
        answer = client.post("/desk/sign-in", {"login": "kefu", "password": PASSWORD, "then": then})
        assert answer.headers["location"] == "/desk/search", then
        client.get("/desk/sign-in")
    assert (
        client.get("/desk/lang/en", params={"then": "https://evil.example"}).headers["location"]
        == "/desk/search"
    )


def test_hostile_input_is_refused_clearly_and_never_runs(desk: Desk, kefu: Browserish) -> None:
    bad = kefu.get("/desk/search", params={"q": "SF\u202e123"})
    assert bad.status_code == 400 and "U+202E" in bad.text
    long = kefu.get("/desk/search", params={"q": "A" * 5000})
    assert long.status_code == 400
    sql = kefu.get("/desk/search", params={"q": "' OR 1=1 --"})
    assert sql.status_code == 200 and 'id="hits"' not in sql.text  # a code, matched as one
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    kefu.get(page)
    script = kefu.post(f"{page}/disputes", {"platform": "jd", "case_id": "<script>x</script>"})
    assert script.status_code == 422 and "<script>x" not in script.text
    unknown = kefu.post(f"{page}/disputes", {"platform": "nowhere", "case_id": "C1"})
    assert unknown.status_code == 400
