"""The station's identity at the central service: a bearer token issued on registration.

The token comes from the settings, or from the token file in the data folder, or — the first
time a station with an enrollment key reaches the service — from registering, after which it
is kept in that file (readable by the station's user only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from station.store.files import write_atomically
from station.sync.client import CentralClient, SyncError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CentralAccess:
    url: str
    station_id: str
    token_file: Path
    token: str = ""
    enrollment_key: str = ""
    timeout: float = 20.0

    def stored_token(self) -> str:
        if self.token:
            return self.token
        try:
            return self.token_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ""

    def client(self) -> CentralClient:
        """A client with a token, registering first if the station has none yet."""
        token = self.stored_token()
        if not token:
            if not self.enrollment_key:
                raise SyncError(
                    "this station has no token for the central service and no "
                    "enrollment key to get one"
                )
            with CentralClient(self.url, timeout=self.timeout) as anonymous:
                issued = anonymous.register(self.station_id, self.enrollment_key)
            self._keep(issued.token)
            log.info("registered with the central service as %s", issued.station_id)
            token = issued.token
        return CentralClient(self.url, token, timeout=self.timeout)

    def renew(self) -> bool:
        """Forget a kept token the service no longer accepts, so the next client registers.

        Only a token this station registered for itself is forgotten: one given in the
        settings is the administrator's to replace, and without a key there is no way back.
        """
        if self.token or not self.enrollment_key:
            return False
        self.token_file.unlink(missing_ok=True)
        return True

    def _keep(self, token: str) -> None:
        write_atomically(self.token_file, token.encode("utf-8"), mode=0o600, replace=lambda _: True)
