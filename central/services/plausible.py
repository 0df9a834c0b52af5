"""Times a bench or a client says: central takes none from before any station was installed or
more than a day ahead of its own clock. A station's clock may be off, not by more than that;
a time past it would stay "the newest" for ever, and one near year 9999 breaks every page
that shows it in a time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

AHEAD = timedelta(days=1)
OLDEST = datetime(2020, 1, 1, tzinfo=UTC)


def implausible(name: str, at: datetime, now: datetime) -> str | None:
    """Why ``at`` (the field ``name``) cannot be right, or None."""
    try:
        utc = at.astimezone(UTC)
    except OverflowError:
        return f"{name} is out of range"
    if utc > now + AHEAD:
        return f"{name} {utc.isoformat()[:40]} is more than a day ahead of central"
    if utc < OLDEST:
        return f"{name} {utc.isoformat()[:40]} is before {OLDEST.year}"
    return None
