"""Evaluating a checklist: answers + order + policy in, the proposed verdict and what is still
missing out. Pure and fast enough to run on every key press."""

from __future__ import annotations

import graphlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from station.domain.labels import OverrideReason
from station.domain.records import Verdict
from station.protocol.enums import (
    Disposition,
    Grade,
    PhotoKind,
    RefundKind,
    Responsibility,
)
from station.protocol.template import PhotoWhen, Question, QuestionKind, Template
from station.qc.answers import BadAnswer, Expected, applicable, check, findings_of
from station.qc.overrides import FIELDS, Choice, OverrideError, override_text, problem
from station.qc.policy import QcPolicy
from station.qc.rules import OrderFacts, Proposal, propose

__all__ = ["Evaluation", "Override", "OverrideError", "check_override", "decide", "evaluate"]

Answers = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Evaluation:
    proposal: Proposal
    findings: frozenset[str]
    visible: tuple[Question, ...]
    answers: dict[str, object]  # the valid answers to visible questions, canonical
    unanswered: tuple[Question, ...]  # required, visible, no valid answer yet
    invalid: tuple[tuple[str, str], ...]  # (question id, why) for answers that do not fit
    missing_photos: tuple[PhotoKind, ...]

    @property
    def complete(self) -> bool:
        return not self.unanswered and not self.missing_photos and not self.invalid


def _order(template: Template) -> list[Question]:
    """Questions in an order where every show_if comes after what it depends on."""
    position = {q.id: n for n, q in enumerate(template.questions)}
    graph: dict[str, set[str]] = {}
    for q in template.questions:
        deps: set[str] = set()
        if q.show_if is not None:
            if q.show_if.question:
                deps.add(q.show_if.question)
            wanted = set(q.show_if.finding_any)
            deps.update(o.id for o in template.questions if o.produces() & wanted)
        graph[q.id] = deps
    sorter = graphlib.TopologicalSorter(graph)
    ordered = sorted(sorter.static_order(), key=lambda qid: position[qid])
    # static_order is a valid order; a stable one keeps the template's order where possible
    done: list[str] = []
    pending = list(ordered)
    while pending:
        for qid in pending:
            if graph[qid] <= set(done):
                done.append(qid)
                pending.remove(qid)
                break
    return [template.question(qid) for qid in done]


def evaluate(
    template: Template,
    answers: Answers,
    facts: OrderFacts,
    expected: Expected,
    policy: QcPolicy,
    photos: Mapping[PhotoKind, int] | None = None,
) -> Evaluation:
    taken = photos or {}
    findings: set[str] = set()
    valid: dict[str, object] = {}
    invalid: list[tuple[str, str]] = []
    visible: list[Question] = []
    known = {q.id for q in template.questions}
    invalid.extend((qid, "no such question") for qid in answers if qid not in known)
    for q in _order(template):
        if not applicable(q, expected) or not _shown(q, valid, findings, facts):
            continue
        visible.append(q)
        if q.kind is QuestionKind.PHOTO:
            assert q.photo_kind is not None
            if taken.get(q.photo_kind, 0) > 0:
                valid[q.id] = taken[q.photo_kind]
            continue
        if q.id not in answers:
            continue
        try:
            value = check(q, answers[q.id])
        except BadAnswer as exc:
            invalid.append((q.id, str(exc)))
            continue
        valid[q.id] = value
        findings.update(findings_of(q, value, expected))
    frozen = frozenset(findings)
    draft = propose(frozen, facts, policy)
    required = set(draft.required_photos) | _template_photos(template, frozen, draft)
    required.update(
        q.photo_kind
        for q in visible
        if q.kind is QuestionKind.PHOTO and q.required and q.photo_kind
    )
    proposal = propose(frozen, facts, policy, frozenset(required))
    order = list(PhotoKind)
    missing = tuple(sorted((k for k in required if taken.get(k, 0) < 1), key=order.index))
    unanswered = tuple(
        q for q in visible if q.required and q.id not in valid and q.kind is not QuestionKind.PHOTO
    )
    return Evaluation(proposal, frozen, tuple(visible), valid, unanswered, tuple(invalid), missing)


def _shown(q: Question, answers: dict[str, object], findings: set[str], facts: OrderFacts) -> bool:
    cond = q.show_if
    if cond is None:
        return True
    if cond.reason_any and facts.reason.value not in cond.reason_any:
        return False
    if cond.question is not None and answers.get(cond.question) != cond.equals:
        return False
    return not cond.finding_any or bool(findings & set(cond.finding_any))


def _template_photos(
    template: Template, findings: frozenset[str], draft: Proposal
) -> set[PhotoKind]:
    wanted: set[PhotoKind] = set()
    for rule in template.photos:
        needed = {
            PhotoWhen.ALWAYS: True,
            PhotoWhen.REFUND_NOT_FULL: draft.refund_kind is not RefundKind.FULL,
            PhotoWhen.CARRIER_CLAIM: draft.carrier_claim,
            PhotoWhen.MISMATCH: "item_mismatch" in findings or "serial_mismatch" in findings,
            PhotoWhen.FINDING: bool(findings & set(rule.findings)),
        }[rule.when]
        if needed:
            wanted.add(rule.kind)
    return wanted


@dataclass(frozen=True, slots=True)
class Override:
    """The inspector's corrections to a proposal and why: a reason code, with words (needed
    only for "other")."""

    reason: str  # the inspector's words
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    responsibility: Responsibility | None = None
    code: OverrideReason = OverrideReason.OTHER
    fields: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        changed = tuple(name for name in FIELDS if getattr(self, name) is not None)
        object.__setattr__(self, "fields", changed)


def check_override(proposal: Proposal, amount_fen: int, override: Override) -> Choice:
    """The verdict's fields once ``override`` is applied to ``proposal``; raises
    :class:`OverrideError` (both languages) when they do not hold together."""
    refund_kind = override.refund_kind or proposal.refund_kind
    if override.refund_fen is not None:
        refund_fen = override.refund_fen
    elif override.refund_kind is not None:
        refund_fen = {RefundKind.FULL: amount_fen, RefundKind.NONE: 0}.get(
            refund_kind, proposal.refund_fen
        )
    else:
        refund_fen = proposal.refund_fen
    _check_refund(refund_kind, refund_fen, amount_fen)
    choice = Choice(
        grade=override.grade or proposal.grade,
        disposition=override.disposition or proposal.disposition,
        refund_kind=refund_kind,
        refund_fen=refund_fen,
        responsibility=override.responsibility or proposal.responsibility,
    )
    refused = problem(choice, override.code, proposal)
    if refused is not None:
        raise refused
    override_text(override.code, override.reason)  # refuses missing or unusable words
    return choice


def decide(
    evaluation: Evaluation,
    template: Template,
    amount_fen: int,
    override: Override | None = None,
) -> Verdict:
    """The verdict: the proposal as accepted, or as the inspector corrected it. An override
    that changes the refund explains it with the override's reason; otherwise the rule that
    decided the refund still does."""
    p = evaluation.proposal
    reason = p.refund_reason.zh_CN if p.refund_reason else ""
    final, code, text = Choice.of(p), None, ""
    if override is not None and override.fields:
        final, code = check_override(p, amount_fen, override), override.code
        text = override_text(override.code, override.reason)
        if (final.refund_kind, final.refund_fen) != (p.refund_kind, p.refund_fen):
            reason = "" if final.refund_kind is RefundKind.FULL else text
    return Verdict(
        grade=final.grade,
        disposition=final.disposition,
        refund_kind=final.refund_kind,
        refund_fen=final.refund_fen,
        responsibility=final.responsibility,
        refund_reason=reason,
        carrier_claim=p.carrier_claim,
        answers=dict(evaluation.answers),
        rules_fired=tuple(rule.id for rule in p.rules),
        proposal=p.as_dict(),
        overridden=code is not None,
        override_reason=text,
        override_code=code,
        needs_review=p.needs_review or code is not None,
        template_id=template.id,
        template_version=template.version,
    )


def _check_refund(kind: RefundKind, fen: int, amount_fen: int) -> None:
    if kind is RefundKind.FULL and fen != amount_fen:
        raise OverrideError(
            "A full refund is the item's whole amount.", "全额退款应为商品的全部金额。"
        )
    if kind is RefundKind.NONE and fen != 0:
        raise OverrideError("A refused refund is 0.", "拒绝退款时金额应为 0。")
    if kind is RefundKind.PARTIAL and not 0 < fen < amount_fen:
        raise OverrideError(
            "A partial refund is more than 0 and less than the item's amount.",
            "部分退款金额应大于 0 且小于商品金额。",
        )
