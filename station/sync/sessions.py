"""Supervisors' sessions at the central service, opened with the badge they signed in with.

The bench's token says which bench is talking; reading other stations' inspections needs a
supervisor, so central is asked for a session in their name (badge code and PIN, once) and
the session's token is used until it expires. Kept in memory only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from station.domain.records import BadgeLogin
from station.store.types import utcnow
from station.sync.client import CentralClient
from station.sync.enrol import CentralAccess

_MARGIN = timedelta(minutes=5)  # a session about to expire is opened again


class SupervisorSessions:
    def __init__(self, access: CentralAccess, clock: Callable[[], datetime] = utcnow) -> None:
        self._access = access
        self._clock = clock
        self._lock = threading.Lock()
        self._open: dict[str, tuple[str, datetime]] = {}  # badge code → (token, expires)

    def client(self, badge: BadgeLogin) -> CentralClient:
        """A client in the supervisor's name (network: call from a worker)."""
        with self._lock:
            kept = self._open.get(badge.badge_code)
        if kept is None or kept[1] - _MARGIN <= self._clock():
            with self._access.anonymous() as anonymous:
                session = anonymous.open_session(badge.badge_code, badge.pin)
            kept = (session.token, session.expires_at)
            with self._lock:
                self._open[badge.badge_code] = kept
        return self._access.as_bearer(kept[0])
