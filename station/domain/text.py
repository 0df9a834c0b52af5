"""Free text a person types into a record: a reason for a decision, a deletion, an override."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from station.domain.errors import BilingualError

MAX_REASON: Final = 500
# C0/C1 controls and the bidirectional overrides that could disguise a reason in a report
BAD_CHARS: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def reason_text(
    raw: str,
    *,
    missing: tuple[str, str],
    refuse: type[BilingualError],
    limit: int = MAX_REASON,
    lines: bool = False,
) -> str:
    """``raw`` as a reason on record: required (``missing`` says what to type, in English and
    Chinese), printable (with ``lines``, tabs and line breaks too), at most ``limit``
    characters; ``refuse`` is the error raised."""
    text = unicodedata.normalize("NFC", raw).strip()
    if not text:
        raise refuse(*missing)
    if BAD_CHARS.search(text.replace("\n", " ").replace("\t", " ") if lines else text):
        raise refuse(
            "The reason contains control characters; type it again.",
            "原因中含有控制字符，请重新输入。",
        )
    if len(text) > limit:
        raise refuse(
            f"The reason is too long ({len(text)} characters, at most {limit}).",
            f"原因过长（{len(text)} 字，上限 {limit} 字）。",
        )
    return text
