"""Amounts of money: the station counts in fen (hundredths of a yuan)."""

from __future__ import annotations


def yuan(fen: int) -> str:
    """An amount as the screens, notices, reports and evidence packs show it: ``¥1,234.56``."""
    return f"¥{fen / 100:,.2f}"
