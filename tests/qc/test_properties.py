"""Whatever the answers, the engine gives exactly one well-formed verdict."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station.domain.policy import window_for
from station.protocol.enums import Category, PhotoKind, RefundKind, ReturnReason
from station.protocol.template import Question, QuestionKind, Template
from station.qc.answers import Expected
from station.qc.engine import decide, evaluate
from station.qc.overrides import Choice, offered, problem
from station.qc.rules import OrderFacts
from tests.qc.test_rules import POLICY
from tests.qc.test_template_parse import shipped

TEMPLATES = list(shipped().values())
EXPECTED = Expected(ean="6901234567892", sku="SKU-1", serial="SN1")


def answer_for(question: Question) -> st.SearchStrategy[object]:
    match question.kind:
        case QuestionKind.YES_NO:
            return st.booleans()
        case QuestionKind.CHOICE:
            return st.sampled_from([o.value for o in question.options])
        case QuestionKind.COUNT:
            return st.integers(int(question.minimum or 0), int(question.maximum or 0))
        case QuestionKind.NUMERIC:
            return st.floats(question.minimum or 0, question.maximum or 0, allow_nan=False)
        case QuestionKind.SCAN_MATCH:
            return st.sampled_from(["6901234567892", "SKU-1", "SN1", "6909999999999", "X"])
        case QuestionKind.PHOTO:
            return st.integers(0, 3)
    raise AssertionError(question.kind)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Template, dict[str, object], OrderFacts, dict]:
    template = draw(st.sampled_from(TEMPLATES))
    answers = {q.id: draw(answer_for(q)) for q in template.questions if draw(st.booleans())}
    reason = draw(st.sampled_from(list(ReturnReason)))
    category = draw(st.sampled_from(sorted(template.categories)))
    received = date(2026, 11, 1)
    asked = received + timedelta(days=draw(st.integers(0, 45)))
    window = window_for(
        reason=reason,
        category=category,
        customer_received_on=received,
        requested_on=asked,
        today=asked,
        policy=POLICY.windows,
    )
    amount = draw(st.integers(1, 2_000_000))
    photos = {k: draw(st.integers(0, 2)) for k in PhotoKind}
    return template, answers, OrderFacts(reason, category, window, amount), photos


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(cases())
def test_any_answers_give_one_well_formed_verdict(case) -> None:
    template, answers, facts, photos = case
    evaluation = evaluate(template, answers, facts, EXPECTED, POLICY, photos)
    p = evaluation.proposal
    assert p.refund_kind in RefundKind
    assert 0 <= p.refund_fen <= facts.amount_fen
    if p.refund_kind is RefundKind.FULL:
        assert p.refund_fen == facts.amount_fen
    else:
        assert p.refund_reason is not None
        assert p.refund_reason.zh_CN.strip() and p.refund_reason.en.strip()
        assert p.required_photos, "a refusal or partial refund needs photo evidence"
        if p.refund_kind is RefundKind.PARTIAL:
            assert 0 < p.refund_fen < facts.amount_fen
    assert p.rules, "every verdict says why"
    assert all(rule.zh_CN and rule.en for rule in p.rules)
    assert not (set(evaluation.missing_photos) - set(p.required_photos))
    verdict = decide(evaluation, template, facts.amount_fen)
    assert (verdict.grade, verdict.refund_kind, verdict.refund_fen) == (
        p.grade,
        p.refund_kind,
        p.refund_fen,
    )
    # the rules never contradict the override table, so the override form opens on a verdict
    # it accepts, with every proposed value on offer
    proposed = Choice.of(p)
    assert problem(proposed, None, p) is None
    for field in ("grade", "disposition", "refund_kind", "responsibility"):
        assert getattr(proposed, field) in offered(field, proposed, None, p, facts.amount_fen)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(TEMPLATES),
    st.dictionaries(
        st.text(max_size=12),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(),
            st.text(max_size=300),
            st.lists(st.integers(), max_size=3),
        ),
        max_size=12,
    ),
)
def test_junk_answers_never_make_the_engine_raise(template: Template, answers: dict) -> None:
    category = sorted(template.categories)[0]
    window = window_for(
        reason=ReturnReason.NO_REASON_7D,
        category=category,
        customer_received_on=date(2026, 11, 1),
        requested_on=date(2026, 11, 2),
        today=date(2026, 11, 3),
        policy=POLICY.windows,
    )
    facts = OrderFacts(ReturnReason.NO_REASON_7D, category, window, 10_000)
    junk = answers | {q.id: v for q, v in zip(template.questions, answers.values(), strict=False)}
    evaluation = evaluate(template, junk, facts, EXPECTED, POLICY, {})
    assert isinstance(evaluation.complete, bool)
    assert evaluation.proposal.refund_kind in RefundKind
    assert Category(category)
