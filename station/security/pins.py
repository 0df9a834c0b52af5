"""PIN hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1)."""

from __future__ import annotations

import re

from station.protocol.badges import PIN_HASHER, verify_hash

PIN_PATTERN = re.compile(r"[0-9]{4,12}")  # what a keypad types: not １２３４ or ١٢٣٤


class BadPin(ValueError):
    pass


def check_pin_format(pin: str) -> None:
    if not PIN_PATTERN.fullmatch(pin):
        raise BadPin("a PIN is 4 to 12 digits")


def hash_pin(pin: str) -> str:
    check_pin_format(pin)
    return PIN_HASHER.hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    """True if ``pin`` matches; a corrupt hash counts as a mismatch, never an exception."""
    return verify_hash(pin_hash, pin)


def needs_rehash(pin_hash: str) -> bool:
    return PIN_HASHER.check_needs_rehash(pin_hash)
