"""Why a clip is kept past its retention: an operator's reason, or a dispute's, which central
sets and lifts. A dispute's reason starts with :data:`DISPUTE_HOLD_PREFIX`; an operator's may
not (central's next release would lift it), and neither holds control or direction characters
(they rewrote what ``video list`` printed to a terminal)."""

from __future__ import annotations

from typing import Final

from station.domain.text import BAD_CHARS

DISPUTE_HOLD_PREFIX: Final = "central dispute "
MAX_HOLD_CHARS: Final = 200


def operator_hold_reason(raw: str) -> str:
    """``raw`` as an operator's hold reason, on one line; ValueError saying why it cannot be."""
    text = " ".join(raw.split())
    if BAD_CHARS.search(text):
        raise ValueError("the reason holds control or direction characters")
    if text.lower().startswith(DISPUTE_HOLD_PREFIX):
        raise ValueError(
            f"a reason cannot start with {DISPUTE_HOLD_PREFIX.strip()!r}: central's holds do"
        )
    if len(text) > MAX_HOLD_CHARS:
        raise ValueError(f"the reason is longer than {MAX_HOLD_CHARS} characters")
    return text
