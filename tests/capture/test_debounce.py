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


# -- a code held in view: ``sightings`` reads within ``within_s`` ------------------------------


def test_a_code_glimpsed_in_one_frame_never_fires() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5, sightings=2, within_s=0.6)
    fired = debouncer.feed(["6901234567892"], now=0.0)  # an item carried past the camera
    for n in range(1, 60):
        fired += debouncer.feed([], now=n / 30)
    assert fired == []


def test_a_code_held_in_view_fires_on_its_second_reading() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5, sightings=2, within_s=0.6)
    assert debouncer.feed(["RMA20261120000001"], now=0.0) == []
    assert debouncer.feed(["RMA20261120000001"], now=1 / 30) == ["RMA20261120000001"]
    for n in range(2, 60):  # and once only, however long it stays
        assert debouncer.feed(["RMA20261120000001"], now=n / 30) == []


def test_readings_further_apart_than_the_window_do_not_add_up() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5, sightings=2, within_s=0.6)
    assert debouncer.feed(["A"], now=0.0) == []
    assert debouncer.feed(["A"], now=0.7) == []  # glimpsed again, too late to count with the first
    assert debouncer.feed(["A"], now=1.0) == ["A"]  # held now


def test_one_frame_with_a_code_in_two_symbologies_is_one_reading() -> None:
    debouncer: Debouncer[Decoded] = Debouncer(1.5, sightings=2)
    assert debouncer.feed([code("RMA1", "code128"), code("RMA1", "qr")], now=0.0) == []
    assert [c.text for c in debouncer.feed([code("RMA1", "qr")], now=0.05)] == ["RMA1"]


def test_a_code_back_after_the_quiet_time_must_be_held_again() -> None:
    debouncer: Debouncer[str] = Debouncer(1.0, sightings=2, within_s=0.5)
    debouncer.feed(["A"], now=0.0)
    assert debouncer.feed(["A"], now=0.1) == ["A"]
    assert debouncer.feed(["A"], now=1.5) == []  # back after 1.4 s: a new visit, seen once
    assert debouncer.feed(["A"], now=1.6) == ["A"]


def test_pending_while_a_code_waits_for_its_second_reading_only() -> None:
    debouncer: Debouncer[str] = Debouncer(1.5, sightings=2, within_s=0.6)
    assert not debouncer.pending
    debouncer.feed(["A"], now=0.0)
    assert debouncer.pending  # the next frames decide whether it was held or glimpsed
    debouncer.feed([], now=0.7)
    assert not debouncer.pending  # a glimpse that long ago is not on its way in
    debouncer.feed(["B"], now=0.8)
    debouncer.feed(["B"], now=0.85)
    assert not debouncer.pending  # B fired


def test_steady_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Debouncer(sightings=0)
    with pytest.raises(ValueError, match="negative"):
        Debouncer(within_s=-0.1)
