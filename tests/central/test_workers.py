"""``central serve --workers N``: N processes answer on one address, a worker that dies is
replaced, /metrics counts them all, and a stop ends every one of them."""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.central.servers import CentralServer, create_database, wait_until
from tests.security.test_tls import certificates


def workers_of(server: CentralServer) -> list[int]:
    assert server.process is not None
    pid = server.process.pid
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def health_on_a_new_connection(server: CentralServer) -> int:
    with httpx.Client(base_url=server.base_url, timeout=30) as fresh:
        return fresh.get("/v1/health").status_code


def health_count(server: CentralServer) -> float:
    scrape = httpx.get(
        f"{server.base_url}/metrics",
        timeout=30,
        headers={"Authorization": f"Bearer {server.admin_token}"},
    )
    assert scrape.status_code == 200, scrape.text
    found = re.findall(
        r'^central_http_requests_total\{method="GET",route="/v1/health",status="200"\} (\S+)$',
        scrape.text,
        re.M,
    )
    return sum(float(n) for n in found)


@pytest.fixture
def two_workers(postgres_url: str, tmp_path: Path) -> Iterator[CentralServer]:
    server = CentralServer(
        create_database(postgres_url), (tmp_path / "blobs").as_uri(), tmp_path, workers=2
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_two_workers_answer_on_one_port_and_metrics_count_both(
    two_workers: CentralServer,
) -> None:
    wait_until(lambda: len(workers_of(two_workers)) == 2, 30, "two workers")
    asked = 40
    assert all(health_on_a_new_connection(two_workers) == 200 for _ in range(asked))
    # a scrape reaches one worker; it reports what every worker answered
    assert health_count(two_workers) >= asked


def test_a_worker_killed_is_replaced_and_the_other_answers_meanwhile(
    two_workers: CentralServer,
) -> None:
    wait_until(lambda: len(workers_of(two_workers)) == 2, 30, "two workers")
    first, second = workers_of(two_workers)
    os.kill(first, signal.SIGKILL)
    assert health_on_a_new_connection(two_workers) == 200
    wait_until(
        lambda: len(now := workers_of(two_workers)) == 2 and first not in now,
        30,
        "the killed worker to be replaced",
    )
    assert second in workers_of(two_workers)
    assert all(health_on_a_new_connection(two_workers) == 200 for _ in range(10))


def test_a_stop_ends_every_worker(two_workers: CentralServer) -> None:
    wait_until(lambda: len(workers_of(two_workers)) == 2, 30, "two workers")
    children = workers_of(two_workers)
    assert two_workers.process is not None
    supervisor = two_workers.process
    supervisor.terminate()
    assert supervisor.wait(timeout=30) == 0
    two_workers.process = None
    wait_until(lambda: not any(alive(pid) for pid in children), 30, "every worker to end")
    with pytest.raises(httpx.ConnectError):
        health_on_a_new_connection(two_workers)


def test_workers_end_when_their_supervisor_is_killed(two_workers: CentralServer) -> None:
    wait_until(lambda: len(workers_of(two_workers)) == 2, 30, "two workers")
    children = workers_of(two_workers)
    two_workers.kill()  # SIGKILL: the supervisor cannot pass anything on
    wait_until(lambda: not any(alive(pid) for pid in children), 30, "every worker to end")
    with pytest.raises(httpx.ConnectError):
        health_on_a_new_connection(two_workers)


def test_workers_serve_tls_with_the_certificate_given(postgres_url: str, tmp_path: Path) -> None:
    ca, cert, key = certificates(tmp_path)
    env = {"CENTRAL_TLS_CERT_FILE": str(cert), "CENTRAL_TLS_KEY_FILE": str(key)}
    server = CentralServer(
        create_database(postgres_url),
        (tmp_path / "blobs").as_uri(),
        tmp_path / "central",
        env=env,
        ca_file=ca,
        workers=2,
    )
    server.start()
    trusting = ssl.create_default_context(cafile=str(ca))
    try:
        for _ in range(10):
            with httpx.Client(base_url=server.base_url, verify=trusting, timeout=30) as fresh:
                assert fresh.get("/v1/health").status_code == 200
        with pytest.raises(httpx.ConnectError):  # a client that does not know the CA
            httpx.get(f"{server.base_url}/v1/health", timeout=30)
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("options", "why"),
    [
        (["--workers", "2"], "--workers needs PostgreSQL"),
        (["--workers", "0"], "--workers must be at least 1"),
    ],
)
def test_workers_are_refused_where_they_cannot_work(
    tmp_path: Path, options: list[str], why: str
) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "central", "serve", "--data-dir", str(tmp_path), *options],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, CENTRAL_DATABASE_URL=f"sqlite:///{tmp_path / 'central.db'}"),
    )
    assert run.returncode == 2
    assert why in run.stderr
