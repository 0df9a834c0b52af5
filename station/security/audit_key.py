"""The audit log's secrets that live outside the database: its key and its head marker.

The keyed part of the audit chain is authenticated with HMAC-SHA256 under a key kept in
``audit.key`` beside the database (the station's data folder), so a copy of ``station.db``
alone can be read but its chain cannot be recomputed. The key file says from which entry on
the chain is keyed (``keyed_from``), so an edited database cannot move that boundary either.
It is made once, mode 0600, by the crash-safe writer, and never rewritten.

``audit.head`` is the newest entry's sequence number and MAC, rewritten after each commit that
added entries (best effort: a failed write is logged, never raised). A chain cannot prove its
own length; the marker lets the verifier see newest entries removed by someone who did not
also roll the marker back. What was already sent is anchored at the central service instead
(:func:`station.security.audit.audit_head`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from station.store.files import write_atomically

log = logging.getLogger(__name__)

KEY_FILE = "audit.key"
HEAD_FILE = "audit.head"
KEY_FORMAT = "station-audit-key/1"
HEAD_FORMAT = "station-audit-head/1"


class AuditKeyError(Exception):
    """The key file is there but cannot be used (unreadable, malformed)."""


@dataclass(frozen=True, slots=True)
class AuditKey:
    secret: bytes
    keyed_from: int  # the first entry of the chain written under this key
    path: Path

    def mac(self, message: bytes) -> str:
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The newest audit entry: what a marker, or the central service, remembers of the chain."""

    seq: int
    mac: str


def folder_of(session: Session) -> Path | None:
    """The folder of the database file the session works on (None: not a file)."""
    bind = session.get_bind()
    url = bind.engine.url
    database = url.database or ""
    if database.startswith("file:"):  # a URI filename (a read-only connection)
        database = database.removeprefix("file:").split("?", 1)[0]
    if not database or database == ":memory:":
        return None
    return Path(database).resolve().parent


def read_key(folder: Path) -> AuditKey | None:
    """The key in ``folder``; None when there is no key file."""
    path = folder / KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AuditKeyError(f"the audit key {path} cannot be read: {exc.strerror}") from exc
    try:
        data = json.loads(raw)
        if data.get("format") != KEY_FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        secret = bytes.fromhex(data["key"])
        keyed_from = int(data["keyed_from"])
        if len(secret) < 32 or keyed_from < 1:
            raise ValueError("key too short or keyed_from below 1")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise AuditKeyError(f"the audit key {path} is malformed: {exc}") from exc
    return AuditKey(secret=secret, keyed_from=keyed_from, path=path)


def create_key(folder: Path, keyed_from: int) -> AuditKey:
    """Make the key file (0600) unless another writer made it first; return the key on disk."""
    body = {
        "format": KEY_FORMAT,
        "key": secrets.token_hex(32),
        "keyed_from": keyed_from,
        "created_at": datetime.now(UTC).isoformat(),
    }
    data = (json.dumps(body, indent=1) + "\n").encode()
    if write_atomically(folder / KEY_FILE, data, mode=0o600, exclusive=True):
        log.info(
            "audit key created at %s; the chain is keyed from entry %d on",
            folder / KEY_FILE,
            keyed_from,
        )
    key = read_key(folder)
    assert key is not None
    return key


def set_aside(folder: Path) -> Path:
    """Move an unusable key file out of the way (kept, for whoever investigates)."""
    path = folder / KEY_FILE
    aside = path.with_name(f"{KEY_FILE}.unusable-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    path.replace(aside)
    _cache.pop(path, None)
    return aside


_cache: dict[Path, tuple[tuple[int, int], AuditKey]] = {}


def cached_key(folder: Path) -> AuditKey | None:
    """Like :func:`read_key`, read again only when the file changed (one stat per entry)."""
    path = folder / KEY_FILE
    try:
        st = path.stat()
    except FileNotFoundError:
        _cache.pop(path, None)
        return None
    signature = (st.st_ino, st.st_mtime_ns)
    hit = _cache.get(path)
    if hit is not None and hit[0] == signature:
        return hit[1]
    key = read_key(folder)
    if key is not None:
        _cache[path] = (signature, key)
    return key


def read_head(folder: Path) -> AuditHead | None:
    """The head marker; None when there is none or it cannot be read as one."""
    path = folder / HEAD_FILE
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != HEAD_FORMAT:
            return None
        return AuditHead(seq=int(data["seq"]), mac=str(data["mac"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("the audit head marker %s cannot be read: %s", path, exc)
        return None


def write_head(folder: Path, head: AuditHead) -> None:
    """Replace the head marker (best effort: a failure is logged, the commit stands)."""
    body = {"format": HEAD_FORMAT, "seq": head.seq, "mac": head.mac}
    try:
        write_atomically(
            folder / HEAD_FILE,
            json.dumps(body).encode() + b"\n",
            mode=0o600,
            replace=lambda _: True,
        )
    except OSError as exc:
        log.warning("the audit head marker was not updated to entry %d: %s", head.seq, exc)
