"""PIN hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

PIN_PATTERN = re.compile(r"\d{4,12}")

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class BadPin(ValueError):
    pass


def check_pin_format(pin: str) -> None:
    if not PIN_PATTERN.fullmatch(pin):
        raise BadPin("a PIN is 4 to 12 digits")


def hash_pin(pin: str) -> str:
    check_pin_format(pin)
    return _hasher.hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    """True if ``pin`` matches; a corrupt hash counts as a mismatch, never an exception."""
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(pin_hash: str) -> bool:
    return _hasher.check_needs_rehash(pin_hash)
