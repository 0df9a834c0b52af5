"""A verdict's five decidable fields, wherever they are compared or shown: as the rules
proposed them, as the inspector gave them, as they stand, before and after a decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, TypeVar

from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility

OUTCOME_FIELDS: Final = ("grade", "disposition", "refund_kind", "refund_fen", "responsibility")

Code = TypeVar("Code", bound=StrEnum)


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
            grade=_code(Grade, data.get("grade")),
            disposition=_code(Disposition, data.get("disposition")),
            refund_kind=_code(RefundKind, data.get("refund_kind")),
            refund_fen=fen if isinstance(fen, int) and not isinstance(fen, bool) else None,
            responsibility=_code(Responsibility, data.get("responsibility")),
        )

    @classmethod
    def of(cls, holder: object) -> Outcome:
        """The fields as an object with attributes of the same names holds them (an
        inspection's row)."""
        return cls.from_mapping({f: getattr(holder, f) for f in OUTCOME_FIELDS}) or cls()


def _code(kind: type[Code], value: object) -> Code | None:
    return kind(value) if isinstance(value, str) and value else None
