"""An inspection's checklist answers and fired rules as lines people read, in both languages:
the evidence pack prints them and the supervisor's review shows them, so both build them here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    def of(
        cls, question_id: str, question: Question, shown: Bilingual, found: Iterable[str]
    ) -> AnswerLine:
        """An answer to a question of the template, its findings described in both languages."""
        return cls(
            question_id,
            (question.text.zh_CN, question.text.en),
            shown,
            tuple((describe(f, "zh_CN"), describe(f, "en")) for f in found),
        )

    @classmethod
    def unexplained(cls, question_id: str, value: object) -> AnswerLine:
        """An answer to a question the template at hand does not have: its id and raw value."""
        return cls(question_id, (question_id, question_id), plain_text(value), ())


def in_question_order(answers: Mapping[str, object], template: Template | None) -> list[str]:
    """The answered question ids in the template's order; any it does not ask last, by id."""
    order = {q.id: n for n, q in enumerate(template.questions)} if template else {}
    return sorted(answers, key=lambda q: (order.get(q, len(order)), q))


@dataclass(frozen=True, slots=True)
class RuleLine:
    id: str
    zh_CN: str
    en: str


def rule_lines(fired: Iterable[object]) -> tuple[RuleLine, ...]:
    """The rules that fired, as stored with an inspection (here or centrally)."""
    return tuple(
        RuleLine(str(r.get("id", "")), str(r.get("zh_CN", "")), str(r.get("en", "")))
        for r in fired
        if isinstance(r, dict)
    )
