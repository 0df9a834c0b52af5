from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.capture.debounce import Debouncer
from station.capture.decoders import Decoded

BOX = ((0, 0), (1, 0), (1, 1), (0, 1))


def code(text: str, symbology: str = "code128") -> Decoded:
    return Decoded(symbology, text, BOX, "zxing")


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_a_code_seen_in_frame_after_frame_fires_once() -> None:
    clock = Clock()
    debouncer: Debouncer[Decoded] = Debouncer(1.5, clock=clock)
    fired = []
    for _ in range(90):  # three seconds of a parcel under the camera at 30 fps
        fired += debouncer.feed([code("RMA20261120000001")])
        clock.t += 1 / 30
    assert [c.text for c in fired] == ["RMA20261120000001"]


def test_missed_frames_do_not_make_a_second_scan() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5)
    assert debouncer.feed(["A"], now=0.0) == ["A"]
    assert debouncer.feed([], now=0.5) == []  # a hand passed over it
    assert debouncer.feed(["A"], now=1.0) == []  # back within 1.5 s of last seen
    assert debouncer.feed([], now=1.5) == []
    assert debouncer.feed(["A"], now=2.4) == []


def test_a_code_away_long_enough_fires_again() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5)
    assert debouncer.feed(["A"], now=0.0) == ["A"]
    assert debouncer.feed(["A"], now=1.0) == []
    assert debouncer.feed(["A"], now=2.6) == ["A"]  # gone for 1.6 s: the parcel came back


def test_the_same_text_in_two_symbologies_is_one_scan() -> None:
    debouncer: Debouncer[Decoded] = Debouncer()
    frame = [code("RMA1", "code128"), code("RMA1", "qr"), code("SF1402318765432")]
    assert [c.key for c in debouncer.feed(frame, now=0)] == [
        ("code128", "RMA1"),
        ("code128", "SF1402318765432"),
    ]


def test_each_code_is_debounced_on_its_own() -> None:
    debouncer: Debouncer[str] = Debouncer(1.0)
    assert debouncer.feed(["A"], now=0) == ["A"]
    assert debouncer.feed(["A", "B"], now=0.5) == ["B"]
    assert debouncer.feed(["B"], now=1.2) == []
    assert debouncer.feed(["A", "B"], now=1.7) == ["A"]


def test_a_clock_that_goes_back_starts_over() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5)
    assert debouncer.feed(["A"], now=20.0) == ["A"]
    assert debouncer.feed(["A"], now=0.0) == ["A"]  # a looping clip's timestamps restart


def test_reset_forgets() -> None:
    debouncer: Debouncer[str] = Debouncer()
    debouncer.feed(["A"], now=0)
    debouncer.reset()
    assert debouncer.feed(["A"], now=0.1) == ["A"]


def test_zero_quiet_time_fires_whenever_a_frame_passes_without_it() -> None:
    debouncer: Debouncer[str] = Debouncer(0)
    assert debouncer.feed(["A"], now=0) == ["A"]
    assert debouncer.feed(["A"], now=0) == []
    assert debouncer.feed(["A"], now=0.01) == ["A"]


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Debouncer(-1)


def test_many_threads_feeding_one_code_fire_it_once() -> None:
    debouncer: Debouncer[str] = Debouncer(60)
    fired: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(200):
            got = debouncer.feed(["A"])
            with lock:
                fired.extend(got)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fired == ["A"]


@given(
    gaps=st.lists(st.floats(min_value=0.0, max_value=5.0, allow_nan=False), max_size=60),
    quiet=st.floats(min_value=0.1, max_value=3.0),
)
def test_fires_once_per_visit(gaps: list[float], quiet: float) -> None:
    """Sightings separated by more than ``quiet`` are separate visits; each fires once."""
    debouncer: Debouncer[str] = Debouncer(quiet)
    t, fired, visits = 0.0, 0, 1
    fired += len(debouncer.feed(["A"], now=t))
    for gap in gaps:
        before, t = t, t + gap
        visits += t - before > quiet
        fired += len(debouncer.feed(["A"], now=t))
    assert fired == visits


def test_memory_stays_small_however_many_codes_pass() -> None:
    debouncer: Debouncer[str] = Debouncer(1.0)
    for n in range(10_000):
        debouncer.feed([f"SF{n:013d}"], now=n * 0.5)
    assert len(debouncer) <= 3
