"""The after-sales order's life cycle as a table: state × actor × condition → action → next state.

Every state change in the station goes through :func:`next_state`, so a transition that is not
in :data:`TRANSITIONS` cannot happen anywhere, and the table can be read (and tested) whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from station.protocol.enums import Actor, OrderState, RefundKind


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SHIP = "ship"
    RECEIVE = "receive"
    START_INSPECTION = "start_inspection"
    CANCEL_INSPECTION = "cancel_inspection"
    COMPLETE_INSPECTION = "complete_inspection"
    REFUND = "refund"
    REFUND_PARTIALLY = "refund_partially"
    RETURN_TO_CUSTOMER = "return_to_customer"
    ESCALATE = "escalate"
    RESOLVE_REFUND = "resolve_refund"
    RESOLVE_PARTIAL = "resolve_partial"
    RESOLVE_RETURN = "resolve_return"
    REINSPECT = "reinspect"


@dataclass(frozen=True, slots=True)
class TransitionContext:
    """Facts a condition may look at. Defaults describe the common case."""

    refund: RefundKind | None = None
    all_lines_inspected: bool = True


class Condition(StrEnum):
    ALWAYS = "always"
    REFUND_FULL = "refund_full"
    REFUND_PARTIAL = "refund_partial"
    REFUND_NONE = "refund_none"
    ALL_LINES_INSPECTED = "all_lines_inspected"


_CONDITIONS: dict[Condition, tuple[Callable[[TransitionContext], bool], str]] = {
    Condition.ALWAYS: (lambda _ctx: True, "always"),
    Condition.REFUND_FULL: (lambda c: c.refund is RefundKind.FULL, "the refund must be full"),
    Condition.REFUND_PARTIAL: (
        lambda c: c.refund is RefundKind.PARTIAL,
        "the refund must be partial",
    ),
    Condition.REFUND_NONE: (lambda c: c.refund is RefundKind.NONE, "the refund must be refused"),
    Condition.ALL_LINES_INSPECTED: (
        lambda c: c.all_lines_inspected,
        "every item of the order must be inspected",
    ),
}


@dataclass(frozen=True, slots=True)
class Transition:
    state: OrderState
    actor: Actor
    action: Action
    condition: Condition
    next: OrderState


S = OrderState
A = Actor

_ESCALATABLE = (
    S.RECEIVED,
    S.INSPECTING,
    S.INSPECTED,
    S.REFUNDED,
    S.PARTIALLY_REFUNDED,
    S.RETURNED_TO_CUSTOMER,
)
_DECIDERS = (A.SUPERVISOR, A.PLATFORM)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.REQUESTED, A.PLATFORM, Action.APPROVE, Condition.ALWAYS, S.APPROVED),
    Transition(S.REQUESTED, A.PLATFORM, Action.REJECT, Condition.ALWAYS, S.REJECTED),
    Transition(S.APPROVED, A.CUSTOMER, Action.SHIP, Condition.ALWAYS, S.IN_TRANSIT),
    Transition(S.APPROVED, A.CARRIER, Action.SHIP, Condition.ALWAYS, S.IN_TRANSIT),
    Transition(S.IN_TRANSIT, A.PLATFORM, Action.RECEIVE, Condition.ALWAYS, S.RECEIVED),
    Transition(S.IN_TRANSIT, A.STATION, Action.RECEIVE, Condition.ALWAYS, S.RECEIVED),
    Transition(S.RECEIVED, A.STATION, Action.START_INSPECTION, Condition.ALWAYS, S.INSPECTING),
    Transition(S.INSPECTING, A.STATION, Action.CANCEL_INSPECTION, Condition.ALWAYS, S.RECEIVED),
    Transition(
        S.INSPECTING,
        A.STATION,
        Action.COMPLETE_INSPECTION,
        Condition.ALL_LINES_INSPECTED,
        S.INSPECTED,
    ),
    Transition(S.INSPECTED, A.FINANCE, Action.REFUND, Condition.REFUND_FULL, S.REFUNDED),
    Transition(
        S.INSPECTED,
        A.FINANCE,
        Action.REFUND_PARTIALLY,
        Condition.REFUND_PARTIAL,
        S.PARTIALLY_REFUNDED,
    ),
    Transition(
        S.INSPECTED,
        A.PLATFORM,
        Action.RETURN_TO_CUSTOMER,
        Condition.REFUND_NONE,
        S.RETURNED_TO_CUSTOMER,
    ),
    *(
        Transition(state, actor, Action.ESCALATE, Condition.ALWAYS, S.ESCALATED)
        for state in _ESCALATABLE
        for actor in _DECIDERS
    ),
    *(
        Transition(S.ESCALATED, actor, action, condition, target)
        for actor in _DECIDERS
        for action, condition, target in (
            (Action.RESOLVE_REFUND, Condition.REFUND_FULL, S.REFUNDED),
            (Action.RESOLVE_PARTIAL, Condition.REFUND_PARTIAL, S.PARTIALLY_REFUNDED),
            (Action.RESOLVE_RETURN, Condition.REFUND_NONE, S.RETURNED_TO_CUSTOMER),
            (Action.REINSPECT, Condition.ALWAYS, S.RECEIVED),
        )
    ),
)

_BY_KEY: dict[tuple[OrderState, Actor, Action], Transition] = {
    (t.state, t.actor, t.action): t for t in TRANSITIONS
}


class IllegalTransition(ValueError):
    """A state change the table does not allow; the message says why."""

    def __init__(self, state: OrderState, actor: Actor, action: Action, reason: str) -> None:
        self.state, self.actor, self.action = state, actor, action
        super().__init__(
            f"cannot {action} an after-sales order that is {state} as {actor}: {reason}"
        )


def next_state(
    state: OrderState,
    actor: Actor,
    action: Action,
    context: TransitionContext | None = None,
) -> OrderState:
    """The state after ``actor`` performs ``action``; raises :class:`IllegalTransition`."""
    ctx = context or TransitionContext()
    transition = _BY_KEY.get((state, actor, action))
    if transition is None:
        others = sorted({t.actor for t in TRANSITIONS if t.state is state and t.action is action})
        if others:
            reason = f"only {', '.join(others)} may do that"
        elif state in _TERMINAL:
            reason = f"{state} is final"
        else:
            allowed = sorted({t.action for t in TRANSITIONS if t.state is state})
            reason = f"allowed from {state}: {', '.join(allowed) or 'nothing'}"
        raise IllegalTransition(state, actor, action, reason)
    check, requirement = _CONDITIONS[transition.condition]
    if not check(ctx):
        raise IllegalTransition(state, actor, action, requirement)
    return transition.next


def allowed_actions(state: OrderState, actor: Actor) -> list[Action]:
    return [t.action for t in TRANSITIONS if t.state is state and t.actor is actor]


_TERMINAL = frozenset(OrderState) - {t.state for t in TRANSITIONS}
