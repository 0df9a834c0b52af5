"""A verdict's five decidable fields, wherever they are compared or shown: as the rules
proposed them, as the inspector gave them, as they stand, before and after a decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from station.domain.codes import code_or_none
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility

OUTCOME_FIELDS: Final = ("grade", "disposition", "refund_kind", "refund_fen", "responsibility")


@dataclass(frozen=True, slots=True)
class Outcome:
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    responsibility: Responsibility | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> Outcome | None:
        """The fields as a verdict's JSON holds them (None for none at all)."""
        if not data:
            return None
        fen = data.get("refund_fen")
        return cls(
            grade=code_or_none(Grade, data.get("grade")),
            disposition=code_or_none(Disposition, data.get("disposition")),
            refund_kind=code_or_none(RefundKind, data.get("refund_kind")),
            refund_fen=fen if isinstance(fen, int) and not isinstance(fen, bool) else None,
            responsibility=code_or_none(Responsibility, data.get("responsibility")),
        )

    @classmethod
    def of(cls, holder: object) -> Outcome:
        """The fields as an object with attributes of the same names holds them (an
        inspection's row)."""
        return cls.from_mapping({f: getattr(holder, f) for f in OUTCOME_FIELDS}) or cls()
