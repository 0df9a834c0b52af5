"""The station's identity at the central service: a bearer token issued on registration.

The token comes from the settings, or from the token file in the data folder, or — the first
time a station with an enrolment code reaches the service — from registering with that code,
after which it is kept in that file (readable by the station's user only). A code is spent by
its first use: the digest of the code spent is kept beside the token, so the station never
tries it again; a new code (the administrator's, with ``replace``) registers it again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from station.store.files import write_atomically
from station.sync.client import CentralClient, SyncError

log = logging.getLogger(__name__)


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CentralAccess:
    url: str
    station_id: str
    token_file: Path
    token: str = ""
    enrolment_code: str = ""
    ca_file: Path | None = None
    timeout: float = 20.0

    @property
    def spent_file(self) -> Path:
        return self.token_file.with_name(self.token_file.name + ".code-spent")

    def stored_token(self) -> str:
        if self.token:
            return self.token
        try:
            return self.token_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ""

    def fresh_code(self) -> str:
        """The configured code, unless this station spent it already."""
        code = self.enrolment_code.strip()
        if not code:
            return ""
        try:
            spent = self.spent_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            spent = ""
        return "" if spent == _digest(code) else code

    def client(self) -> CentralClient:
        """A client with a token, registering first if the station has none yet."""
        token = self.stored_token()
        if not token:
            code = self.fresh_code()
            if not code:
                raise SyncError(
                    "this station has no token for the central service and no unused "
                    "enrolment code to get one (an administrator makes one: central enrol "
                    f"{self.station_id})"
                )
            with self._client() as anonymous:
                issued = anonymous.register(self.station_id, code)
            self._keep(issued.token, code)
            log.info("registered with the central service as %s", issued.station_id)
            token = issued.token
        return self._client(token)

    def renew(self) -> bool:
        """Forget a kept token the service no longer accepts, when an unused code can get a
        new one. A token given in the settings is the administrator's to replace."""
        if self.token or not self.fresh_code():
            return False
        self.token_file.unlink(missing_ok=True)
        return True

    def anonymous(self) -> CentralClient:
        """A client without credentials (registering, opening a supervisor's session)."""
        return self._client()

    def as_bearer(self, token: str) -> CentralClient:
        return self._client(token)

    def _client(self, token: str | None = None) -> CentralClient:
        return CentralClient(self.url, token, timeout=self.timeout, ca_file=self.ca_file)

    def _keep(self, token: str, code: str) -> None:
        write_atomically(self.token_file, token.encode("utf-8"), mode=0o600, replace=lambda _: True)
        write_atomically(
            self.spent_file, _digest(code).encode("ascii"), mode=0o600, replace=lambda _: True
        )
