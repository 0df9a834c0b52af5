"""Wrong PINs at one station lock the badge at every station, through central."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from station import app
from station.security.users import BadCredentials, BadgeLocked
from tests.central.servers import CentralServer
from tests.sync.conftest import enrolled, open_synced


def test_wrong_pins_at_one_bench_lock_the_badge_at_the_next(
    synced: app.Station, central: CentralServer, demo_template: Path, tmp_path: Path
) -> None:
    badge = f"I{uuid.uuid4().int % 10**6:06d}"
    grant = {"badge_id": badge, "display_name": "孙新", "role": "inspector", "pin": "5791"}
    issued = central.as_admin("/v1/users", grant)
    assert issued.status_code == 201, issued.text
    code = issued.json()["badge_code"]
    data = tmp_path / "second"
    shutil.copytree(demo_template, data)
    second = open_synced(data, central.base_url, *enrolled(central))
    try:
        synced.sync.sync_once()
        second.sync.sync_once()
        assert second.auth.login(code, "5791").badge_id == badge  # it works there
        for _ in range(4):
            with pytest.raises(BadCredentials):
                synced.auth.login(code, "0000")
        with pytest.raises(BadgeLocked):
            synced.auth.login(code, "0000")
        synced.sync.sync_once()  # the wrong PINs reach central, which locks the badge
        second.sync.sync_once()  # and every station hears of the lock
        with pytest.raises(BadgeLocked):
            second.auth.login(code, "5791")
    finally:
        second.close()
