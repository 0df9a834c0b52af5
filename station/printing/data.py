"""What goes on a label: a plain, validated value the workflow fills and the renderers read.

:class:`LabelData` refuses anything a printer should never see (control characters, bidi
overrides, oversized fields) with the field's name, so a bad value fails where it was made and
never half-way through a print. :func:`label_fields` turns it into the strings layouts refer
to by name, in the label's language.
"""

from __future__ import annotations

import secrets
import time
import unicodedata
from dataclasses import asdict, dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any

from station.domain.codes import MAX_CODE_CHARS
from station.domain.labels import LANGUAGES, Language, label
from station.protocol.enums import Disposition, Grade, RefundKind


class LabelKind(StrEnum):
    DISPOSITION = "disposition"  # where an inspected item goes (bin / disposition label)
    HOLDING = "holding"  # a parcel that matched no order (无头件)
    RETURN_TO_CUSTOMER = "return_to_customer"  # a refused return going back to the buyer


class LabelFlag(StrEnum):
    """What a label must say about its inspection beyond the verdict; layouts show elements
    only when (or unless) a flag is set."""

    PENDING_REVIEW = "pending_review"  # a supervisor has yet to look: the verdict may change
    CORRECTED = "corrected"  # a supervisor's decision replaced the verdict first printed


class LabelDataError(ValueError):
    """A label cannot be made from these values; the message names the field and reason."""


# Longest value each text field may hold; a label has no room for more, and the bounds keep
# barcodes and printer commands small whatever arrives.
MAX_CHARS: dict[str, int] = {
    "label_id": 36,
    "inspection_id": 36,
    "unmatched_id": 36,
    "rma_no": 40,
    "sku": 60,
    "title": 200,
    "refusal_reason": 200,
    "scanned_code": MAX_CODE_CHARS,  # any code a scan may be
    "station_id": 20,
    "inspector_initials": 8,
    "decision_id": 36,
    "decided_by": 40,
}

# The ids end up in Code128 and QR symbols and in file names: keep them to a safe alphabet.
_ID_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
LABEL_ID_DIGITS = 26


def new_label_id() -> str:
    """A new label id: 26 digits, the creation time in milliseconds then 11 random digits.

    Digits because Code128 packs two per symbol: the id fits a 60 mm label with 2-dot modules
    at 203 dpi, which a 36-character UUID cannot (it needs 1-dot modules there, too thin for
    a thermal head and many scanners). Time first keeps ids in creation order; 10^11 random
    values per millisecond keep stations from colliding.
    """
    return f"{time.time_ns() // 1_000_000:015d}{secrets.randbelow(10**11):011d}"


_ID_FIELDS = ("label_id", "inspection_id", "unmatched_id", "decision_id")

_REQUIRED: dict[LabelKind, tuple[str, ...]] = {
    LabelKind.DISPOSITION: ("inspection_id", "rma_no", "sku", "grade", "disposition"),
    LabelKind.HOLDING: ("scanned_code",),
    LabelKind.RETURN_TO_CUSTOMER: ("inspection_id", "rma_no", "refusal_reason"),
}

# Characters that print nothing or reorder what is around them; GS is the one control a
# scanned GS1 code legitimately carries.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
_GS = "\x1d"


def unprintable(text: str, *, allow_gs: bool = False) -> str | None:
    """The first character of ``text`` a label must not carry, if any."""
    for ch in text:
        if allow_gs and ch == _GS:
            continue
        if unicodedata.category(ch) in _REFUSED_CATEGORIES:
            return ch
    return None


@dataclass(frozen=True, slots=True)
class LabelData:
    """Everything one label shows. Empty strings mean "not on this label"."""

    kind: LabelKind
    label_id: str
    station_id: str
    inspector_initials: str
    date: date
    language: Language = "zh_CN"
    inspection_id: str = ""
    unmatched_id: str = ""
    rma_no: str = ""
    sku: str = ""
    title: str = ""
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: int | None = None
    refusal_reason: str = ""
    scanned_code: str = ""
    pending_review: bool = False
    decision_id: str = ""  # set on a corrected label: the decision it carries out
    decided_by: str = ""  # that decision's supervisor (badge)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, LabelKind):
            raise LabelDataError(f"kind: {self.kind!r} is not a label kind")
        if self.language not in LANGUAGES:
            raise LabelDataError(f"language: {self.language!r} is not one of {LANGUAGES}")
        for name, limit in MAX_CHARS.items():
            value = getattr(self, name)
            if not isinstance(value, str):
                raise LabelDataError(f"{name}: expected text, got {type(value).__name__}")
            if len(value) > limit:
                raise LabelDataError(f"{name}: {len(value)} characters, at most {limit}")
            bad = unprintable(value, allow_gs=name == "scanned_code")
            if bad is not None:
                raise LabelDataError(
                    f"{name}: contains an unprintable character (U+{ord(bad):04X})"
                )
        for name in _ID_FIELDS:
            value = getattr(self, name)
            if value and not set(value) <= _ID_CHARS:
                raise LabelDataError(f"{name}: {value!r} is not an id (letters, digits, '-')")
        if not self.label_id:
            raise LabelDataError("label_id: missing")
        if not self.station_id.strip():
            raise LabelDataError("station_id: missing")
        if not self.inspector_initials.strip():
            raise LabelDataError("inspector_initials: missing")
        if self.refund_fen is not None and self.refund_fen < 0:
            raise LabelDataError("refund_fen: a refund cannot be negative")
        for name in _REQUIRED[self.kind]:
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise LabelDataError(f"{name}: missing, a {self.kind.value} label needs it")
        self._check_flags()

    def _check_flags(self) -> None:
        if not isinstance(self.pending_review, bool):
            raise LabelDataError(
                f"pending_review: expected true or false, got {self.pending_review!r}"
            )
        if self.decided_by and not self.decision_id:
            raise LabelDataError("decided_by: only a corrected label names its supervisor")
        if not label_flags(self):
            return
        if self.kind is LabelKind.HOLDING:
            raise LabelDataError("a holding label is not reviewed or corrected")
        if self.pending_review and self.decision_id:
            raise LabelDataError(
                "pending_review: a corrected label carries a decision already made, it is not"
                " pending"
            )

    # -- persistence: the print queue stores this in the label row and rebuilds it ----------

    def to_payload(self) -> dict[str, Any]:
        body = asdict(self)
        body["date"] = self.date.isoformat()
        for name in ("kind", "grade", "disposition", "refund_kind"):
            value = getattr(self, name)
            body[name] = value.value if value is not None else None
        return body

    @classmethod
    def from_payload(cls, body: object) -> LabelData:
        """Rebuild from :meth:`to_payload`; anything else raises :class:`LabelDataError`."""
        if not isinstance(body, dict):
            raise LabelDataError("label payload is not an object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(body) - known)
        if unknown:
            raise LabelDataError(f"label payload has unknown fields: {', '.join(unknown)}")
        values = dict(body)
        try:
            values["kind"] = LabelKind(values["kind"])
            values["date"] = date.fromisoformat(values["date"])
            for name, enum in (("grade", Grade), ("disposition", Disposition)):
                if values.get(name) is not None:
                    values[name] = enum(values[name])
            if values.get("refund_kind") is not None:
                values["refund_kind"] = RefundKind(values["refund_kind"])
        except (KeyError, ValueError, TypeError) as exc:
            raise LabelDataError(f"label payload is not valid: {exc}") from exc
        try:
            return cls(**values)
        except TypeError as exc:
            raise LabelDataError(f"label payload is not valid: {exc}") from exc


def label_flags(data: LabelData) -> frozenset[LabelFlag]:
    flags: set[LabelFlag] = set()
    if data.pending_review:
        flags.add(LabelFlag.PENDING_REVIEW)
    if data.decision_id:
        flags.add(LabelFlag.CORRECTED)
    return frozenset(flags)


def _name_without_code(value: Grade, language: Language) -> str:
    # "A 全新" → "全新": the letter is printed on its own, much larger.
    name = label(value, language)
    return name.split(" ", 1)[1] if " " in name else name


def refund_summary(data: LabelData, language: Language | None = None) -> str:
    lang = language or data.language
    if data.refund_kind is None:
        return ""
    name = label(data.refund_kind, lang)
    if data.refund_kind is RefundKind.NONE or data.refund_fen is None:
        return name
    return f"{name} ¥{data.refund_fen // 100}.{data.refund_fen % 100:02d}"


def _other(language: Language) -> Language:
    return "en" if language == "zh_CN" else "zh_CN"


def label_fields(data: LabelData) -> dict[str, str]:
    """The values layouts may name, as display text in the label's language."""
    lang = data.language
    disposition = data.disposition
    return {
        "label_id": data.label_id,
        "inspection_id": data.inspection_id,
        "unmatched_id": data.unmatched_id,
        "rma_no": data.rma_no,
        "sku": data.sku,
        "title": data.title,
        "grade": data.grade.value if data.grade else "",
        "grade_name": _name_without_code(data.grade, lang) if data.grade else "",
        "disposition": label(disposition, lang) if disposition else "",
        "disposition_other": label(disposition, _other(lang)).upper() if disposition else "",
        "refund": refund_summary(data),
        "refusal_reason": data.refusal_reason,
        # GS separates GS1 fields; on paper a space reads the same.
        "scanned_code": data.scanned_code.replace(_GS, " "),
        "scanned_payload": data.scanned_code,
        "station_id": data.station_id,
        "inspector": data.inspector_initials,
        "date": data.date.isoformat(),
        "decision_id": data.decision_id,
        "decided_by": data.decided_by,
    }


# Which fields each kind of label can show (a layout naming any other is refused).
COMMON_FIELDS = frozenset({"label_id", "station_id", "inspector", "date"})
REVIEW_FIELDS = frozenset({"decision_id", "decided_by"})
KIND_FIELDS: dict[LabelKind, frozenset[str]] = {
    LabelKind.DISPOSITION: COMMON_FIELDS
    | {
        "inspection_id",
        "rma_no",
        "sku",
        "title",
        "grade",
        "grade_name",
        "disposition",
        "disposition_other",
        "refund",
    }
    | REVIEW_FIELDS,
    LabelKind.HOLDING: COMMON_FIELDS | {"unmatched_id", "scanned_code", "scanned_payload"},
    LabelKind.RETURN_TO_CUSTOMER: COMMON_FIELDS
    | {"inspection_id", "rma_no", "sku", "title", "grade", "grade_name", "refusal_reason"}
    | REVIEW_FIELDS,
}

# What a layout of each kind must show, whatever its size: the next person's instructions.
KIND_REQUIRED_FIELDS: dict[LabelKind, frozenset[str]] = {
    LabelKind.DISPOSITION: frozenset({"label_id", "grade", "disposition", "rma_no"}),
    LabelKind.HOLDING: frozenset({"label_id", "scanned_code", "date", "station_id"}),
    LabelKind.RETURN_TO_CUSTOMER: frozenset({"label_id", "rma_no", "refusal_reason"}),
}

# Flags a layout of each kind may show elements for, and those it must: a verdict that may
# still change, or has changed, is never printed as if it were final.
KIND_FLAGS: dict[LabelKind, frozenset[LabelFlag]] = {
    LabelKind.DISPOSITION: frozenset(LabelFlag),
    LabelKind.HOLDING: frozenset(),
    LabelKind.RETURN_TO_CUSTOMER: frozenset(LabelFlag),
}
KIND_REQUIRED_FLAGS = KIND_FLAGS
