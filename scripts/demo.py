"""``make run``: a local central service on loopback, then the station with demo data, the demo
camera and sync to that service. Closing the station stops the service.

The service keeps its data beside the station's (``<data>/demo-central``); both live in the
platform's data folder unless ``--data-dir`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from station.config import default_data_dir


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the central service stopped (exit {process.returncode})")
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the central service did not start within a minute")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--no-central", action="store_true", help="work offline only")
    args, station_args = parser.parse_known_args()
    data: Path = args.data_dir
    central_dir = data / "demo-central"
    central_dir.mkdir(parents=True, exist_ok=True)
    key_file = central_dir / "enrollment.key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(24))
        key_file.chmod(0o600)
    key = key_file.read_text().strip()
    env = dict(os.environ)
    central: subprocess.Popen[bytes] | None = None
    if not args.no_central:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = (central_dir / "central.log").open("ab")
        central = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "central",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--data-dir",
                str(central_dir),
            ],
            env=dict(env, CENTRAL_ENROLLMENT_KEY=key),
            stdout=log,
            stderr=log,
        )
        wait_healthy(url, central)
        sys.stdout.write(f"central service: {url} (log: {central_dir / 'central.log'})\n")
        # a new service each run on a new port: the station registers again with the key
        (data / "central-token").unlink(missing_ok=True)
        env.update(STATION_CENTRAL_URL=url, STATION_CENTRAL_ENROLLMENT_KEY=key)
    try:
        return subprocess.call(
            [
                sys.executable,
                "-m",
                "station",
                "--data-dir",
                str(data),
                "run",
                "--demo",
                *station_args,
            ],
            env=env,
        )
    finally:
        if central is not None:
            central.terminate()
            try:
                central.wait(timeout=10)
            except subprocess.TimeoutExpired:
                central.kill()


if __name__ == "__main__":
    sys.exit(main())
