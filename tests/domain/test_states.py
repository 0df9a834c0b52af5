from __future__ import annotations

import itertools

import pytest

from station.protocol.enums import Actor, OrderState, RefundKind
from station.protocol.states import (
    TRANSITIONS,
    Action,
    Condition,
    IllegalTransition,
    TransitionContext,
    allowed_actions,
    next_state,
)

S, A = OrderState, Actor


def _satisfying(condition: Condition) -> TransitionContext:
    return {
        Condition.ALWAYS: TransitionContext(),
        Condition.REFUND_FULL: TransitionContext(refund=RefundKind.FULL),
        Condition.REFUND_PARTIAL: TransitionContext(refund=RefundKind.PARTIAL),
        Condition.REFUND_NONE: TransitionContext(refund=RefundKind.NONE),
        Condition.ALL_LINES_INSPECTED: TransitionContext(all_lines_inspected=True),
    }[condition]


@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: f"{t.state}-{t.actor}-{t.action}")
def test_every_legal_transition_reaches_its_next_state(t) -> None:
    assert next_state(t.state, t.actor, t.action, _satisfying(t.condition)) is t.next


LEGAL = {(t.state, t.actor, t.action) for t in TRANSITIONS}
ILLEGAL = [combo for combo in itertools.product(OrderState, Actor, Action) if combo not in LEGAL]


def test_the_table_is_the_design_of_record() -> None:
    # DESIGN §2: the station drives received → inspecting → inspected
    assert next_state(S.RECEIVED, A.STATION, Action.START_INSPECTION) is S.INSPECTING
    assert next_state(S.INSPECTING, A.STATION, Action.COMPLETE_INSPECTION) is S.INSPECTED
    # escalation is reachable from received onwards, and from nothing before it
    for state in OrderState:
        reachable = any(t.state is state and t.next is S.ESCALATED for t in TRANSITIONS)
        before_receipt = state in (S.REQUESTED, S.APPROVED, S.REJECTED, S.IN_TRANSIT, S.ESCALATED)
        assert reachable is not before_receipt, state


@pytest.mark.parametrize("state,actor,action", ILLEGAL)
def test_every_illegal_transition_is_refused_with_a_reason(state, actor, action) -> None:
    with pytest.raises(IllegalTransition) as info:
        next_state(state, actor, action, TransitionContext(refund=RefundKind.FULL))
    message = str(info.value)
    assert f"cannot {action}" in message
    assert str(state) in message
    assert message.split(": ", 1)[1]  # says why


def test_an_unmet_condition_is_refused_naming_it() -> None:
    with pytest.raises(IllegalTransition, match="refund must be full"):
        next_state(S.INSPECTED, A.FINANCE, Action.REFUND, TransitionContext(RefundKind.PARTIAL))
    with pytest.raises(IllegalTransition, match="every item"):
        next_state(
            S.INSPECTING,
            A.STATION,
            Action.COMPLETE_INSPECTION,
            TransitionContext(all_lines_inspected=False),
        )


def test_the_wrong_actor_is_told_who_may() -> None:
    with pytest.raises(IllegalTransition, match="only platform may"):
        next_state(S.REQUESTED, A.STATION, Action.APPROVE)


def test_final_states_say_so() -> None:
    with pytest.raises(IllegalTransition, match="rejected is final"):
        next_state(S.REJECTED, A.PLATFORM, Action.APPROVE)


def test_allowed_actions_lists_what_the_station_may_do() -> None:
    assert allowed_actions(S.RECEIVED, A.STATION) == [Action.START_INSPECTION]
    assert set(allowed_actions(S.INSPECTING, A.STATION)) == {
        Action.CANCEL_INSPECTION,
        Action.COMPLETE_INSPECTION,
    }
    assert allowed_actions(S.REFUNDED, A.STATION) == []
