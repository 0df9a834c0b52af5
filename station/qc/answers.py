"""Answers: checking that an answer fits its question, and what it means (its findings)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from station.protocol.template import MatchField, Question, QuestionKind

MAX_SCANNED = 120


class BadAnswer(ValueError):
    """An answer that does not fit its question."""


@dataclass(frozen=True, slots=True)
class Expected:
    """What the order says the item is, for scan-match questions."""

    ean: str | None = None
    sku: str | None = None
    serial: str | None = None

    def for_field(self, field: MatchField) -> tuple[str, ...]:
        values = {
            MatchField.EAN: (self.ean,),
            MatchField.SKU: (self.sku,),
            MatchField.EAN_OR_SKU: (self.ean, self.sku),
            MatchField.SERIAL: (self.serial,),
        }[field]
        return tuple(_norm(v) for v in values if v)


def _norm(code: str) -> str:
    return code.strip().upper()


def applicable(question: Question, expected: Expected) -> bool:
    """A scan-match question needs something to compare with; others always apply."""
    if question.kind is QuestionKind.SCAN_MATCH:
        assert question.match is not None
        return bool(expected.for_field(question.match))
    return True


def check(question: Question, value: object) -> object:
    """The answer in canonical form, or :class:`BadAnswer` saying why it does not fit."""
    match question.kind:
        case QuestionKind.YES_NO:
            if not isinstance(value, bool):
                raise BadAnswer("answer yes or no")
            return value
        case QuestionKind.CHOICE:
            if not isinstance(value, str) or value not in {o.value for o in question.options}:
                raise BadAnswer(f"not one of the options: {value!r:.40}")
            return value
        case QuestionKind.COUNT | QuestionKind.NUMERIC:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadAnswer("a number is needed")
            if not math.isfinite(value):  # NaN compares false with every bound
                raise BadAnswer("a number is needed")
            if question.kind is QuestionKind.COUNT and value != int(value):
                raise BadAnswer("a whole number is needed")
            low = question.minimum if question.minimum is not None else float("-inf")
            high = question.maximum if question.maximum is not None else float("inf")
            if not low <= value <= high:
                raise BadAnswer(f"between {low:g} and {high:g}")
            return int(value) if question.kind is QuestionKind.COUNT else float(value)
        case QuestionKind.SCAN_MATCH:
            if not isinstance(value, str) or not value.strip():
                raise BadAnswer("scan the item's code")
            if len(value) > MAX_SCANNED or not value.isprintable():
                raise BadAnswer("not a code")
            return _norm(value)
        case QuestionKind.PHOTO:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise BadAnswer("a photo count is needed")
            return value
    raise AssertionError(question.kind)


def matches(question: Question, scanned: str, expected: Expected) -> bool:
    assert question.match is not None
    return _norm(scanned) in expected.for_field(question.match)


def findings_of(question: Question, value: object, expected: Expected) -> tuple[str, ...]:
    """The findings a (checked) answer leads to."""
    match question.kind:
        case QuestionKind.YES_NO:
            return question.yes if value else question.no
        case QuestionKind.CHOICE:
            return next(o.findings for o in question.options if o.value == value)
        case QuestionKind.COUNT:
            assert isinstance(value, int)
            return tuple(f for t in question.at_least if value >= t.value for f in t.findings)
        case QuestionKind.NUMERIC:
            assert isinstance(value, float)
            return tuple(f for t in question.below if value < t.value for f in t.findings)
        case QuestionKind.SCAN_MATCH:
            assert isinstance(value, str)
            return () if matches(question, value, expected) else question.on_mismatch
        case QuestionKind.PHOTO:
            return ()
    raise AssertionError(question.kind)


def good_answer(question: Question) -> object | None:
    """The answer that means "nothing wrong", if the question has one (PASS fills it in)."""
    if question.kind in (QuestionKind.SCAN_MATCH, QuestionKind.PHOTO):
        return None
    return question.good
