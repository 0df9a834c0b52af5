"""Structured logs: with CENTRAL_LOG_FORMAT=json every line a collector reads is one object."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.central.client import Api, sha
from tests.central.servers import CentralServer, central_server
from tests.central.test_cli import central


@pytest.fixture(scope="module")
def json_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    folder = tmp_path_factory.mktemp("json-logs")
    with central_server(data_dir=folder, env={"CENTRAL_LOG_FORMAT": "json"}) as server:
        yield server


def records(server: CentralServer) -> list[dict[str, Any]]:
    lines = [line for line in server.log_path.read_text().splitlines() if line.strip()]
    return [json.loads(line) for line in lines]  # fails on any line that is not JSON


def test_every_line_is_an_object_with_time_level_logger_and_process(
    json_central: CentralServer,
) -> None:
    with Api(json_central) as api:
        api.register()
        photo = os.urandom(5000)
        assert api.put_blob(photo).status_code == 201
    logged = records(json_central)
    assert logged and all(
        {"time", "level", "logger", "pid", "message"} <= set(entry) for entry in logged
    )
    stored = [e for e in logged if sha(photo) in e.get("blobs", [])]
    assert stored and stored[0]["station"] == api.station_id and stored[0]["bytes"] == 5000
    access = [e for e in logged if e["logger"] == "uvicorn.access"]
    assert any(
        e["method"] == "PUT" and e["path"] == f"/v1/blobs/{sha(photo)}" and e["status"] == 201
        for e in access
    )


def test_hostile_text_stays_inside_its_field(json_central: CentralServer) -> None:
    with Api(json_central) as api:
        # a path that decodes to a quote, a line break and a forged record
        assert api.http.get("/v1/nothing%22%0A%7B%22level%22:%22critical%22%7D").status_code == 404
    logged = records(json_central)
    assert all(entry["level"] in ("debug", "info", "warning", "error") for entry in logged)
    # the path is logged as sent, still quoted: no line break reaches the log
    assert any(
        entry.get("path") == "/v1/nothing%22%0A%7B%22level%22:%22critical%22%7D" for entry in logged
    )


def test_an_unknown_log_format_is_refused(tmp_path: Path) -> None:
    result = central("migrate", "--data-dir", str(tmp_path), env={"CENTRAL_LOG_FORMAT": "xml"})
    assert result.returncode == 2
    assert "log format 'xml'" in result.stderr and "Traceback" not in result.stderr
