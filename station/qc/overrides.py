"""Overrides that hold together: which grade, disposition and refund may go with which, and why
an inspector changed the proposal.

The verdict rules never propose a contradiction; an inspector's override is held to the same
table (:func:`problem`) before it is taken, with the reason in both languages. :func:`settle`
is what a form does when one field changes: what follows from it follows (an item sent back
is not refunded, a refused refund sends the item back), so the inspector rarely meets a
refusal; :func:`offered` says which values of a field can hold at all, so a form offers only
those. A reason code says why; words are needed only for :attr:`OverrideReason.OTHER`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from station.domain.errors import BilingualError
from station.domain.labels import OverrideReason, label
from station.domain.text import reason_text
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.qc.rules import Proposal

MAX_OVERRIDE_TEXT: Final = 400  # with the code's names, within the 500 a reason may hold

Field = Literal["grade", "disposition", "refund_kind", "refund_fen", "responsibility"]
Offered = Literal["grade", "disposition", "refund_kind", "responsibility"]  # chosen from a list
FIELDS: Final[tuple[Field, ...]] = (
    "grade",
    "disposition",
    "refund_kind",
    "refund_fen",
    "responsibility",
)

# Codes that explain an as-new item getting less than its whole refund: the item is fine but
# the return is not (tags cut off, a category with rules of its own, the customer's photos).
EXPLAINS_REDUCED_AS_NEW: Final = frozenset(
    {OverrideReason.TAGS_REMOVED, OverrideReason.WRONG_CATEGORY, OverrideReason.CUSTOMER_PHOTO}
)
_RESTOCK: Final = frozenset({Disposition.RESTOCK, Disposition.RESTOCK_OPEN_BOX})
# where an item goes when nothing else says so, by its condition
_BY_GRADE: Final = {
    Grade.A: Disposition.RESTOCK,
    Grade.B: Disposition.RESTOCK_OPEN_BOX,
    Grade.C: Disposition.LIQUIDATE,
    Grade.D: Disposition.DESTROY,
}


class OverrideError(BilingualError, ValueError):
    """An override that cannot be taken; the message says why in both languages."""


@dataclass(frozen=True, slots=True)
class Choice:
    """The five decidable fields of a verdict as a form holds them."""

    grade: Grade
    disposition: Disposition
    refund_kind: RefundKind
    refund_fen: int
    responsibility: Responsibility

    @classmethod
    def of(cls, proposal: Proposal) -> Choice:
        return cls(
            proposal.grade,
            proposal.disposition,
            proposal.refund_kind,
            proposal.refund_fen,
            proposal.responsibility,
        )


def _names(codes: frozenset[OverrideReason], language: Literal["zh_CN", "en"]) -> str:
    ordered = [c for c in OverrideReason if c in codes]
    return ("、" if language == "zh_CN" else ", ").join(label(c, language) for c in ordered)


def problem(
    choice: Choice, code: OverrideReason | None, proposal: Proposal
) -> OverrideError | None:
    """What contradicts itself in ``choice``, if anything. A combination the rules proposed
    stands on their explanation; the inspector's own needs a code that explains it."""
    grade, disposition, refund = choice.grade, choice.disposition, choice.refund_kind
    if grade is Grade.A and disposition is Disposition.RESTOCK_OPEN_BOX:
        return OverrideError(
            "An as-new item (grade A) is restocked as new, not as open box.",
            "A 级（全新）商品应按全新上架，不能作开箱品。",
        )
    if grade is Grade.D and disposition in _RESTOCK:
        return OverrideError(
            "An unsellable item (grade D) cannot be restocked.",
            "D 级（不可售）商品不能上架。",
        )
    if refund is RefundKind.NONE and not _fits_refusal(grade, disposition):
        return OverrideError(
            "A refused refund sends the item back to the customer (an unsellable one may be"
            " destroyed).",
            "拒绝退款时商品应退回买家（不可售的可销毁）。",
        )
    if disposition is Disposition.RETURN_TO_CUSTOMER and refund is not RefundKind.NONE:
        return OverrideError(
            "An item sent back to the customer is not refunded: refuse the refund.",
            "退回买家的商品不退款：请选择拒绝退款。",
        )
    proposed = (grade, refund) == (proposal.grade, proposal.refund_kind)
    if (
        grade is Grade.A
        and refund is not RefundKind.FULL
        and not proposed
        and code not in EXPLAINS_REDUCED_AS_NEW
    ):
        return OverrideError(
            "An as-new item (grade A) with a partial or no refund needs a reason that explains"
            f" it: {_names(EXPLAINS_REDUCED_AS_NEW, 'en')}.",
            "A 级（全新）商品部分退款或拒绝退款，须选择能说明的原因："
            f"{_names(EXPLAINS_REDUCED_AS_NEW, 'zh_CN')}。",
        )
    return None


def _fits_refusal(grade: Grade, disposition: Disposition) -> bool:
    return disposition is Disposition.RETURN_TO_CUSTOMER or (
        grade is Grade.D and disposition is Disposition.DESTROY
    )


def _disposition_clashes(choice: Choice) -> bool:
    grade, disposition, refund = choice.grade, choice.disposition, choice.refund_kind
    return (
        (grade is Grade.A and disposition is Disposition.RESTOCK_OPEN_BOX)
        or (grade is Grade.D and disposition in _RESTOCK)
        or (refund is RefundKind.NONE and not _fits_refusal(grade, disposition))
        or (disposition is Disposition.RETURN_TO_CUSTOMER and refund is not RefundKind.NONE)
    )


def settle(choice: Choice, changed: Field, proposal: Proposal, amount_fen: int) -> Choice:
    """``choice`` after ``changed`` was set: the amount follows the refund, the disposition
    follows the grade and the refund, the refund follows the disposition."""
    settled = choice
    if changed == "refund_kind":
        fen = {RefundKind.FULL: amount_fen, RefundKind.NONE: 0}.get(
            settled.refund_kind, settled.refund_fen
        )
        settled = replace(settled, refund_fen=fen)
    if changed in ("grade", "refund_kind") and _disposition_clashes(settled):
        fitting = replace(settled, disposition=proposal.disposition)
        if settled.refund_kind is RefundKind.NONE:
            disposition = Disposition.RETURN_TO_CUSTOMER
        elif not _disposition_clashes(fitting):
            disposition = proposal.disposition
        else:
            disposition = _BY_GRADE[settled.grade]
        settled = replace(settled, disposition=disposition)
    if changed == "disposition":
        if settled.disposition is Disposition.RETURN_TO_CUSTOMER:
            settled = replace(settled, refund_kind=RefundKind.NONE, refund_fen=0)
        elif settled.refund_kind is RefundKind.NONE and not _fits_refusal(
            settled.grade, settled.disposition
        ):
            kept = proposal.refund_kind is not RefundKind.NONE
            settled = replace(
                settled,
                refund_kind=proposal.refund_kind if kept else RefundKind.FULL,
                refund_fen=proposal.refund_fen if kept else amount_fen,
            )
    return settled


def offered(
    field: Offered,
    choice: Choice,
    code: OverrideReason | None,
    proposal: Proposal,
    amount_fen: int,
) -> frozenset[Any]:
    """The values of ``field`` that hold together with the rest of ``choice`` once what
    follows from them has followed."""
    values: tuple[Any, ...] = {
        "grade": tuple(Grade),
        "disposition": tuple(Disposition),
        "refund_kind": tuple(RefundKind),
        "responsibility": tuple(Responsibility),
    }[field]
    held = []
    for value in values:
        changes: dict[str, Any] = {field: value}
        settled = settle(replace(choice, **changes), field, proposal, amount_fen)
        if problem(settled, code, proposal) is None:
            held.append(value)
    return frozenset(held)


def override_text(code: OverrideReason, words: str) -> str:
    """The override's reason as people read it (reports, the review screen, the central
    service): the code's names in both languages, then the inspector's words; for "other",
    the words alone. Words are checked like any reason on record."""
    text = ""
    if words.strip():
        text = reason_text(
            words,
            missing=("", ""),
            refuse=OverrideError,
            limit=MAX_OVERRIDE_TEXT,
        )
    if code is OverrideReason.OTHER:
        if not text:
            raise OverrideError(
                'Say why in a few words: the reason is "other".',
                "原因为“其他”，请简要说明。",
            )
        return text
    names = f"{label(code, 'zh_CN')} / {label(code, 'en')}"
    return f"{names}: {text}" if text else names
