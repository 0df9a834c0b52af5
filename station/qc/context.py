"""What the rules know about an order line, built from the order's records."""

from __future__ import annotations

from datetime import date

from station.domain.records import LineView, OrderView
from station.qc.answers import Expected
from station.qc.policy import QcPolicy
from station.qc.rules import OrderFacts


def facts_for(order: OrderView, line: LineView, today: date, policy: QcPolicy) -> OrderFacts:
    """The line's own category governs its window: a customised mug in an order of T-shirts
    is still not returnable without reason."""
    window = order.line_window(line, today, policy.windows)
    return OrderFacts(
        order.reason, line.category, window, line.amount_fen, line.high_value(policy.windows)
    )


def expected_for(line: LineView) -> Expected:
    return Expected(ean=line.ean, sku=line.sku, serial=line.expected_serial)
