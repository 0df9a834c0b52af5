"""Checklist templates: what to ask about an item of a category, and what the answers mean.

A template is a list of steps (one compact screen each) holding questions. Answers turn into
findings (see :mod:`station.protocol.findings`), which the verdict rules read. Templates are data
(``resources/checklists/*.toml``) parsed and validated by :mod:`station.protocol.template_parse`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from station.protocol.enums import Category, PhotoKind


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "single_choice"
    COUNT = "count"
    NUMERIC = "numeric"
    SCAN_MATCH = "scan_match"  # scan the item's EAN/SKU or serial and compare with the order
    PHOTO = "photo"  # satisfied by a photo of the given kind


class MatchField(StrEnum):
    EAN = "ean"
    SKU = "sku"
    EAN_OR_SKU = "ean_or_sku"
    SERIAL = "serial"


class OrderDetail(StrEnum):
    ACCESSORIES = "accessories"
    SERIAL = "serial"
    EAN = "ean"
    SKU = "sku"


class PhotoWhen(StrEnum):
    ALWAYS = "always"
    REFUND_NOT_FULL = "refund_not_full"
    CARRIER_CLAIM = "carrier_claim"
    MISMATCH = "mismatch"
    FINDING = "finding"  # when any of ``findings`` was found


@dataclass(frozen=True, slots=True)
class Text:
    zh_CN: str
    en: str

    def get(self, language: str) -> str:
        return self.zh_CN if language == "zh_CN" else self.en


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    text: Text
    findings: tuple[str, ...] = ()
    good: bool = False


@dataclass(frozen=True, slots=True)
class ShowIf:
    """A question is shown only when an earlier answer or finding calls for it."""

    question: str | None = None
    equals: object = None
    finding_any: tuple[str, ...] = ()
    reason_any: tuple[str, ...] = ()  # the customer's claimed reasons (ReturnReason values)


@dataclass(frozen=True, slots=True)
class Threshold:
    value: float
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: QuestionKind
    text: Text
    required: bool = True
    # yes_no: what each answer means, and which answer means "nothing wrong"
    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    good: object = None
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    at_least: tuple[Threshold, ...] = ()  # count: findings from a count upwards
    below: tuple[Threshold, ...] = ()  # numeric: findings under a value
    match: MatchField | None = None
    on_mismatch: tuple[str, ...] = ()
    photo_kind: PhotoKind | None = None
    show_if: ShowIf | None = None
    shows: OrderDetail | None = None  # order data shown with the question, e.g. accessories

    @property
    def has_good_answer(self) -> bool:
        return self.good is not None

    def produces(self) -> frozenset[str]:
        """Every finding some answer to this question can lead to."""
        out = {*self.yes, *self.no, *self.on_mismatch}
        out.update(f for o in self.options for f in o.findings)
        out.update(f for t in (*self.at_least, *self.below) for f in t.findings)
        return frozenset(out)


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class PhotoRule:
    kind: PhotoKind
    when: PhotoWhen = PhotoWhen.ALWAYS
    findings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    version: int
    categories: frozenset[Category]
    title: Text
    steps: tuple[Step, ...]
    photos: tuple[PhotoRule, ...] = ()
    source: str = ""
    body: str = field(default="", repr=False, compare=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for step in self.steps for q in step.questions)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def step_of(self, question_id: str) -> Step:
        for step in self.steps:
            if any(q.id == question_id for q in step.questions):
                return step
        raise KeyError(question_id)
