"""Refusals the services raise; the app turns them into HTTP answers."""

from __future__ import annotations

from pydantic import ValidationError


class Refused(Exception):
    """A request that will never succeed as sent; the message is meant for the sender."""

    status = 400


class Invalid(Refused):
    status = 422


class NotFound(Refused):
    status = 404


class Conflict(Refused):
    status = 409


def reason(exc: Exception) -> str:
    """What went wrong, in one short line for a log or a refusal: a model's first complaints
    by field, else the first line of the message."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'payload'}: {err['msg']}"
            for err in exc.errors()[:3]
        )
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:300]
