"""The worker thread: rounds until stopped, early when woken, never ended by one bad round."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from station.runtime.backoff import Backoff
from station.runtime.worker import FINISHED, Finished, Worker, WorkerState

WAIT = 10.0  # seconds; a deadline for a thread to get somewhere, never a pause
HOUR = 3600.0
QUICK_RETRY = Backoff(0.001, 0.001, jitter=False)


class Rounds:
    """A step that counts its rounds and lets the test wait for the n-th."""

    def __init__(self, pause: float | None = HOUR) -> None:
        self.pause = pause
        self.count = 0
        self.threads: list[str] = []
        self._cond = threading.Condition()

    def __call__(self) -> float | Finished | None:
        with self._cond:
            self.count += 1
            self.threads.append(threading.current_thread().name)
            self._cond.notify_all()
        return self.pause

    def wait_for(self, count: int) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self.count >= count, WAIT)


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    made: list[Worker] = []
    yield made
    for worker in made:
        worker.stop(WAIT)


def test_rounds_run_on_the_named_thread_until_stopped_and_stop_joins(
    workers: list[Worker],
) -> None:
    rounds = Rounds(pause=0.0)
    worker = Worker("test-rounds", rounds)
    workers.append(worker)
    assert worker.state is WorkerState.NEW
    worker.start()
    assert worker.state is WorkerState.RUNNING
    assert rounds.wait_for(50)
    assert worker.stop(WAIT)
    assert not worker.alive and worker.state is WorkerState.STOPPED
    assert set(rounds.threads) == {"test-rounds"}


def test_stop_cuts_a_long_pause_short(workers: list[Worker]) -> None:
    rounds = Rounds(pause=HOUR)
    worker = Worker("test-pause", rounds)
    workers.append(worker)
    worker.start()
    assert rounds.wait_for(1)
    assert worker.stop(WAIT)
    assert rounds.count == 1


@pytest.mark.parametrize("pause", [HOUR, None])
def test_wake_runs_the_next_round_early(workers: list[Worker], pause: float | None) -> None:
    rounds = Rounds(pause=pause)
    worker = Worker("test-wake", rounds)
    workers.append(worker)
    worker.start()
    assert rounds.wait_for(1)
    worker.wake()
    assert rounds.wait_for(2)
    worker.wake()
    assert rounds.wait_for(3)


def test_a_round_that_raises_is_logged_and_the_worker_carries_on(
    workers: list[Worker], caplog: pytest.LogCaptureFixture
) -> None:
    rounds = Rounds(pause=0.0)

    def sometimes_broken() -> float | Finished | None:
        pause = rounds()
        if rounds.count == 1:
            raise RuntimeError("printer driver bug")
        return pause

    worker = Worker("test-errors", sometimes_broken, error_backoff=QUICK_RETRY)
    workers.append(worker)
    with caplog.at_level(logging.ERROR):
        worker.start()
        assert rounds.wait_for(3)
    assert worker.alive
    assert "test-errors: a round failed" in caplog.text and "printer driver bug" in caplog.text


def test_errors_in_a_row_are_paced_by_the_backoff_until_a_round_works() -> None:
    rounds = Rounds()
    retry = Backoff(0.001, 0.001, jitter=False)
    failures_seen: list[int] = []

    def flaky() -> float | Finished | None:
        rounds()
        failures_seen.append(retry.failures)
        if rounds.count <= 3:
            raise OSError("disk gone")
        return HOUR

    worker = Worker("test-backoff", flaky, error_backoff=retry)
    worker.start()
    assert rounds.wait_for(4)
    assert worker.stop(WAIT)
    assert failures_seen == [0, 1, 2, 3]  # each failed round counted
    assert retry.failures == 0  # and the round that worked started the count over


def test_a_finished_worker_ends_with_its_hooks_on_its_own_thread() -> None:
    seen: list[tuple[str, str]] = []

    def once() -> Finished:
        seen.append(("round", threading.current_thread().name))
        return FINISHED

    worker = Worker(
        "test-once",
        once,
        on_start=lambda: seen.append(("start", threading.current_thread().name)),
        on_exit=lambda: seen.append(("exit", threading.current_thread().name)),
    )
    worker.start()
    assert worker.join(WAIT)
    assert worker.state is WorkerState.STOPPED
    assert seen == [("start", "test-once"), ("round", "test-once"), ("exit", "test-once")]


def test_a_worker_runs_once() -> None:
    worker = Worker("test-life", Rounds())
    worker.start()
    with pytest.raises(RuntimeError, match="already started"):
        worker.start()
    assert worker.stop(WAIT)
    with pytest.raises(RuntimeError, match="already started"):
        worker.start()


def test_stopping_a_worker_that_never_started_is_harmless() -> None:
    worker = Worker("test-never", Rounds())
    assert worker.stop(WAIT)
    assert worker.state is WorkerState.STOPPED and worker.join(0)
    with pytest.raises(RuntimeError):
        worker.start()


def test_a_round_may_stop_its_own_worker() -> None:
    rounds = Rounds(pause=0.0)
    holder: list[Worker] = []

    def stop_myself() -> float | Finished | None:
        rounds()
        assert not holder[0].stop(WAIT)  # it only asks: joining itself would hang
        assert holder[0].stopping
        return 0.0

    worker = Worker("test-self-stop", stop_myself)
    holder.append(worker)
    worker.start()
    assert worker.join(WAIT)
    assert rounds.count == 1


def test_a_long_round_sees_that_it_should_give_up(workers: list[Worker]) -> None:
    started = threading.Event()
    holder: list[Worker] = []

    def long_round() -> float | Finished | None:
        started.set()
        frames = 0
        while not holder[0].stopping:  # e.g. filming frame after frame
            frames += 1
        return 0.0

    worker = Worker("test-long", long_round)
    holder.append(worker)
    worker.start()
    assert started.wait(WAIT)
    assert worker.stop(WAIT)
