"""Refusals the services raise; the app turns them into HTTP answers."""

from __future__ import annotations


class Refused(Exception):
    """A request that will never succeed as sent; the message is meant for the sender."""

    status = 400


class Invalid(Refused):
    status = 422


class NotFound(Refused):
    status = 404


class Conflict(Refused):
    status = 409
