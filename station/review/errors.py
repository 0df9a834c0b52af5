"""Errors of the review service, each with an English and a Chinese message.

``str(error)`` is English (logs, CLI); :meth:`ReviewError.message` gives the supervisor's
language. Each says what was refused and why, so the UI can show it as it is.
"""

from __future__ import annotations

from station.domain.errors import BilingualError


class ReviewError(BilingualError):
    """Anything the review service refuses or cannot do."""


class DecisionRefused(ReviewError):
    """A decision that cannot be made as asked (no reason, nothing changed, bad amount…)."""


class LinkRefused(ReviewError):
    """An unmatched parcel that cannot be linked to the order asked for."""


class BadInput(ReviewError):
    """A filter, search text or file name that cannot be used."""


class ExportFailed(ReviewError):
    """A CSV file or evidence pack that could not be written; nothing was left behind."""


class CentralUnavailable(ReviewError):
    """The central service's read API could not be reached or answered nonsense."""
