"""Each station's audit log, anchored: the newest entry it sent with its events.

A bench holds its audit key, so on the bench alone a determined insider could rewrite the log
and its MACs. What was sent cannot be taken back: central keeps the highest head each station
sent; the station's ``audit verify`` compares its log with it. A head lower than the one kept,
or the same number with another MAC, is never taken, and logged: that log was cut or rewritten.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session

from central.db.models import Station
from station.protocol.wire import AnchorState, AuditAnchor

log = logging.getLogger(__name__)


def anchor(session: Session, station_id: str, head: AuditAnchor, now: datetime) -> None:
    row = session.get(Station, station_id)
    if row is None:
        return
    if row.anchor_seq is not None and row.anchor_mac is not None:
        if head.seq < row.anchor_seq or (head.seq == row.anchor_seq and head.mac != row.anchor_mac):
            log.warning(
                "station %s sent audit head %d, behind or unlike the anchored %d: its audit "
                "log was cut or rewritten",
                station_id,
                head.seq,
                row.anchor_seq,
            )
            return
        if head.seq == row.anchor_seq:
            return
    row.anchor_seq, row.anchor_mac, row.anchored_at = head.seq, head.mac, now
    session.flush()


def anchor_of(session: Session, station_id: str) -> AnchorState:
    row = session.get(Station, station_id)
    if row is None or row.anchor_seq is None or row.anchor_mac is None:
        return AnchorState(anchor=None, anchored_at=None)
    return AnchorState(
        anchor=AuditAnchor(seq=row.anchor_seq, mac=row.anchor_mac), anchored_at=row.anchored_at
    )
