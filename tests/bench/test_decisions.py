"""What the bench says about supervisors' decisions, and the order it says it in, without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from station.bench.decisions import LINGER_S, DecisionInbox, DecisionNotice, Field, notice_of
from station.bench.notices import Tone
from station.domain.outcome import Outcome
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.sync.pull import AppliedDecision

AS_INSPECTED = Outcome(
    Grade.A, Disposition.RESTOCK, RefundKind.FULL, 19_900, Responsibility.CUSTOMER
)


def applied(
    decision_id: str = "d1", *, relabel: bool = False, approve: bool = False, **after: object
) -> AppliedDecision:
    return AppliedDecision(
        inspection_id=f"i-{decision_id}",
        rma_no="RMA20261105000001",
        decision_id=decision_id,
        decided_by="S9002",
        decided_at=datetime(2026, 11, 5, 6, 30, tzinfo=UTC),
        approve=approve,
        reason=" 外包装破损，开箱可售 ",
        before=AS_INSPECTED,
        after=replace(AS_INSPECTED, **after),
        changed=tuple(f for f in after if after[f] != getattr(AS_INSPECTED, f)),
        relabel=relabel,
    )


def test_an_overturn_names_each_change_in_the_inspectors_language() -> None:
    notice = notice_of(
        applied(
            relabel=True,
            grade=Grade.B,
            disposition=Disposition.RESTOCK_OPEN_BOX,
            refund_kind=RefundKind.PARTIAL,
            refund_fen=15_000,
        ),
        "en",
    )
    assert not notice.approved and notice.relabel
    assert [(c.field, c.before, c.after) for c in notice.changes] == [
        (Field.GRADE, "A as new", "B open box"),
        (Field.DISPOSITION, "Restock", "Restock open box"),
        (Field.REFUND, "Full refund ¥199.00", "Partial refund ¥150.00"),
    ]
    assert notice.reason == "外包装破损，开箱可售"
    # a label to put on the item: it stays until someone says they have read it
    assert notice.tone is Tone.WARN and notice.linger_s is None
    chinese = notice_of(applied(relabel=True, grade=Grade.B), "zh_CN")
    assert [(c.before, c.after) for c in chinese.changes] == [("A 全新", "B 开封可售")]


def test_an_approval_says_the_verdict_stands_and_gives_way_by_itself() -> None:
    notice = notice_of(applied(approve=True), "en")
    assert notice.approved and not notice.changes
    assert notice.verdict == ("A as new", "Restock", "Full refund ¥199.00")
    assert notice.tone is Tone.OK and notice.linger_s == LINGER_S
    quiet = notice_of(applied(responsibility=Responsibility.CARRIER), "en")  # nothing to print
    assert quiet.tone is Tone.INFO and quiet.linger_s == LINGER_S and not quiet.relabel


def test_notices_queue_one_in_view_and_a_decision_is_announced_once() -> None:
    inbox = DecisionInbox(language="en")
    shown: list[DecisionNotice | None] = []
    inbox.shown.connect(shown.append)
    first = inbox.add(applied("d1", relabel=True, grade=Grade.B))
    second = inbox.add(applied("d2", approve=True))
    assert first is not None and second is not None
    assert inbox.add(applied("d1", relabel=True, grade=Grade.B)) is None  # heard twice
    assert inbox.current is first and inbox.waiting == 1
    assert shown == [first, first]  # the second only joined the queue
    inbox.expire("d1")  # a label to put on: its time in view does not end it
    assert inbox.current is first
    assert inbox.dismiss() and inbox.current is second and inbox.waiting == 0
    inbox.expire("d1")  # no longer in view: nothing happens
    assert inbox.current is second
    inbox.expire("d2")
    assert inbox.current is None and shown[-2:] == [second, None]
    assert not inbox.dismiss()
