"""What the desk's pages show: search by any code a parcel carries, the inspection with its
evidence and hashes, the dispute board, the export's refusals."""

from __future__ import annotations

import hashlib
import html
import re

from tests.central.client import (
    completed_payload,
    manifest_row,
    new_id,
    new_rma,
    started_payload,
)
from tests.console.conftest import Browserish, Desk
from tests.console.seed import clip_payload, publish_shipped_template


def hits(page: str) -> list[str]:
    return re.findall(r'href="/desk/inspections/([0-9a-f-]{36})"', page)


def test_one_box_finds_an_inspection_by_waybill_rma_order_number_or_sku(
    desk: Desk, kefu: Browserish
) -> None:
    case = desk.with_clip
    for text in (
        case.waybill,
        case.rma_no,
        case.order_no,
        case.waybill.lower(),
        f" {case.rma_no} ",
    ):
        page = kefu.get("/desk/search", params={"q": text})
        assert page.status_code == 200 and hits(page.text) == [case.inspection_id], text
    by_sku = hits(kefu.get("/desk/search", params={"q": "SKU-1"}).text)
    assert {case.inspection_id, desk.plain.inspection_id} <= set(by_sku)
    flagged = hits(kefu.get("/desk/search", params=[("flag", "needs_review")]).text)
    assert desk.plain.inspection_id in flagged and case.inspection_id not in flagged
    with_clip = hits(kefu.get("/desk/search", params=[("flag", "has_clip")]).text)
    assert case.inspection_id in with_clip and desk.plain.inspection_id not in with_clip
    nothing = kefu.get("/desk/search", params={"q": "SF0000000000"})
    assert hits(nothing.text) == [] and "未找到" in nothing.text
    bad = kefu.get("/desk/search", params={"since": "2026-13-01"})
    assert bad.status_code == 400


def test_a_parcel_that_matched_no_return_is_found_by_its_code(desk: Desk, kefu: Browserish) -> None:
    code = f"YT{new_id()[:10].upper().replace('-', '')}"
    event = desk.api.event(
        "parcel.unmatched",
        {
            "unmatched_id": new_id(),
            "code": code,
            "inspector": "I1001",
            "received_at": "2026-11-20T09:40:00+00:00",
        },
    )
    assert len(desk.api.post_events([event]).json()["accepted"]) == 1
    page = kefu.get("/desk/search", params={"q": code}).text
    assert "未匹配退货单的包裹" in page and code in page and desk.api.station_id in page


def test_the_inspection_shows_its_evidence_with_hashes_and_chapters(
    desk: Desk, kefu: Browserish
) -> None:
    page = kefu.get(f"/desk/inspections/{desk.with_clip.inspection_id}").text
    assert f'src="/desk/media/{desk.with_clip.clip}"' in page
    for sha in desk.with_clip.photos:
        assert f'src="/desk/media/{sha}"' in page and sha in page
    assert page.count('class="chapter"') == 5 and 'data-ms="12000"' in page
    assert "发现污渍，影响二次销售" in page and "stain_found" in page  # the rules behind it
    assert "翻新" in page and "¥99.00" in page  # refurbish, the refund
    assert desk.with_clip.order_no in page and "连帽卫衣 Hoodie" in page
    label = f"RL-{desk.with_clip.inspection_id[-8:].upper()}"
    assert label in page and "cups://BENCH-07-ZEBRA" in page  # the label it printed
    assert kefu.get(f"/desk/inspections/{new_id()}").status_code == 404


def test_the_board_lists_open_cases_by_deadline_and_an_update_closes_one(
    desk: Desk, kefu: Browserish
) -> None:
    page = f"/desk/inspections/{desk.plain.inspection_id}"
    kefu.get(page)
    opened = kefu.post(
        f"{page}/disputes",
        {"platform": "pinduoduo", "case_id": "PDD-5501", "notified_at": "2026-12-01T09:00"},
    )
    assert opened.status_code == 303
    dispute = opened.headers["location"]
    board = kefu.get("/desk/disputes").text
    assert "PDD-5501" in board and "拼多多" in board
    assert "2026-12-03 09:00" in board  # 48 h after the notice, in the desk's time zone
    kefu.get(dispute)
    assert (
        kefu.post(
            dispute, {"status": "won", "amount_yuan": "0", "note": "平台支持商家"}
        ).status_code
        == 303
    )
    board = kefu.get("/desk/disputes").text
    assert "PDD-5501" not in board.split('id="rates"')[0]
    assert "100 %" in board.split('id="rates"')[1]
    again = kefu.post(f"{page}/disputes", {"platform": "pinduoduo", "case_id": "PDD-5501"})
    assert again.status_code == 409 and "PDD-5501" in again.text


def test_a_case_on_an_inspection_still_at_the_bench_is_refused_with_the_reason(
    desk: Desk, kefu: Browserish
) -> None:
    api = desk.api
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    started = api.event("inspection.started", started_payload(inspection, rma, api.station_id))
    assert api.post_events([started]).json()["accepted"]
    page = f"/desk/inspections/{inspection}"
    assert kefu.get(page).status_code == 200
    opened = kefu.post(f"{page}/disputes", {"platform": "jd", "case_id": "JD-OPEN-1"})
    assert opened.status_code == 422 and "has not sent the verdict yet" in opened.text
    assert "JD-OPEN-1" not in kefu.get("/desk/disputes").text


def test_an_export_the_platform_cannot_take_says_why_and_keeps_the_text(
    desk: Desk, kefu: Browserish
) -> None:
    page = f"/desk/inspections/{desk.with_clip.inspection_id}"
    kefu.get(page)
    dispute = kefu.post(f"{page}/disputes", {"platform": "douyin", "case_id": "DY-LONG-1"}).headers[
        "location"
    ]
    kefu.get(dispute)
    long = "理由" * 300  # Douyin takes 400 characters
    answer = kefu.post(f"{dispute}/exports", {"platform": "douyin", "statement": long})
    assert answer.status_code == 422 and "400" in answer.text and long in answer.text
    assert (
        kefu.post(f"{dispute}/exports", {"platform": "nowhere", "statement": "x"}).status_code
        == 422
    )
    assert kefu.get(f"{dispute}/exports/..%2F..%2Fcentral.db").status_code == 404


def test_checklist_answers_show_their_questions_once_the_template_is_on_central(
    desk: Desk, kefu: Browserish
) -> None:
    path = f"/desk/inspections/{desk.plain.inspection_id}"
    unknown = kefu.get(path).text
    assert "此检验清单模板未发布到中心" in unknown and "apparel v1" in unknown
    assert "<th>stains</th>" in unknown and "<th>item_matches</th>" in unknown
    publish_shipped_template(desk.api, "apparel")
    known = kefu.get(path).text
    assert "此检验清单模板未发布到中心" not in known and "<th>stains</th>" not in known
    assert "<th>有污渍（化妆品、汗渍等）？</th><td>✘</td>" in known
    kefu.get("/desk/lang/en")
    assert "<th>Stains (make-up, sweat…)?</th>" in kefu.get(path).text


def test_hidden_characters_a_bench_sent_are_not_shown_nor_prefilled(
    desk: Desk, kefu: Browserish
) -> None:
    """A direction override turned "scan 0987654321FS" into "scan SF1234567890" on screen; a
    vertical tab in a rule went into the pre-filled statement, which then could not be sent."""
    api = desk.api
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    completed = completed_payload(inspection, rma, api.station_id)
    hidden = {"zh_CN": "发现\u202e污渍\u000b", "en": "Stain\u202e found\u000b"}
    completed["rules_fired"] = [{"id": "stain"} | hidden]
    events = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event("inspection.completed", completed),
    ]
    assert len(api.post_events(events).json()["accepted"]) == 2
    page = kefu.get(f"/desk/inspections/{inspection}").text
    assert "\u202e" not in page and "\u000b" not in page and "发现污渍" in page
    opened = kefu.post(
        f"/desk/inspections/{inspection}/disputes", {"platform": "jd", "case_id": "JD-HIDE-1"}
    )
    assert opened.status_code == 303
    dispute = kefu.get(opened.headers["location"]).text
    found = re.search(r'id="statement"[^>]*>(.*?)</textarea>', dispute, re.S)
    assert found is not None
    statement = html.unescape(found.group(1))
    assert "发现污渍" in statement and statement.isprintable()


def test_a_clip_with_thousands_of_chapters_still_exports_as_the_page_offers(
    desk: Desk, kefu: Browserish
) -> None:
    """Every telling chapter was ticked: 1,200 of them made a form of more fields than a form
    may have, and building the package answered 400."""
    api = desk.api
    inspection, rma = new_id(), new_rma()
    assert api.publish("/v1/returns", [manifest_row(rma)]).status_code == 201
    data = desk.clip_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()  # the clip the desk's central already has
    clip = clip_payload(digest, len(data), inspection, api.station_id, 20_000)
    clip["clip"]["chapters"] = [
        {"at_ms": at, "kind": "scan", "label": f"SF{at:013d}"} for at in range(0, 12_000, 10)
    ]
    events = [
        api.event("inspection.started", started_payload(inspection, rma, api.station_id)),
        api.event("evidence.added", clip),
        api.event("inspection.completed", completed_payload(inspection, rma, api.station_id)),
    ]
    assert len(api.post_events(events).json()["accepted"]) == 3
    kefu.get(f"/desk/inspections/{inspection}")
    opened = kefu.post(
        f"/desk/inspections/{inspection}/disputes", {"platform": "shopee", "case_id": "SP-MANY-1"}
    )
    assert opened.status_code == 303
    page = kefu.get(opened.headers["location"]).text
    ticked = re.findall(r'name="chapter" value="(\d+)" checked', page)
    assert len(ticked) == 50 and len(re.findall(r'name="chapter"', page)) == 1200
    statement = html.unescape(re.search(r'id="statement"[^>]*>(.*?)</textarea>', page, re.S)[1])
    built = kefu.post(
        opened.headers["location"] + "/exports",
        {"platform": "shopee", "statement": statement, "chapter": ticked},
    )
    assert built.status_code == 303, built.text[-600:]
