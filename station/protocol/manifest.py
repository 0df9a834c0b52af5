"""Expected-returns manifests: JSON Lines, one after-sales order per line.

The format is shared: a station imports a manifest file, the central service publishes the
same rows to every station. Every row is validated on its own; a bad row is reported with its
row number and reason and never stops the others. The format is documented in
``docs/MANIFEST.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, BinaryIO

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from station.protocol.enums import Carrier, Category, OrderState, ReturnReason

MAX_LINE_BYTES = 1 << 20
MAX_NESTING = 16  # a row nests three deep (its lines and parcels); this is far beyond
MAX_NUMBER_DIGITS = 40  # prices, line numbers: far beyond them too
MAX_KEPT_ERRORS = 1000  # rows' errors kept to tell; the rest are counted
IMPORTABLE_STATES = frozenset(
    {
        OrderState.REQUESTED,
        OrderState.APPROVED,
        OrderState.REJECTED,
        OrderState.IN_TRANSIT,
        OrderState.RECEIVED,
    }
)


def _printable(value: str) -> str:
    bad = next((ch for ch in value if not ch.isprintable()), None)
    if bad is not None:
        raise ValueError(f"contains a control character (U+{ord(bad):04X})")
    return value


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def yuan_to_fen(value: Any, *, zero: bool = False) -> int:
    """An amount of yuan (``"199.00"``, 12.5) in fen; ``zero``: nothing is an amount too (a
    refund or a settlement of none). Raises ValueError saying what is wrong."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("an amount is a number of yuan, e.g. 199.00")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not an amount of yuan: {str(value)[:20]!r}") from exc
    low = "at least 0" if zero else "more than 0"
    if not amount.is_finite() or amount < 0 or (amount == 0 and not zero) or amount > 10_000_000:
        raise ValueError(f"an amount is {low} and at most 10,000,000 yuan")
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError("an amount has at most two decimals")
    return int(fen)


Text = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_printable)]
Code = Annotated[
    str,
    BeforeValidator(_upper),
    StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9_-]{3,39}$"),
]
Fen = Annotated[int, BeforeValidator(yuan_to_fen)]


class ManifestTracking(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    carrier: Carrier
    tracking_no: Code


class ManifestLine(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    sku: Annotated[Text, Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9._/-]+$")]
    title: Annotated[Text, Field(min_length=1, max_length=200)]
    category: Category
    qty: Annotated[int, Field(ge=1, le=999)] = 1
    unit_price: Fen
    ean: Annotated[str | None, Field(pattern=r"^[0-9]{8,14}$")] = None
    expected_serial: Annotated[Text | None, Field(max_length=80)] = None
    batch: Annotated[Text | None, Field(max_length=40)] = None
    accessories: Annotated[list[Annotated[Text, Field(max_length=60)]], Field(max_length=30)] = []


class ManifestOrder(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    rma_no: Code
    order_no: Code
    platform: Annotated[Text, Field(max_length=20)] = ""
    reason: ReturnReason
    reason_note: Annotated[Text, Field(max_length=500)] = ""
    customer_received_on: date
    requested_on: date
    customer_name: Annotated[Text, Field(max_length=40)] = ""
    customer_phone: Annotated[str, Field(pattern=r"^[0-9 +-]{0,20}$")] = ""
    # already masked by the publisher (the central service never sends the raw name or phone)
    customer_masked: Annotated[Text, Field(max_length=80)] = ""
    state: OrderState = OrderState.IN_TRANSIT
    tracking: Annotated[list[ManifestTracking], Field(max_length=10)] = []
    lines: Annotated[list[ManifestLine], Field(min_length=1, max_length=50)]

    @field_validator("tracking")
    @classmethod
    def _each_number_once(cls, tracking: list[ManifestTracking]) -> list[ManifestTracking]:
        """A tracking number named twice in one order is that one parcel: kept once (twice,
        it broke the import and, published, every bench's pull of the change feed)."""
        seen: set[str] = set()
        once = []
        for parcel in tracking:
            if parcel.tracking_no not in seen:
                seen.add(parcel.tracking_no)
                once.append(parcel)
        return once

    @model_validator(mode="after")
    def _consistent(self) -> ManifestOrder:
        if self.requested_on < self.customer_received_on:
            raise ValueError("requested_on is before customer_received_on")
        if self.state not in IMPORTABLE_STATES:
            allowed = ", ".join(sorted(IMPORTABLE_STATES))
            raise ValueError(f"state {self.state} cannot be imported (allowed: {allowed})")
        return self


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass(slots=True)
class ParsedManifest:
    orders: list[tuple[int, ManifestOrder]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)  # the first MAX_KEPT_ERRORS
    rejected: int = 0  # every row refused, its error kept or not

    def refuse(self, row: int, message: str) -> None:
        """A row refused: counted always, its error kept while there are few (a file of
        millions of junk lines took 100 times its size in memory)."""
        self.rejected += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(RowError(row, message))


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"]) or "row"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(row number, raw line) pairs; an over-long line yields None and is skipped whole."""
    row = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        row += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield row, None
            continue
        yield row, raw


def _nesting(text: str) -> int:
    """How deep the row's arrays and objects nest (brackets inside strings not counted)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _json_row(text: str) -> tuple[Any, str | None]:
    """The row parsed, or why it cannot be: a manifest row is never deeper than
    ``MAX_NESTING`` and holds no number longer than ``MAX_NUMBER_DIGITS``."""
    if (depth := _nesting(text)) > MAX_NESTING:
        return None, f"nested {depth} levels deep (a row has at most {MAX_NESTING})"
    try:
        return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float), None
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg} at column {exc.colno}"
    except _TooManyDigits as exc:
        return None, str(exc)
    except (ValueError, RecursionError) as exc:
        return None, f"not JSON ({type(exc).__name__})"


class _TooManyDigits(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(f"a number of {digits} digits (at most {MAX_NUMBER_DIGITS})")


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _TooManyDigits(len(text))
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _TooManyDigits(len(text))
    return float(text)


def parse_manifest(stream: BinaryIO) -> ParsedManifest:
    result = ParsedManifest()
    first_row_of: dict[str, int] = {}
    tracking_row: dict[str, int] = {}
    for row, raw in _lines(stream):
        if raw is None:
            result.refuse(row, f"line longer than {MAX_LINE_BYTES:,} bytes")
            continue
        try:
            text = raw.decode("utf-8-sig" if row == 1 else "utf-8").strip()
        except UnicodeDecodeError as exc:
            result.refuse(row, f"not UTF-8 text (byte {exc.start})")
            continue
        if not text or text.startswith("#"):
            continue
        data, why = _json_row(text)
        if why is not None:
            result.refuse(row, why)
            continue
        if not isinstance(data, dict):
            result.refuse(row, "a row is a JSON object")
            continue
        try:
            order = ManifestOrder.model_validate(data)
        except ValidationError as exc:
            result.refuse(row, _describe(exc))
            continue
        except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
            # a value no field's check foresaw: this row is refused, the others go on
            result.refuse(row, f"cannot be read ({type(exc).__name__})")
            continue
        if order.rma_no in first_row_of:
            first = first_row_of[order.rma_no]
            result.refuse(row, f"duplicate rma_no {order.rma_no} (see row {first})")
            continue
        clash = next((t.tracking_no for t in order.tracking if t.tracking_no in tracking_row), None)
        if clash is not None:
            result.refuse(row, f"tracking number {clash} already used in row {tracking_row[clash]}")
            continue
        first_row_of[order.rma_no] = row
        tracking_row.update({t.tracking_no: row for t in order.tracking})
        result.orders.append((row, order))
    return result


def read_manifest(path: Path) -> ParsedManifest:
    with path.open("rb") as stream:
        return parse_manifest(stream)
