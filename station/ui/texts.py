"""Filling a translated text's place markers, as Qt's ``QString.arg`` does.

Texts go through ``tr()`` with ``%1``, ``%2``… where the values go, so a translation can put
them in the order its language wants."""

from __future__ import annotations

import re
from collections.abc import Iterable

from station.domain.labels import Language

_MARKER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """``text`` with each ``%n`` replaced by the n-th value, in one pass: a value that itself
    holds "%2" stays as it is. A marker without a value is left in place."""

    def value(marker: re.Match[str]) -> str:
        n = int(marker[1])
        return str(values[n - 1]) if n <= len(values) else marker[0]

    return _MARKER.sub(value, text)


def listing(items: Iterable[str], language: Language) -> str:
    """Items one after another as the language lists them: 整体、吊牌 / Overview, Tag."""
    return ("、" if language == "zh_CN" else ", ").join(items)
