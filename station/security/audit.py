"""The hash-chained audit log, keyed.

Each entry's hash covers its own content and the previous entry's hash, so editing,
deleting or reordering any row breaks the chain from that row on; :func:`verify` finds the
first broken link. Entries are appended inside the caller's transaction.

From the entry named in the station's key file on (:mod:`station.security.audit_key`), the
"hash" is an HMAC-SHA256 under a key that is not in the database: whoever holds only the
database can no longer edit an entry and recompute the chain. Older stores keep their unkeyed
entries, checked as before; a ``chain.keyed`` entry (the first keyed one) seals them, and
``chain.bound`` entries after it record the rows the store already held. Entries also bind
the rows they record (:mod:`station.security.bindings`), so a verdict, a photo or an event
edited in the database no longer matches its entry. After each commit that added entries the
newest entry's number and MAC go to the head marker beside the key, so removing the newest
entries shows too, unless the marker is rolled back with them; :func:`audit_head` is what the
central service is to anchor.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Final

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from station.protocol.events import Payload
from station.security.audit_key import (
    HEAD_FILE,
    AuditHead,
    AuditKey,
    AuditKeyError,
    cached_key,
    create_key,
    folder_of,
    read_head,
    read_key,
    set_aside,
    write_head,
)
from station.security.bindings import (
    ALL_TABLES,
    Bindable,
    Bound,
    RowFinding,
    Table,
    all_rows_by_key,
    binds_of,
    check_rows,
)
from station.store import outbox
from station.store.models import AuditEntry
from station.store.types import utcnow

__all__ = [
    "GENESIS",
    "AuditHead",
    "AuditKeyError",
    "ChainReport",
    "TamperReport",
    "append",
    "audit_head",
    "check",
    "entry_hash",
    "keyed_hash",
    "record",
    "seal",
    "verify",
]

log = logging.getLogger(__name__)

GENESIS = "0" * 64
KEYED: Final = "chain.keyed"  # the first entry under the key: seals the unkeyed ones
BOUND: Final = "chain.bound"  # rows the store held when the key was made, bound in chunks
CUT: Final = "chain.cut"  # the station found the log shorter than its head marker said
_SEAL_CHUNK: Final = 500
_ACTOR: Final = "station"


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any],
    prev_hash: str,
) -> str:
    """The unkeyed hash of an entry written before the chain was keyed."""
    canonical = json.dumps(
        [seq, at.isoformat(), actor, action, entity, details, prev_hash],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def keyed_hash(
    key: AuditKey,
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any],
    binds: dict[str, Any] | None,
    prev_hash: str,
) -> str:
    """The HMAC of an entry of the keyed part: its content, its bound rows, the link."""
    canonical = json.dumps(
        [
            "keyed/1",
            seq,
            at.astimezone(UTC).isoformat(),
            actor,
            action,
            entity,
            details,
            binds or {},
            prev_hash,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return key.mac(canonical.encode())


# -- writing -----------------------------------------------------------------------------------

# stores that are not files (tests of an in-memory engine) get a key for the process's life
_memory_keys: dict[int, AuditKey] = {}


def _key_for(session: Session, folder: Path | None) -> AuditKey | None:
    if folder is None:
        return _memory_keys.get(id(session.get_bind()))
    return cached_key(folder)


def _make_key(session: Session, folder: Path | None, keyed_from: int) -> AuditKey:
    if folder is None:
        key = AuditKey(secrets.token_bytes(32), keyed_from, Path())
        _memory_keys[id(session.get_bind())] = key
        return key
    return create_key(folder, keyed_from)


def _last(session: Session) -> tuple[int, str] | None:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (last.seq, last.hash) if last else None


def _write(
    session: Session,
    key: AuditKey,
    last: tuple[int, str] | None,
    *,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any],
    binds: dict[str, str] | None,
    at: datetime,
    folder: Path | None,
) -> AuditEntry:
    """Append an entry after ``last`` (seq, hash; None: the chain is empty)."""
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    # what the row holds is what its MAC covers
    content: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "details": details,
        "prev_hash": prev,
    }
    entry = AuditEntry(**content, binds=binds or None)
    entry.hash = keyed_hash(key, binds=binds, **content)
    session.add(entry)
    session.flush()
    if folder is not None:
        _mark_head_after_commit(session, folder)
    return entry


def _write_own(
    session: Session,
    key: AuditKey,
    last: tuple[int, str] | None,
    folder: Path | None,
    action: str,
    details: dict[str, Any],
    *,
    binds: dict[str, str] | None = None,
    at: datetime | None = None,
) -> tuple[int, str]:
    """Append one of the station's own entries about the log; returns it as (seq, hash)."""
    entry = _write(
        session,
        key,
        last,
        actor=_ACTOR,
        action=action,
        entity="audit_log",
        details=details,
        binds=binds,
        at=at or utcnow(),
        folder=folder,
    )
    return entry.seq, entry.hash


def _seal(
    session: Session, key: AuditKey, last: tuple[int, str] | None, folder: Path | None
) -> tuple[int, str]:
    """Write the ``chain.keyed`` entry and, sealing an older chain, bind the rows the store
    already holds."""
    now = utcnow()
    before = last or (0, GENESIS)
    head = _write_own(
        session,
        key,
        last,
        folder,
        KEYED,
        {"entries_before": before[0], "head_before": before[1]},
        at=now,
    )
    if last is None:  # a new store: every row it will hold is bound as it is written
        return head
    rows = iter([(name, digest) for name, digest, _ in all_rows_by_key(session, ALL_TABLES)])
    while chunk := dict(islice(rows, _SEAL_CHUNK)):
        head = _write_own(
            session, key, head, folder, BOUND, {"rows": len(chunk)}, binds=chunk, at=now
        )
    return head


def _usable_key(session: Session, folder: Path | None, next_seq: int) -> AuditKey:
    """The station's key; a new one, keying from ``next_seq`` on, when there is none or the
    file is unusable (set aside). Either way the entries of an earlier key can no longer be
    checked, which :func:`verify` reports: the bench goes on recording."""
    try:
        key = _key_for(session, folder)
    except AuditKeyError as exc:
        assert folder is not None
        log.error("%s; it is set aside as %s and a new key made", exc, set_aside(folder))
        key = None
    if key is None:  # never keyed here, or the key file is gone: key from the next entry on
        key = _make_key(session, folder, next_seq)
    return key


def _prepare(session: Session) -> tuple[AuditKey, tuple[int, str] | None, Path | None]:
    """The key and the chain's newest entry (seq, hash) to append to. The chain is keyed (its
    older entries sealed) first if it is not yet; a chain found shorter than its head marker
    says is first recorded as cut, so writing on does not hide that entries were removed."""
    folder = folder_of(session)
    last = _last(session)
    next_seq = last[0] + 1 if last else 1
    key = _usable_key(session, folder, next_seq)
    marker = read_head(folder) if folder is not None else None
    if marker is not None and marker.seq >= next_seq:
        log.error(
            "the audit log ends at entry %d but its head marker recorded entry %d: entries "
            "were removed; recorded as %s",
            next_seq - 1,
            marker.seq,
            CUT,
        )
        last = _write_own(
            session,
            key,
            last,
            folder,
            CUT,
            {"log_ended_at": next_seq - 1, "marker_seq": marker.seq, "marker_mac": marker.mac},
        )
    elif key.keyed_from == next_seq:  # keyed, not sealed yet
        last = _seal(session, key, last, folder)
    elif key.keyed_from > next_seq:
        log.error(
            "the audit log ends at entry %d but its key was made at entry %d: entries are "
            "missing (station audit verify reports it)",
            next_seq - 1,
            key.keyed_from,
        )
    return key, last, folder


def seal(session: Session) -> AuditHead | None:
    """Key the chain now if it is not yet (the station does it when it opens its store, so an
    upgraded store is sealed before anyone works); returns the newest entry."""
    _, last, _ = _prepare(session)
    return AuditHead(*last) if last else None


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
    binds: Iterable[Bindable] = (),
) -> AuditEntry:
    """Add an entry at the end of the chain (in the caller's transaction); ``binds`` are the
    rows it records, as they stand now (flushed or not)."""
    key, last, folder = _prepare(session)
    return _write(
        session,
        key,
        last,
        actor=actor,
        action=action,
        entity=entity,
        details=dict(details or {}),
        binds=binds_of(binds),
        at=at or utcnow(),
        folder=folder,
    )


# -- the head marker, written once the entries are committed -----------------------------------

_HOOKED = "station.audit.hooked"
_FOLDER = "station.audit.folder"
_PENDING = "station.audit.head"


def _mark_head_after_commit(session: Session, folder: Path) -> None:
    if not session.info.get(_HOOKED):
        event.listen(session, "before_commit", _head_before_commit)
        event.listen(session, "after_commit", _head_after_commit)
        session.info[_HOOKED] = True
    session.info[_FOLDER] = folder


def _head_before_commit(session: Session) -> None:
    if session.in_nested_transaction() or session.info.get(_FOLDER) is None:
        return
    last = _last(session)
    session.info[_PENDING] = AuditHead(*last) if last else None


def _head_after_commit(session: Session) -> None:
    head = session.info.pop(_PENDING, None)
    folder = session.info.pop(_FOLDER, None)
    if head is not None and folder is not None:
        write_head(folder, head)


def audit_head(session: Session) -> AuditHead | None:
    """The newest entry's number and MAC: what the central service is to anchor.

    Central anchoring hooks in here: whatever the station sends the central service along
    with its events should carry this, and the service keep the highest it has seen; an
    audit log found shorter than an anchored head, or with another MAC at that number, was
    rewritten. Until then the head marker beside the key is the only record of the length.
    """
    last = _last(session)
    return AuditHead(*last) if last else None


def record(
    session: Session,
    event: Payload,
    *,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
    binds: Iterable[Bindable] = (),
) -> str:
    """A change the central service hears about: its outbox event and its audit entry,
    written together in the caller's transaction; the entry names the event and binds it
    (with ``binds``, the rows the change wrote). Returns the event's id."""
    row = outbox.add(session, event, at=at)
    append(
        session,
        actor=actor,
        action=action,
        entity=entity,
        details={**(details or {}), "event_id": row.event_id},
        at=at,
        binds=[*binds, row],
    )
    return row.event_id


@dataclass(frozen=True, slots=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    reason: str = ""
    keyed_from: int | None = None  # the first keyed entry; None: the chain is not keyed yet
    head: AuditHead | None = None  # the newest entry
    # the newest entry binding each row, from the keyed part: for bindings.check_rows
    bound: dict[str, Bound] = field(default_factory=dict, compare=False, repr=False)
    # every entry holds (the problem, if any, is the chain's length): ``bound`` is complete
    complete: bool = True

    @property
    def ok(self) -> bool:
        return self.broken_at is None

    def describe(self) -> str:
        if self.ok:
            keyed = (
                f", keyed from entry {self.keyed_from}"
                if self.keyed_from is not None and self.checked >= self.keyed_from
                else ", not keyed yet"
            )
            return f"audit log intact: {self.checked} entries{keyed}"
        return (
            f"audit log broken at entry {self.broken_at}: {self.reason} "
            f"({self.checked} entries before it are intact)"
        )


_COLUMNS = [
    AuditEntry.seq,
    AuditEntry.at,
    AuditEntry.actor,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.details,
    AuditEntry.binds,
    AuditEntry.prev_hash,
    AuditEntry.hash,
]


def verify(session: Session) -> ChainReport:
    """Walk the chain in order and report the first entry that does not hold: unkeyed entries
    by their hash, keyed ones by their MAC under the station's key; then the chain's length
    against the head marker."""
    folder = folder_of(session)
    try:
        key = read_key(folder) if folder is not None else _memory_keys.get(id(session.get_bind()))
    except AuditKeyError as exc:
        return ChainReport(0, 1, str(exc))
    keyed_from = key.keyed_from if key is not None else None
    marker = read_head(folder) if folder is not None else None
    marker_path = folder / HEAD_FILE if folder is not None else None
    bound: dict[str, Bound] = {}
    expected_seq, prev = 1, GENESIS
    at_marker: str | None = None

    cut: tuple[int, str] | None = None

    def broken(seq: int, reason: str) -> ChainReport:
        return ChainReport(expected_seq - 1, seq, reason, keyed_from, None, bound, False)

    rows = session.execute(
        select(*_COLUMNS).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    )
    for r in rows:
        if r.seq != expected_seq:
            return broken(expected_seq, f"entry {expected_seq} is missing")
        if r.prev_hash != prev:
            return broken(r.seq, "does not follow the entry before it")
        fields = {
            "seq": r.seq,
            "at": r.at,
            "actor": r.actor,
            "action": r.action,
            "entity": r.entity,
            "details": r.details,
            "prev_hash": r.prev_hash,
        }
        if key is not None and keyed_from is not None and r.seq >= keyed_from:
            if r.seq == keyed_from and r.action != KEYED:
                return broken(
                    r.seq,
                    f"the keyed part of the chain starts here, but this is a {r.action!r} "
                    f"entry, not {KEYED!r}: the entries were replaced",
                )
            if keyed_hash(key, binds=r.binds, **fields) != r.hash:
                return broken(
                    r.seq,
                    "its content was changed after it was written (its MAC does not match "
                    "the station's audit key)",
                )
            if r.action == CUT and cut is None:  # reported; the entries after it still count
                found = r.details or {}
                cut = (
                    r.seq,
                    f"the station found the log cut back here: it ended at entry "
                    f"{found.get('log_ended_at')} while its head marker recorded entry "
                    f"{found.get('marker_seq')}: newest entries were removed",
                )
            for name, digest in (r.binds or {}).items():
                bound[name] = Bound(str(digest), r.seq, r.action)
        elif entry_hash(**fields) != r.hash:
            if r.action == KEYED:
                where = key.path if key is not None else folder
                return broken(
                    r.seq,
                    f"it starts a keyed part of the chain, but the audit key ({where}) that "
                    "keyed it is missing or was replaced: nothing from here on can be checked",
                )
            return broken(r.seq, "its content was changed after it was written")
        if marker is not None and r.seq == marker.seq:
            at_marker = r.hash
        prev, expected_seq = r.hash, expected_seq + 1
    last = expected_seq - 1
    head = AuditHead(last, prev) if last else None

    def short(seq: int, reason: str) -> ChainReport:
        return ChainReport(last, seq, reason, keyed_from, head, bound)

    if cut is not None:
        return ChainReport(cut[0] - 1, cut[0], cut[1], keyed_from, head, bound)

    if keyed_from is not None and last < keyed_from - 1:
        return short(
            last + 1,
            f"the log ends at entry {last}, but it had {keyed_from - 1} entries when its key "
            "was made: the newest entries were removed",
        )
    if marker is not None:
        if marker.seq > last:
            return short(
                last + 1,
                f"the log ends at entry {last}, but its head marker ({marker_path}) "
                f"recorded entry {marker.seq}: the newest {marker.seq - last} entries "
                "were removed",
            )
        if at_marker != marker.mac:
            return short(
                marker.seq,
                "it is not the entry the head marker recorded: the entries from here on "
                "were replaced",
            )
    elif folder is not None and keyed_from is not None and last >= keyed_from:
        return short(
            last + 1,
            f"the head marker ({marker_path}) is missing, so removed newest entries would not show",
        )
    return ChainReport(last, None, "", keyed_from, head, bound)


@dataclass(frozen=True, slots=True)
class TamperReport:
    """The chain, then the rows it binds: what ``station audit verify`` reports."""

    chain: ChainReport
    rows: tuple[RowFinding, ...]

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.rows

    def lines(self) -> list[str]:
        """One line per problem, the chain's state first; a last line sums the rows up."""
        out = [self.chain.describe()]
        out += [finding.message for finding in self.rows]
        if not self.chain.complete:
            out.append(
                f"rows recorded from entry {self.chain.broken_at} on are not checked: "
                "the chain does not hold there"
            )
        if self.rows:
            out.append(f"{len(self.rows)} row(s) do not match the audit log")
        return out


def check(session: Session, tables: frozenset[Table] = ALL_TABLES) -> TamperReport:
    """The chain, and every protected row of ``tables`` against the entry that recorded it."""
    chain = verify(session)
    return TamperReport(
        chain, tuple(check_rows(session, chain.bound, tables, unrecorded=chain.complete))
    )
