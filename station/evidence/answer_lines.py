"""An inspection's checklist answers as lines people read, in both languages: the evidence
pack prints them and the supervisor's review shows them, so both build them here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from station.protocol.findings import describe
from station.protocol.template import Question, Template

Bilingual = tuple[str, str]  # (zh_CN, en)


def plain_text(value: object) -> Bilingual:
    """An answer shown as it was stored (clipped), the same in both languages."""
    text = str(value)[:120]
    return text, text


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question_id: str
    question: Bilingual
    answer: Bilingual
    findings: tuple[Bilingual, ...]  # what the answer means; empty: nothing wrong

    @property
    def problem(self) -> bool:
        return bool(self.findings)

    @classmethod
    def of(cls, question: Question, shown: Bilingual, found: Iterable[str]) -> AnswerLine:
        """An answer to a question of the template, its findings described in both languages."""
        return cls(
            question.id,
            (question.text.zh_CN, question.text.en),
            shown,
            tuple((describe(f, "zh_CN"), describe(f, "en")) for f in found),
        )

    @classmethod
    def unexplained(cls, question_id: str, value: object) -> AnswerLine:
        """An answer to a question the template at hand does not have: its id and raw value."""
        return cls(question_id, (question_id, question_id), plain_text(value), ())


def answer_lines(
    answers: Mapping[str, object],
    template: Template | None,
    read: Callable[[Question, object], AnswerLine],
) -> tuple[AnswerLine, ...]:
    """Every answer as a line, in the order the template asks its questions (answers to any
    it does not ask last, by id); ``read`` makes the line of an answer to one it asks."""
    questions = {q.id: q for q in template.questions} if template else {}
    order = {qid: n for n, qid in enumerate(questions)}
    return tuple(
        read(questions[qid], answers[qid])
        if qid in questions
        else AnswerLine.unexplained(qid, answers[qid])
        for qid in sorted(answers, key=lambda q: (order.get(q, len(order)), q))
    )
