"""``station sync --once`` as a child process started from a pre-loaded fork server, so a test
can start (and SIGKILL) dozens of real station processes without paying the imports each time."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import ForkServerContext
from pathlib import Path


def run_sync(data: str, url: str, key: str, station_id: str) -> None:
    os.environ.update(
        STATION_CENTRAL_URL=url, STATION_CENTRAL_ENROLMENT_CODE=key, STATION_STATION_ID=station_id
    )
    from station.cli import main

    raise SystemExit(
        main(["--data-dir", data, "--config", str(Path(data) / "none.toml"), "sync", "--once"])
    )


def fork_server() -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    assert isinstance(context, ForkServerContext)
    context.set_forkserver_preload(["station.cli", "tests.sync.sync_child"])
    return context
