"""Times on the wire: aware, and still a time once turned to UTC.

``0001-01-01T00:00:00+14:00`` is a valid ISO 8601 time whose UTC value falls before year 1:
no database column can hold it, so it is refused where it is parsed, naming its field.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, ValidationError
from pydantic_core import PydanticCustomError

OUT_OF_RANGE = "datetime_out_of_range"


def _in_range(value: datetime) -> datetime:
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise PydanticCustomError(
            OUT_OF_RANGE, "out of range: its UTC time is before year 1 or after year 9999"
        ) from None
    return value


Instant = Annotated[AwareDatetime, AfterValidator(_in_range)]
"""An aware datetime whose UTC value is a datetime."""


def out_of_range(exc: ValidationError) -> str | None:
    """The first field ``exc`` refused as out of range (``clip.started_at``), or None."""
    for error in exc.errors():
        if error["type"] == OUT_OF_RANGE:
            return ".".join(str(part) for part in error["loc"]) or "the time"
    return None
