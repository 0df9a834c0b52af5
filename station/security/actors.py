"""How a person is named where a record says who acted or whom it is about: ``user:BADGE``.

Audit entries, outbox events and label rows all use this one form, so the central service and
``station audit verify`` can tell a person from the station (``station:ID``) or the central
service (``central``).
"""

from __future__ import annotations

from typing import Protocol


class HasBadge(Protocol):
    @property
    def badge_id(self) -> str: ...


def user_ref(user: HasBadge) -> str:
    return f"user:{user.badge_id}"
