"""Identifiers and limits that every message of the protocol uses."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

SHA256 = re.compile(r"^[0-9a-f]{64}$")

Sha256 = Annotated[str, StringConstraints(pattern=SHA256.pattern)]
EventId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{36}$")]
StationId = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{1,19}$")]
ShortText = Annotated[str, StringConstraints(max_length=500)]
