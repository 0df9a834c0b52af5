"""Whole inspections driven through the bench session alone: no Qt, no window.

Codes arrive as the hand scanner and the camera deliver them; the session decides what they
mean, drives the workflow, and the store shows the result.
"""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update

from station import app
from station.bench.notices import Notice, Say, Sound, Tone
from station.bench.session import BenchSession, InlineRunner
from station.capture.classify import Command, command_payload
from station.capture.scan_text import BadScan
from station.domain.records import OrderView, UserView
from station.protocol.enums import Grade, PhotoKind, RefundKind, ReturnReason
from station.qc.engine import Override
from station.store.models import (
    AuditEntry,
    Inspection,
    OutboxEvent,
    ReturnLine,
    ReturnOrder,
    ReturnTracking,
    UnmatchedParcel,
)
from station.store.queries import order_view
from station.workflow import Completion, InspectionStarted, ParcelUnmatched
from tests.helpers import frame


class Bench:
    """A session with everything it announces recorded."""

    def __init__(self, station: app.Station, user: UserView, clock: list[float]) -> None:
        self.station = station
        self.frame_seed = 0
        self.session = BenchSession(
            station.workflow,
            InlineRunner(),
            language="en",
            frames=self._frame,
            clock=lambda: clock[0],
        )
        self.notices: list[Notice] = []
        self.sounds: list[Sound] = []
        self.completed: list[Completion] = []
        self.handled: list[object] = []
        events = self.session.events
        events.notice.connect(self.notices.append)
        events.sound.connect(self.sounds.append)
        events.completed.connect(self.completed.append)
        events.handled.connect(self.handled.append)
        self.session.start(user)

    def _frame(self):  # a new, sharp picture each time: the camera sees the item
        self.frame_seed += 1
        return frame(5000 + self.frame_seed)

    @property
    def last(self) -> Notice:
        return self.notices[-1]

    def scan(self, code: str, source: str = "scanner") -> object:
        self.session.code(code, source=source)
        return self.handled[-1]

    def photograph_what_is_missing(self) -> None:
        model = self.session.checklist
        assert model is not None
        for kind in model.evaluation.missing_photos:
            self.session.choose_photo_kind(kind)
            self.session.take_photo()


def count(station: app.Station, entity: type) -> int:
    return station.db.run(lambda s: s.scalar(select(func.count()).select_from(entity)))


def received_order(station: app.Station, category: str, *, no_reason: bool = True) -> OrderView:
    reasons = {ReturnReason.NO_REASON_7D.value, ReturnReason.SIZE_FIT.value}

    def work(s):
        for order in s.scalars(
            select(ReturnOrder).where(ReturnOrder.state == "received").order_by(ReturnOrder.id)
        ):
            view = order_view(order)
            if (
                len(view.lines) == 1
                and view.lines[0].category.value == category
                and (view.reason.value in reasons) == no_reason
                and view.requested_on - view.customer_received_on <= timedelta(days=5)
                and view.lines[0].unit_price_fen < 300_000
            ):
                return view
        raise AssertionError(f"no received {category} order in the demo data")

    return station.db.run(work)


def test_importing_the_bench_session_loads_no_qt() -> None:
    code = (
        "import sys, station.bench.session, station.bench.checklist;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_clean_apparel_return_from_scan_to_label(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    started = bench.scan(order.rma_no)
    assert isinstance(started, InspectionStarted)
    assert bench.last == Notice(Say.INSPECTING, Tone.OK, (order.rma_no,))
    model = bench.session.checklist
    assert model is not None and model.step_index == 0
    bench.scan(order.lines[0].ean or "")  # the tag's barcode answers the scan-match step
    assert bench.last.say is Say.ITEM_MATCHES and model.step_index == 1
    bench.scan(command_payload(Command.PASS))  # condition: all fine
    bench.scan(command_payload(Command.PASS))  # packaging: all fine
    assert model.on_confirm_page
    assert PhotoKind.OVERVIEW in bench.session.photo_target.missing
    bench.photograph_what_is_missing()
    assert model.evaluation.complete and bench.session.photo_target.missing == ()
    photos = len(bench.session.photos)
    bench.scan(command_payload(Command.PASS))  # accept
    done = bench.completed[-1]
    assert done.inspection.grade is Grade.A and done.inspection.refund_kind is RefundKind.FULL
    assert bench.last.say is Say.DONE and bench.session.checklist is None
    assert bench.session.last_labelled == {"inspection_id": done.inspection.id}
    row = bench.station.db.run(lambda s: s.get_one(Inspection, started.inspection.id))
    assert row.state == "completed" and row.answers["tags_attached"] is True
    kinds = bench.station.db.run(
        lambda s: [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
    )
    assert photos >= 1 and bench.session.photos == []  # the strip is cleared for the next one
    assert kinds[-photos - 2 :] == [
        "inspection.started",
        *["evidence.added"] * photos,
        "inspection.completed",
    ]


def test_a_swapped_item_is_flagged_and_refused(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    bench.scan(order.rma_no)
    bench.scan("6900000000002")  # another item's EAN
    assert bench.last == Notice(Say.ITEM_MISMATCH, Tone.ERROR, ("6900000000002",))
    assert bench.sounds[-1] is Sound.ERROR
    model = bench.session.checklist
    assert model is not None
    assert "item_mismatch" in model.evaluation.findings
    assert model.evaluation.proposal.refund_kind is RefundKind.NONE


def test_an_override_needs_a_reason_and_sends_the_case_to_a_supervisor(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    bench.scan(order.rma_no)
    bench.scan(order.lines[0].ean or "")
    for _ in range(2):
        bench.scan(command_payload(Command.PASS))
    bench.photograph_what_is_missing()
    bench.session.override(Override(grade=Grade.B, reason=""))
    assert bench.last.say is Say.OVERRIDE_REFUSED and not bench.completed
    bench.session.override(Override(grade=Grade.B, reason="small pull in the seam"))
    done = bench.completed[-1]
    assert done.inspection.grade is Grade.B and done.inspection.needs_review
    assert bench.last.say is Say.DONE_FOR_REVIEW  # the inspector is told where it went
    row = bench.station.db.run(lambda s: s.get_one(Inspection, done.inspection.id))
    assert row.overridden and row.needs_review and row.override_reason == "small pull in the seam"


def test_an_unknown_parcel_is_received_as_unmatched_and_can_be_photographed(
    bench: Bench,
) -> None:
    outcome = bench.scan("SF9999999999999")
    assert isinstance(outcome, ParcelUnmatched)
    assert bench.last.say is Say.UNMATCHED and bench.sounds[-1] is Sound.UNKNOWN
    assert bench.session.photo_target.unmatched_id == outcome.parcel.id
    bench.session.take_photo()
    assert bench.last.say is Say.PHOTO_TAKEN
    assert [p.kind for p in bench.session.photos] == [PhotoKind.OVERVIEW]
    assert bench.session.last_labelled == {"unmatched_id": outcome.parcel.id}
    parcels = bench.station.db.run(lambda s: s.scalars(select(UnmatchedParcel.code)).all())
    assert parcels == ["SF9999999999999"]


def test_an_open_inspection_resumes_where_it_was_after_a_logout(
    bench: Bench, demo_station: app.Station, inspector: UserView, clock: list[float]
) -> None:
    order = received_order(demo_station, "apparel")
    bench.scan(order.rma_no)
    bench.scan(order.lines[0].ean or "")
    bench.session.pick(0)  # tags attached? → no
    bench.session.end()
    assert bench.session.checklist is None
    again = Bench(demo_station, inspector, clock)
    resumed = again.scan(order.rma_no)
    assert isinstance(resumed, InspectionStarted) and resumed.resumed
    assert again.last.say is Say.RESUMED
    model = again.session.checklist
    assert model is not None and model.answers["tags_attached"] is False
    assert model.step_index == 1  # back on the step that was open


def test_camera_and_scanner_codes_interleave_through_one_meaning(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    assert isinstance(bench.scan(order.rma_no, source="camera"), InspectionStarted)
    notices = len(bench.notices)
    bench.scan(order.rma_no, source="camera")  # its label still in view: nothing happens
    assert len(bench.notices) == notices
    bench.scan(order.rma_no, source="scanner")  # scanned again by hand: nothing reloads
    assert bench.last.say is Say.ALREADY_INSPECTING
    bench.scan(order.lines[0].ean or "", source="camera")  # the tag seen by the camera
    assert bench.last.say is Say.ITEM_MATCHES
    bench.scan(command_payload(Command.FAIL), source="camera")  # a card held up
    model = bench.session.checklist
    assert model is not None and model.answers["tags_attached"] is False


def test_the_camera_never_switches_parcels_or_records_a_distractor_as_a_swap(
    bench: Bench,
) -> None:
    order = received_order(bench.station, "apparel")
    other = received_order(bench.station, "electronics")
    started = bench.scan(order.rma_no, source="camera")
    assert isinstance(started, InspectionStarted)
    bench.scan(other.rma_no, source="camera")  # the next parcel's label in view
    assert bench.last.say is Say.CAMERA_OTHER_PARCEL
    assert bench.session.inspection is not None
    assert bench.session.inspection.inspection.id == started.inspection.id
    bench.scan("6900000000002", source="camera")  # another item on the bench
    assert bench.last.say is Say.CAMERA_OTHER_ITEM
    model = bench.session.checklist
    assert model is not None and "item_matches" not in model.answers
    bench.scan(order.lines[0].ean or "", source="camera")  # this order's item: answers
    assert bench.last.say is Say.ITEM_MATCHES
    bench.scan("6900000000002")  # the hand scanner is deliberate: the mismatch is recorded
    assert bench.last.say is Say.ITEM_MISMATCH
    switched = bench.scan(other.rma_no)  # and it switches parcels when asked
    assert isinstance(switched, InspectionStarted) and switched.order.rma_no == other.rma_no


def test_cancel_takes_the_card_twice_within_ten_seconds(bench: Bench, clock: list[float]) -> None:
    order = received_order(bench.station, "apparel")
    started = bench.scan(order.rma_no)
    assert isinstance(started, InspectionStarted)
    bench.scan(command_payload(Command.CANCEL))
    assert bench.last.say is Say.CANCEL_AGAIN and bench.session.checklist is not None
    clock[0] += 11  # too late: asks again
    bench.scan(command_payload(Command.CANCEL))
    assert bench.last.say is Say.CANCEL_AGAIN
    clock[0] += 2
    bench.scan(command_payload(Command.CANCEL))
    assert bench.last.say is Say.CANCELLED and bench.session.checklist is None
    row = bench.station.db.run(lambda s: s.get_one(Inspection, started.inspection.id))
    assert row.state == "cancelled"


@pytest.mark.parametrize("junk", ["", "   ", "RMA\x00123", "x" * 600, "RSCMD-EXPLODE"])
def test_junk_codes_are_refused_with_a_reason_and_store_nothing(bench: Bench, junk: str) -> None:
    before = bench.station.db.run(lambda s: s.query(OutboxEvent).count())
    refused = bench.scan(junk)
    assert isinstance(refused, ValueError)
    assert bench.last.say is Say.BAD_SCAN and bench.last.tone is Tone.ERROR
    assert bench.station.db.run(lambda s: s.query(OutboxEvent).count()) == before


def test_a_scan_longer_than_a_code_may_be_is_refused_saying_so(bench: Bench) -> None:
    before = bench.station.db.run(lambda s: s.query(OutboxEvent).count())
    bench.scan("QR" + "9" * 299)  # read, say, off a QR code: 301 characters
    assert bench.last.say is Say.BAD_SCAN and bench.last.tone is Tone.ERROR
    assert "301 characters (a code has at most 200)" in str(bench.last.args)
    assert bench.station.db.run(lambda s: s.query(OutboxEvent).count()) == before


def test_nothing_happens_without_someone_logged_in(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    bench.session.suspend()
    bench.session.code(order.rma_no)
    assert bench.handled == [] and bench.session.checklist is None


def test_an_item_code_before_any_parcel_is_explained(bench: Bench) -> None:
    bench.scan("6901234567892")
    assert bench.last.say is Say.ITEM_CODE_FIRST and bench.last.tone is Tone.WARN
    assert count(bench.station, UnmatchedParcel) == 0  # nothing received for an item's code


@pytest.mark.parametrize(
    "waybill",
    [
        "75123456789016",  # 14 digits with a valid GTIN-14 check digit
        "660856517888",  # 12 digits with a valid UPC-A check digit
    ],
)
def test_a_waybill_shaped_like_an_item_code_opens_its_parcel(bench: Bench, waybill: str) -> None:
    order = received_order(bench.station, "apparel")
    bench.station.db.run(
        lambda s: s.add(ReturnTracking(tracking_no=waybill, carrier="ZTO", return_id=order.id))
    )
    started = bench.scan(waybill)
    assert isinstance(started, InspectionStarted) and started.order.rma_no == order.rma_no


@pytest.mark.parametrize("source", ["scanner", "camera"])
def test_a_jd_pieces_barcode_opens_the_parcel_of_its_waybill(bench: Bench, source: str) -> None:
    order = received_order(bench.station, "apparel")
    bench.station.db.run(
        lambda s: s.add(
            ReturnTracking(tracking_no="JDVA12345678901", carrier="JD", return_id=order.id)
        )
    )
    started = bench.scan("JDVA12345678901-1-1-", source=source)
    assert isinstance(started, InspectionStarted) and started.order.rma_no == order.rma_no
    assert bench.station.workflow.lookup("JDVA12345678901-1-1-") == started.order


@pytest.mark.parametrize(
    "ean",
    [
        "7791234567898",  # EAN-13 from Argentina: the shape of an STO waybill
        "1001234567894",  # EAN-13 with a GS1 US prefix: the shape of a domestic EMS number
        "731234567891",  # UPC-A: the shape of a ZTO waybill
    ],
)
def test_the_items_own_barcode_answers_the_item_step_whatever_it_looks_like(
    bench: Bench, ean: str
) -> None:
    order = received_order(bench.station, "apparel")
    line_id = order.lines[0].id
    bench.station.db.run(
        lambda s: s.execute(update(ReturnLine).where(ReturnLine.id == line_id).values(ean=ean))
    )
    bench.scan(order.rma_no)
    model = bench.session.checklist
    assert model is not None
    bench.scan(ean)
    assert bench.last.say is Say.ITEM_MATCHES
    assert bench.session.checklist is model  # the parcel stays open
    assert count(bench.station, UnmatchedParcel) == 0


def test_a_full_disk_is_said_plainly_and_nothing_is_half_saved(bench: Bench) -> None:
    """The database file may grow no further (SQLite's own limit, as a full disk does): the
    first scans fill what room its pages have left, then one needs a page there is not."""
    with closing(sqlite3.connect(bench.station.paths.database, isolation_level=None)) as packer:
        packer.execute("VACUUM")
    pages = bench.station.db.run(lambda s: s.execute(text("PRAGMA page_count")).scalar_one())
    bench.station.db.run(lambda s: s.execute(text(f"PRAGMA max_page_count = {pages}")))
    bench.session.language = "zh_CN"

    def stored() -> tuple[int, ...]:
        return tuple(count(bench.station, t) for t in (UnmatchedParcel, OutboxEvent, AuditEntry))

    for n in range(200):
        before = stored()
        bench.scan(f"SF12345678{n:05d}")
        if bench.last.say is Say.SCAN_FAILED:
            break
    else:
        raise AssertionError("the store never filled up")
    assert bench.last.args == ("磁盘已满：未保存任何内容。请清理磁盘空间（或联系IT）后重做。",)
    assert stored() == before  # the parcel, its event and its audit entry: all or nothing


def blurred(seed: int):  # type: ignore[no-untyped-def]
    import cv2

    return cv2.GaussianBlur(frame(seed), (0, 0), 6)


# What the QR code printed beside a waybill's barcode carries (a tracking link), and a tag's
QR_LINK = "https://m.example-express.cn/t?no=SF1234567890123&sign=9f8a07"
TAG_QR = "https://verify.example-brand.cn/q/8ZK2-77QF-1C0D"


@pytest.mark.parametrize("order_of_reading", list(itertools.permutations(range(3))))
def test_a_label_the_camera_reads_whole_opens_its_parcel_whichever_code_comes_first(
    bench: Bench, order_of_reading: tuple[int, ...]
) -> None:
    order = received_order(bench.station, "apparel")
    label = [QR_LINK, "SF1234567890123", order.order_no]  # the waybill is not in the store
    bench.session.camera_codes([label[i] for i in order_of_reading])
    started = bench.handled[-1]
    assert isinstance(started, InspectionStarted) and started.order.rma_no == order.rma_no
    assert count(bench.station, UnmatchedParcel) == 0
    assert [n.say for n in bench.notices[1:]] == [Say.INSPECTING]  # nothing about the others


@pytest.mark.parametrize("qr_first", [True, False])
def test_an_unknown_label_is_received_under_its_waybill_number_not_its_qr_text(
    bench: Bench, qr_first: bool
) -> None:
    label = [QR_LINK, "ZT-0031-X9", "SF1234567890123"]  # a sorting code of no known shape
    bench.session.camera_codes(label if qr_first else label[::-1])
    received = bench.handled[-1]
    assert isinstance(received, ParcelUnmatched)
    assert received.parcel.code == "SF1234567890123"
    assert count(bench.station, UnmatchedParcel) == 1


@pytest.mark.parametrize(
    "text",
    [
        QR_LINK,
        '{"waybill":"SF1234567890123","sign":"9f8a"}',
        "退货 请联系客服",
        "X" * 65,  # longer than any parcel's number
    ],
)
def test_text_is_never_received_as_a_parcel(bench: Bench, text: str) -> None:
    bench.session.camera_codes([text])
    assert bench.last.say is Say.TEXT_CODE and bench.last.tone is Tone.INFO
    assert bench.sounds == []  # the camera sees every QR code on the bench: no buzz
    bench.scan(text)  # aimed at on purpose: told plainly
    assert bench.last.say is Say.TEXT_CODE and bench.last.tone is Tone.WARN
    assert bench.sounds == [Sound.UNKNOWN]
    assert count(bench.station, UnmatchedParcel) == 0
    with pytest.raises(BadScan, match="not a parcel's number"):  # the command line's way in
        bench.station.workflow.scan(text, bench.session.user)  # type: ignore[arg-type]
    assert count(bench.station, UnmatchedParcel) == 0


def test_a_tags_qr_code_is_not_recorded_as_the_wrong_item(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    bench.scan(order.rma_no)
    model = bench.session.checklist
    assert model is not None
    bench.session.camera_codes([TAG_QR, order.lines[0].ean or ""])  # the tag in view, whole
    assert bench.last.say is Say.ITEM_MATCHES
    assert not {Say.CAMERA_OTHER_ITEM, Say.TEXT_CODE} & {n.say for n in bench.notices}
    bench.scan(TAG_QR)  # the hand scanner picked the tag's QR code, not its barcode
    assert bench.last.say is Say.TEXT_CODE
    assert "item_mismatch" not in model.evaluation.findings
    assert model.answers["item_matches"] == order.lines[0].ean  # what the camera read stands


def test_what_the_camera_sees_while_an_unmatched_parcel_is_open_changes_nothing(
    bench: Bench,
) -> None:
    other = received_order(bench.station, "apparel")
    waybill = "75123456789016"  # another parcel's waybill, shaped like a GTIN-14
    bench.station.db.run(
        lambda s: s.add(ReturnTracking(tracking_no=waybill, carrier="ZTO", return_id=other.id))
    )
    received = bench.scan("SF1234567890123")
    assert isinstance(received, ParcelUnmatched)
    notices = len(bench.notices)
    bench.session.camera_codes([waybill])
    bench.session.camera_codes(["6901234567892"])  # an item's barcode
    bench.session.camera_codes([QR_LINK])
    assert bench.session.outcome is received
    # nothing switched, and nothing said: "scan the parcel first" would be wrong with one open
    assert bench.notices[notices:] == []


def test_junk_the_camera_reads_is_mentioned_quietly(bench: Bench) -> None:
    bench.session.camera_codes(["品名:毛衣\n批号:2026-11"])  # a box's multi-line QR text
    assert bench.last.say is Say.BAD_SCAN and bench.last.tone is Tone.INFO
    assert bench.sounds == []
    order = received_order(bench.station, "apparel")
    bench.session.camera_codes(["\x07junk", order.rma_no])  # junk beside a label's code
    assert isinstance(bench.handled[-1], InspectionStarted)


def test_a_flagged_photo_counts_only_when_kept_on_purpose_and_a_retake_keeps_its_kind(
    bench: Bench,
) -> None:
    order = received_order(bench.station, "apparel")
    bench.scan(order.rma_no)
    model = bench.session.checklist
    assert model is not None
    needed = bench.session.photo_target.missing
    assert PhotoKind.OVERVIEW in needed
    bench.session.choose_photo_kind(PhotoKind.OVERVIEW)
    bench.session.frames = lambda: blurred(1)
    bench.session.take_photo()
    assert bench.last.say is Say.PHOTO_FLAGGED
    assert PhotoKind.OVERVIEW in bench.session.photo_target.missing  # does not count yet
    bench.session.choose_photo_kind(PhotoKind.ITEM_LABEL)  # the target moves on meanwhile
    bench.session.frames = lambda: frame(77)
    assert bench.session.retake()
    kinds = [(p.kind, p.quality_flags) for p in bench.session.photos]
    assert kinds == [(PhotoKind.OVERVIEW, ())]  # the retake is an overview, the blur is gone
    assert PhotoKind.OVERVIEW not in bench.session.photo_target.missing

    bench.session.choose_photo_kind(PhotoKind.ITEM_LABEL)
    bench.session.frames = lambda: blurred(2)
    bench.session.take_photo()
    assert PhotoKind.ITEM_LABEL in bench.session.photo_target.missing
    assert bench.session.keep_flagged()  # K: the tag cannot be shown any sharper
    assert bench.last.say is Say.PHOTO_KEPT
    assert PhotoKind.ITEM_LABEL not in bench.session.photo_target.missing
    kept = bench.station.db.run(
        lambda s: s.scalar(select(AuditEntry).where(AuditEntry.action == "photo_kept"))
    )
    assert kept is not None and kept.actor == "user:I1001"


def test_a_frozen_camera_is_refused_with_a_message(bench: Bench) -> None:
    order = received_order(bench.station, "apparel")
    bench.scan(order.rma_no)
    bench.session.frames = lambda: frame(42)
    bench.session.take_photo()
    bench.session.take_photo()  # the very same picture again
    assert bench.last.say is Say.PHOTO_REFUSED and "frozen" in bench.last.args[0]
    assert len(bench.session.photos) == 1


class ManualRunner:
    """Work waits until the test lets it run: what is on its way to the store stays there."""

    def __init__(self) -> None:
        self.waiting: list[tuple[object, object, object]] = []

    def submit(self, work, on_done=None, on_error=None) -> None:  # type: ignore[no-untyped-def]
        self.waiting.append((work, on_done, on_error))

    def run_all(self) -> None:
        while self.waiting:
            work, on_done, on_error = self.waiting.pop(0)
            try:
                result = work()  # type: ignore[operator]
            except Exception as exc:
                on_error(exc)  # type: ignore[operator]
                continue
            if on_done is not None:
                on_done(result)  # type: ignore[operator]


def test_the_parcel_s_other_label_read_while_it_opens_does_not_open_it_twice(
    demo_station: app.Station, inspector: UserView
) -> None:
    runner = ManualRunner()
    session = BenchSession(demo_station.workflow, runner, language="en")
    said: list[Notice] = []
    session.events.notice.connect(said.append)
    session.start(inspector)
    order = received_order(demo_station, "apparel")
    session.code(order.rma_no, source="camera")
    session.code(order.tracking[0][1] if order.tracking else order.order_no, source="camera")
    assert len(runner.waiting) == 1  # one trip to the store for one parcel
    runner.run_all()
    assert session.inspection is not None
    assert [n.say for n in said if n.say is Say.ALREADY_INSPECTING] == []
