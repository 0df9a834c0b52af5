"""Other stations' inspections, read from the central service's supervisor API
(``GET /v1/inspections``), as read-only queue rows.

:class:`RemoteInspections` is the seam: the service only needs something that lists and
fetches inspections in the wire forms; :class:`CentralInspections` is that over the station's
:class:`~station.sync.client.CentralClient`, whose answers are size-limited and validated
against :mod:`station.protocol.wire`. The central API filters by station, review state, verdict
change and RMA; date, inspector, category and reason filters apply to this station's own
queue only. Decisions on these rows go out as ``decision.made`` events like local ones.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from station.domain.outcome import Outcome
from station.domain.records import BadgeLogin, UserView
from station.evidence.answer_lines import AnswerLine
from station.evidence.fired_rules import rule_lines
from station.protocol.enums import InspectionState
from station.protocol.wire import InspectionDetail, InspectionPage, InspectionSummary
from station.review.errors import CentralUnavailable
from station.review.evidence import DecisionInfo, EvidenceDetail
from station.review.rows import QueueCursor, QueueFilter, QueuePage, QueueRow, ReviewFlag, RowKind
from station.sync.client import CentralClient, SyncError

PAGE_LIMIT = 500  # the central API's own maximum
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class InspectionQuery:
    """A page of the central service's inspection list; None: not narrowed by that."""

    limit: int
    offset: int = 0
    needs_review: bool | None = None
    overturned: bool | None = None
    rma: str | None = None
    station: str | None = None

    def params(self) -> dict[str, Any]:
        """As query parameters, booleans spelled as the API reads them."""
        values = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {
            name: str(value).lower() if isinstance(value, bool) else value
            for name, value in values
            if value is not None
        }


class RemoteInspections(Protocol):
    def list_inspections(self, query: InspectionQuery) -> InspectionPage: ...

    def inspection(self, inspection_id: str) -> InspectionDetail: ...

    def for_user(self, user: UserView) -> RemoteInspections:
        """The same, read in ``user``'s name (central answers supervisors only)."""
        ...


class CentralInspections:
    """:class:`RemoteInspections` over the station's HTTP client: a client to use as it is, or
    a way to connect (``CentralAccess.client``) so each read opens and closes its own, and a
    station offline at start-up is no problem until the list is asked for."""

    def __init__(
        self,
        client: CentralClient | Callable[[], CentralClient],
        *,
        as_supervisor: Callable[[BadgeLogin], CentralClient] | None = None,
    ) -> None:
        self._client = client
        self._as_supervisor = as_supervisor

    def for_user(self, user: UserView) -> RemoteInspections:
        """Reads in the user's name when they signed in with a badge central issued; a
        client given as it is (already a supervisor's) is used as it is."""
        if self._as_supervisor is None:
            return self
        if user.badge is None:
            raise CentralUnavailable(
                "Other stations' inspections need you signed in with your badge card.",
                "查看其他工作台的质检需要刷工牌登录。",
            )
        badge, connect = user.badge, self._as_supervisor
        return CentralInspections(lambda: connect(badge))

    def list_inspections(self, query: InspectionQuery) -> InspectionPage:
        params = query.params()
        return self._call(lambda client: client.get_inspections(params))

    def inspection(self, inspection_id: str) -> InspectionDetail:
        return self._call(lambda client: client.get_inspection(inspection_id))

    def _call(self, read: Callable[[CentralClient], R]) -> R:
        try:
            if isinstance(self._client, CentralClient):
                return read(self._client)
            with self._client() as client:
                return read(client)
        except SyncError as exc:
            raise CentralUnavailable(
                f"The central service did not answer: {exc}", f"中心服务无应答：{exc}"
            ) from exc


def remote_row(item: InspectionSummary) -> QueueRow:
    flags = ReviewFlag.NONE
    if item.needs_review:
        flags |= ReviewFlag.RULE_REVIEW
    if item.overturned:
        flags |= ReviewFlag.OVERTURNED | ReviewFlag.DECIDED
    if item.refund_kind is not None and item.refund_kind.value == "none":
        flags |= ReviewFlag.REFUSED
    if item.refund_kind is not None and item.refund_kind.value == "partial":
        flags |= ReviewFlag.PARTIAL
    return QueueRow(
        kind=RowKind.REMOTE,
        key=item.inspection_id,
        at=item.completed_at or _EPOCH,
        rma_no=item.rma_no,
        sku=item.sku,
        inspector=sys.intern(item.inspector),
        station_id=sys.intern(item.station_id),
        grade=item.grade,
        disposition=item.disposition,
        refund_kind=item.refund_kind,
        refund_fen=item.refund_fen,
        flags=flags,
    )


def remote_page(
    source: RemoteInspections,
    filters: QueueFilter,
    after: QueueCursor | None,
    limit: int,
    *,
    station: str | None = None,
) -> QueuePage:
    """A page of the central service's inspections (newest first, offset paging)."""
    offset = int(after.value) if after is not None and isinstance(after.value, int) else 0
    limit = max(1, min(limit, PAGE_LIMIT))
    page = source.list_inspections(
        InspectionQuery(
            limit=limit,
            offset=offset,
            needs_review=None if filters.include_decided else True,
            overturned=True if filters.flag is ReviewFlag.OVERTURNED else None,
            rma=filters.text or None,
            station=station,
        )
    )
    rows = tuple(remote_row(item) for item in page.items)
    end = offset + len(rows)
    more = bool(rows) and end < page.total
    return QueuePage(rows, QueueCursor(end, -1, "") if more else None)


def remote_detail(item: InspectionDetail) -> EvidenceDetail:
    """What the central service knows of an inspection, in the evidence view's form; the
    order's details and the photos themselves stay at the central service."""
    last = item.decisions[-1] if item.decisions else None
    kinds = ", ".join(sorted({str(p.get("kind", "?")) for p in item.photos}))
    return EvidenceDetail(
        inspection_id=item.inspection_id,
        state=InspectionState.COMPLETED if item.completed_at else InspectionState.OPEN,
        rma_no=item.rma_no,
        order_no="",
        reason=None,
        reason_note="",
        sku=item.sku,
        title="",
        category=None,
        qty=1,
        unit_price_fen=None,
        batch=None,
        station_id=item.station_id,
        inspector=item.inspector,
        started_at=item.completed_at or _EPOCH,
        completed_at=item.completed_at,
        review_due_at=None,
        verdict=Outcome(item.grade, item.disposition, item.refund_kind, item.refund_fen, None),
        proposal=None,
        station_verdict=None,
        refund_reason="",
        carrier_claim=False,
        overridden=False,
        override_reason="",
        needs_review=item.needs_review,
        overturned=item.overturned,
        rules=rule_lines(item.rules_fired),
        answers=tuple(AnswerLine.unexplained(qid, v) for qid, v in sorted(item.answers.items())),
        photos=(),
        decision=(
            DecisionInfo(
                last.decision_id,
                last.decided_by,
                last.decided_at.isoformat(),
                last.reason,
                last.approve,
            )
            if last
            else None
        ),
        template="central",
        remote=True,
        remote_photos=f"{len(item.photos)} ({kinds})" if item.photos else "0",
    )
