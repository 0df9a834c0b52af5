"""Holds on evidence: a dispute keeps the originals of its inspection at the station that
recorded them.

Only that station has the original clip files, and its retention deletes them once their
window is over. A hold is published to that station's warehouse alone (every bench of the
warehouse gets it; the one with the clips applies it, the others skip it) and lifted the same
way. The hold itself is the point, so its reason is made to fit rather than refused: white
space of any kind becomes one space, characters that are not printable are dropped, and it is
cut to what the protocol carries.

A station refuses a page of changes with a kind it does not know, whole: the benches of a
warehouse must run a build that knows ``hold`` before the first hold is published for it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from pydantic import ValidationError
from sqlalchemy.orm import Session

from central.db.models import InspectionRecord
from central.services import changes
from central.services.errors import Invalid, NotFound
from central.services.stations import warehouse_of
from station.protocol.wire import ChangeKind, EvidenceHold

MAX_REASON: Final = 200  # EvidenceHold.reason


def publish_hold(
    session: Session,
    inspection_id: str,
    *,
    held: bool,
    reason: str,
    dispute_id: str,
    now: datetime,
) -> int:
    """Tell the station that recorded ``inspection_id`` to keep its evidence past retention
    (``held``) or to stop keeping it for disputes; in the caller's transaction, and the change's
    ``seq``.

    Several disputes may hold the same inspection. The station keeps no count of them: a
    release lifts the hold whichever dispute it names, so the caller publishes ``held=False``
    only when the last dispute holding the inspection is closed, and a hold again for each one
    opened meanwhile (the station then shows the newest dispute's reason). A hold an operator
    put on a clip by hand stays whatever central says.

    Raises :class:`NotFound` for an inspection no station reported (or whose station is not
    registered: a hold is never sent to every warehouse) and :class:`Invalid` for a dispute id
    the protocol does not carry.
    """
    inspection = session.get(InspectionRecord, inspection_id)
    if inspection is None:
        raise NotFound(f"no inspection {inspection_id[:40]!r}")
    warehouse = warehouse_of(session, inspection.station_id)
    if warehouse is None:
        raise NotFound(
            f"station {inspection.station_id} of inspection {inspection_id} is not registered"
        )
    try:
        hold = EvidenceHold(
            inspection_id=inspection_id,
            held=held,
            reason=fitting(reason),
            dispute=dispute_id,
            at=now,
        )
    except ValidationError as exc:
        fields = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        raise Invalid(f"the hold cannot be published: {fields or 'malformed'}") from exc
    body = hold.model_dump(mode="json")
    return changes.publish(session, ChangeKind.HOLD, inspection_id, body, now, warehouse=warehouse)


def fitting(reason: str) -> str:
    """``reason`` as one printable line of at most :data:`MAX_REASON` characters."""
    kept = "".join(ch for ch in reason if ch.isprintable() or ch.isspace())
    return " ".join(kept.split())[:MAX_REASON].rstrip()
