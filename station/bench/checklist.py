"""The checklist of the inspection on the bench: answers, step navigation, the live verdict.

One compact step at a time. PASS confirms the step, answering what is still open with
"nothing wrong"; FAIL marks the highlighted question as a problem; NEXT/BACK move the
highlight; a digit picks a question and flips its answer (or, for a number, asks for it to be
typed); on the last page PASS accepts the proposed verdict. Every change re-evaluates the
answers with the pure rules (:mod:`station.qc.engine`), so the verdict beside the checklist is
always current.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from station.domain.records import LineView, Verdict
from station.protocol.enums import PhotoKind
from station.protocol.template import Question, QuestionKind, Step
from station.qc.answers import good_answer, matches
from station.qc.engine import Evaluation, decide
from station.workflow import Checklist

# Questions that the keyboard's "all fine" does not answer: they need a scan or a photo.
_NO_KEYBOARD_DEFAULT = (QuestionKind.SCAN_MATCH, QuestionKind.PHOTO)
TYPED = (QuestionKind.NUMERIC, QuestionKind.COUNT)


class StepResult(StrEnum):
    ADVANCED = "advanced"
    BLOCKED = "blocked"  # a required question has no default: it must be answered first
    STAYED = "stayed"


@dataclass(frozen=True, slots=True)
class ItemScan:
    """What an item code did to the checklist."""

    question: Question
    code: str
    matched: bool


class ChecklistModel:
    def __init__(self, checklist: Checklist, line: LineView) -> None:
        self.checklist = checklist
        self.line = line
        self.answers: dict[str, object] = dict(checklist.answers)
        self.photos: dict[PhotoKind, int] = dict(checklist.photos)
        self.evaluation: Evaluation = checklist.evaluate(self.answers, self.photos)
        self.step_index = 0
        self.current = 0
        self.step_index = self._first_open_step()

    # -- what the screen shows ---------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.checklist.template.steps

    @property
    def on_confirm_page(self) -> bool:
        return self.step_index >= len(self.steps)

    def visible_in_step(self) -> list[Question]:
        """The questions of the current step that apply to this item, in order."""
        if self.on_confirm_page:
            return []
        ids = {q.id for q in self.steps[self.step_index].questions}
        return [q for q in self.evaluation.visible if q.id in ids]

    @property
    def current_question(self) -> Question | None:
        here = self.visible_in_step()
        return here[self.current] if 0 <= self.current < len(here) else None

    def waits_for_item_scan(self) -> bool:
        """Whether an item code would answer a question of this checklist."""
        return any(q.kind is QuestionKind.SCAN_MATCH for q in self.evaluation.visible)

    # -- input -------------------------------------------------------------------------------

    def expects_item(self, code: str) -> bool:
        """Whether ``code`` is what a scan-match question of this checklist expects (an item's
        own barcode can look like a waybill or an order number: this says it is the item)."""
        text = code.strip()
        return any(
            matches(q, text, self.checklist.expected)
            for q in self.evaluation.visible
            if q.kind is QuestionKind.SCAN_MATCH
        )

    def item_scanned(self, code: str) -> ItemScan | None:
        """An item barcode or serial answers the next scan-match question; None if none."""
        scans = [q for q in self.evaluation.visible if q.kind is QuestionKind.SCAN_MATCH]
        if not scans:
            return None
        open_ones = [q for q in scans if q.id not in self.answers]
        current = self.current_question
        if current is not None and current.kind is QuestionKind.SCAN_MATCH:
            target = current if not open_ones or current in open_ones else open_ones[0]
        else:
            target = open_ones[0] if open_ones else scans[0]
        text = code.strip()
        self.set_answer(target.id, text)
        matched = matches(target, text, self.checklist.expected)
        self.step_index = min(self.step_index, len(self.steps))
        if matched and self._step_done() and self._step_of(target.id) == self.step_index:
            self._advance()
        return ItemScan(target, text, matched)

    def confirm_step(self) -> tuple[StepResult, Question | None]:
        """Answer the step's open questions with "nothing wrong" and move on, unless a
        required one has no such answer (it is returned, highlighted)."""
        blocking = []
        here = self.visible_in_step()
        for q in here:
            if q.id in self.answers or q.kind is QuestionKind.PHOTO:
                continue
            good = good_answer(q)
            if good is not None:
                self.answers[q.id] = good
            elif q.required:
                blocking.append(q)
        self._evaluate()
        if blocking:
            self.current = self.visible_in_step().index(blocking[0])
            return StepResult.BLOCKED, blocking[0]
        self._advance()
        return StepResult.ADVANCED, None

    def mark_problem(self) -> None:
        here = self.visible_in_step()
        if not here:
            return
        self._flip(here[min(self.current, len(here) - 1)])
        self.shift(1)

    def pick(self, index: int) -> Question | None:
        """Highlight the ``index``-th question of the step and flip its answer; a number is
        not flipped but returned, to be typed."""
        here = self.visible_in_step()
        if not 0 <= index < len(here):
            return None
        self.current = index
        if here[index].kind in TYPED:
            return here[index]
        self._flip(here[index])
        return None

    def shift(self, delta: int) -> None:
        here = self.visible_in_step()
        target = self.current + delta
        if target < 0:
            self.go_to_step(self.step_index - 1)
        elif target >= len(here):
            if self._step_done():
                self._advance()
        else:
            self.current = target

    def go_to_step(self, index: int) -> None:
        if index >= 0:
            self.step_index, self.current = min(index, len(self.steps)), 0

    def set_answer(self, question_id: str, value: object) -> None:
        here = [q.id for q in self.visible_in_step()]
        if question_id in here:
            self.current = here.index(question_id)
        self.answers[question_id] = value
        self._evaluate()

    def set_photos(self, photos: dict[PhotoKind, int]) -> None:
        self.photos = dict(photos)
        self._evaluate()

    def verdict(self) -> Verdict | None:
        """The proposed verdict to accept, or None while something is still needed."""
        if not self.evaluation.complete:
            return None
        return decide(self.evaluation, self.checklist.template, self.line.amount_fen)

    # -- internals ---------------------------------------------------------------------------

    def _flip(self, q: Question) -> None:
        """Toggle a question away from its good answer (or cycle a choice, count one more)."""
        current = self.answers.get(q.id)
        match q.kind:
            case QuestionKind.YES_NO:
                bad = not q.good
                self.set_answer(q.id, q.good if current == bad else bad)
            case QuestionKind.CHOICE:
                values = [o.value for o in q.options]
                if current in values:
                    start = values.index(current)
                elif q.good in values:
                    start = values.index(q.good)
                else:
                    start = -1
                self.set_answer(q.id, values[(start + 1) % len(values)])
            case QuestionKind.COUNT:
                top = int(q.maximum or 0)
                count = current if isinstance(current, int) else 0
                self.set_answer(q.id, min(top, count + 1))
            case _:
                pass

    def _evaluate(self) -> None:
        self.evaluation = self.checklist.evaluate(self.answers, self.photos)
        self.current = max(0, min(self.current, len(self.visible_in_step()) - 1))

    def _step_of(self, question_id: str) -> int:
        return self.steps.index(self.checklist.template.step_of(question_id))

    def _step_done(self) -> bool:
        valid = self.evaluation.answers
        return all(
            q.id in valid or not q.required or q.kind is QuestionKind.PHOTO
            for q in self.visible_in_step()
        )

    def _first_open_step(self) -> int:
        for n in range(len(self.steps)):
            self.step_index = n
            if not self._step_done() or not self._answered_all_in_step():
                return n
        return len(self.steps)

    def _answered_all_in_step(self) -> bool:
        return all(
            q.id in self.evaluation.answers
            for q in self.visible_in_step()
            if q.kind not in _NO_KEYBOARD_DEFAULT
        )

    def _advance(self) -> None:
        self.step_index = min(self.step_index + 1, len(self.steps))
        while not self.on_confirm_page and not self.visible_in_step():
            self.step_index += 1  # a step whose questions are all hidden is skipped
        self.current = 0
