"""Badges that carry a secret, and the proofs a supervisor's decision carries.

A badge issued by the central service is a barcode ``RSB1-<BADGE ID>-<SECRET>``: the badge id
and 130 random bits in base32. What a bench keeps to check a login is an argon2id hash of the
secret *and* the PIN, so a copied station database gives nothing to search offline: without
the badge in hand, 10,000 (or 10^12) PINs are all equally useless.

The same two things give a supervisor's *decision key*, which only the central service keeps.
A bench where the supervisor logged in (badge scanned, PIN typed) holds it in memory for the
session and signs each decision with it; the central service checks the signature, so a bench
cannot make up a decision in a supervisor's name.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's argon2id parameters (19 MiB, t=2, p=1): one hasher for the stations and central
PIN_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
PREFIX = "RSB1-"
SECRET_LENGTH = 26  # base32 characters: 130 bits
_CODE = re.compile(r"RSB1-([A-Z0-9_-]{1,40})-([A-Z2-7]{26})")
_KEY_CONTEXT = b"returns-station decision key v1\x00"


def lock_length(first: timedelta, locks: int, longest: timedelta) -> timedelta:
    """How long the ``locks``-th lock in a row lasts: ``first``, twice as long each time,
    never more than ``longest``. Counts come from benches and the network, so no count
    however large overflows (5 minutes doubled 40 times is past what a timedelta holds)."""
    doublings = min(max(locks - 1, 0), 64)  # 2**64 of any lock is past any longest
    seconds = first.total_seconds() * 2.0**doublings
    return longest if seconds >= longest.total_seconds() else timedelta(seconds=seconds)


class BadBadge(ValueError):
    """Not a badge code this service issued; ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class BadgeCode:
    badge_id: str
    secret: str

    def __str__(self) -> str:
        return f"{PREFIX}{self.badge_id}-{self.secret}"

    def __repr__(self) -> str:  # a badge code is a credential: never in a log
        return f"BadgeCode({self.badge_id!r}, secret=…)"


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")[:SECRET_LENGTH]


def looks_like_code(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX)


def parse_code(text: str) -> BadgeCode:
    """A scanned badge: case and surrounding space do not matter (scanners differ)."""
    match = _CODE.fullmatch(text.strip().upper())
    if match is None:
        raise BadBadge("not a badge code: RSB1-<badge>-<26 letters and digits>")
    return BadgeCode(match.group(1), match.group(2))


def secret_with_pin(secret: str, pin: str) -> str:
    """What the login hash is made of: neither half alone opens it."""
    return f"{secret.upper()}:{pin}"


def hash_secret_with_pin(secret: str, pin: str) -> str:
    return PIN_HASHER.hash(secret_with_pin(secret, pin))


def verify_hash(pin_hash: str, password: str) -> bool:
    """True if ``password`` matches; a corrupt hash counts as a mismatch, never an error."""
    try:
        return PIN_HASHER.verify(pin_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def decision_key(secret: str, pin: str) -> bytes:
    return hmac.new(
        secret.upper().encode("ascii"), _KEY_CONTEXT + pin.encode("ascii"), hashlib.sha256
    ).digest()


def signed_fields(decision: dict[str, Any]) -> bytes:
    """The decision as signed: every field but the proof, canonical JSON."""
    body = {k: v for k, v in decision.items() if k != "proof"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def proof(key: bytes, decision: dict[str, Any]) -> str:
    """``decision`` as JSON (``model_dump(mode="json")``)."""
    return hmac.new(key, signed_fields(decision), hashlib.sha256).hexdigest()


def proof_holds(key: bytes, decision: dict[str, Any]) -> bool:
    given = decision.get("proof")
    return isinstance(given, str) and hmac.compare_digest(given, proof(key, decision))
