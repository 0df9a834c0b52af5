"""Supervisors' decisions about inspections done at this bench, as the bench tells them.

A decision reaches the station from the sync (a supervisor decided at central or at another
station) or from the review screens here; either way the inspector at the bench hears of it:
approved as inspected, or changed to what, why, and whether the item is owed a corrected label
(the print queue prints it; someone has to put it on the item).

Notices queue, oldest first, one in view at a time; the next comes when it is dismissed. One
that asks for a label to be put on an item stays until someone dismisses it; the others give
way by themselves after :data:`LINGER_S` in view. What is said is data, like the bench's other
notices: the view words it in the inspector's language. Everything here runs on the bench's
thread: a listener on another thread hands the decision over first.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from station.bench.notices import Tone
from station.domain.labels import Language, label
from station.domain.money import yuan
from station.domain.outcome import Outcome
from station.runtime.emitter import Emitter
from station.sync.pull import AppliedDecision

LINGER_S: Final = 60.0  # how long a notice that asks for nothing stays in view
_REMEMBERED: Final = 200  # decision ids kept to recognise one announced twice


class Field(StrEnum):
    """What a decision can change, as the bench names it (refund: its kind and amount)."""

    GRADE = "grade"
    DISPOSITION = "disposition"
    REFUND = "refund"
    RESPONSIBILITY = "responsibility"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: Field
    before: str  # localised; "" when there was none
    after: str


@dataclass(frozen=True, slots=True)
class DecisionNotice:
    decision_id: str
    inspection_id: str
    rma_no: str
    supervisor: str  # the supervisor's badge
    decided_at: datetime
    changes: tuple[FieldChange, ...]  # empty: the verdict stands as inspected
    verdict: tuple[str, ...]  # the verdict in force now, localised (grade, disposition, refund)
    reason: str
    relabel: bool  # a corrected label is printing here: put it on the item
    tone: Tone
    linger_s: float | None  # None: stays until dismissed

    @property
    def approved(self) -> bool:
        return not self.changes


def _values(verdict: Outcome, language: Language) -> dict[Field, str]:
    refund = label(verdict.refund_kind, language) if verdict.refund_kind else ""
    if verdict.refund_fen is not None:
        refund = f"{refund} {yuan(verdict.refund_fen)}".strip()
    return {
        Field.GRADE: label(verdict.grade, language) if verdict.grade else "",
        Field.DISPOSITION: label(verdict.disposition, language) if verdict.disposition else "",
        Field.REFUND: refund,
        Field.RESPONSIBILITY: (
            label(verdict.responsibility, language) if verdict.responsibility else ""
        ),
    }


def notice_of(applied: AppliedDecision, language: Language) -> DecisionNotice:
    """What the bench says about ``applied``."""
    before, after = _values(applied.before, language), _values(applied.after, language)
    changes = tuple(FieldChange(f, before[f], after[f]) for f in Field if before[f] != after[f])
    if applied.relabel:
        tone, linger = Tone.WARN, None  # someone has to put the new label on the item
    else:
        tone, linger = (Tone.INFO if changes else Tone.OK), LINGER_S
    return DecisionNotice(
        decision_id=applied.decision_id,
        inspection_id=applied.inspection_id,
        rma_no=applied.rma_no,
        supervisor=applied.decided_by,
        decided_at=applied.decided_at,
        changes=changes,
        verdict=tuple(v for f in (Field.GRADE, Field.DISPOSITION, Field.REFUND) if (v := after[f])),
        reason=applied.reason.strip(),
        relabel=applied.relabel,
        tone=tone,
        linger_s=linger,
    )


class DecisionInbox:
    """The decisions the bench has still to show: the one in view, and those waiting."""

    def __init__(self, *, language: Language) -> None:
        self.language: Language = language
        # the notice in view changed: the new one, or None when none is left
        self.shown: Emitter[DecisionNotice | None] = Emitter("decision notice")
        self._queue: deque[DecisionNotice] = deque()
        self._seen: deque[str] = deque(maxlen=_REMEMBERED)

    @property
    def current(self) -> DecisionNotice | None:
        return self._queue[0] if self._queue else None

    @property
    def waiting(self) -> int:
        """How many more come after the one in view."""
        return max(0, len(self._queue) - 1)

    def add(self, applied: AppliedDecision) -> DecisionNotice | None:
        """Queue the notice of a decision just applied; None if it was announced before."""
        if applied.decision_id in self._seen:
            return None
        self._seen.append(applied.decision_id)
        notice = notice_of(applied, self.language)
        self._queue.append(notice)
        # the one in view stays; a notice added behind it only changes the count
        self.shown.emit(self._queue[0])
        return notice

    def dismiss(self) -> bool:
        """The inspector has read the notice in view: show the next; False if there was none."""
        if not self._queue:
            return False
        self._queue.popleft()
        self.shown.emit(self.current)
        return True

    def expire(self, decision_id: str) -> None:
        """The notice ``decision_id`` has been in view long enough (if it still is, and asks
        for nothing to be done)."""
        current = self.current
        if current is not None and current.decision_id == decision_id and current.linger_s:
            self.dismiss()
