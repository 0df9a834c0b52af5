"""While an inspection is open at the bench, a camera that can hold its picture holds it.

The demo camera films parcel after parcel; a recording does the same. Left playing while an
inspector works through a checklist, it would bring the next parcel into view every few
seconds: pointed out again and again, decoded for nothing. So the picture is held from the
moment an inspection opens until it is completed, cancelled, or the bench is cleared (logout),
and the clip goes on from where it stopped. A webcam cannot hold its picture and is left as
it is: the session already keeps a camera code from switching parcels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from station.bench.session import BenchEvents
from station.workflow import Completion, InspectionStarted, ScanOutcome


class Holdable(Protocol):
    """A camera that may be able to hold its picture (live scanning's ``pause``)."""

    def pause(self) -> object: ...

    def resume(self) -> None: ...


def hold_camera_while_open(events: BenchEvents, camera: Holdable) -> Callable[[], None]:
    """Pause ``camera`` while the bench has an inspection open; returns the disconnect."""

    def parcel(on_bench: ScanOutcome | Completion | None) -> None:
        if isinstance(on_bench, InspectionStarted):
            camera.pause()
        else:  # completed, cancelled, cleared, or a parcel that opens no inspection
            camera.resume()

    return events.parcel.connect(parcel)
