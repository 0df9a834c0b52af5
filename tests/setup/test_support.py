"""The support bundle: what the support desk needs, and nothing that must stay at the station."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station import app
from station.config import DataPaths
from station.demo.orders import generate_orders
from station.demo.users import DEMO_USERS
from station.setup import config_file
from station.setup.support import scrub, write_support_bundle
from tests.conftest import DEMO_ORDERS, TODAY, make_settings

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
TOKEN = "tok-3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
KEY = "EN-K7QX2M4PZR6TVW3YB5NA"
BADGE_SECRET = "Q3X7M2KZP4R6TAV2W5Y7Z3B6NA"
STORED_TOKEN = "stored-token-9f8e7d6c5b4a39281706"


def bundle_text(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}


@pytest.fixture
def busy_station(tmp_path: Path, demo_template: Path) -> tuple[app.Station, Path]:
    """A demo station with secrets in its settings and in its logs, as a real one has."""
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    config = tmp_path / "station.toml"
    config_file.save(
        config,
        {
            "station_id": "ST-HZ01",
            "central_url": "http://central:8765",
            "central_token": TOKEN,
            "central_enrolment_code": KEY,
        },
    )
    (data / "central-token").write_text(STORED_TOKEN)
    logs = DataPaths(data).ensure().logs
    with sqlite3.connect(data / "station.db") as connection:
        pin_hash = connection.execute("SELECT pin_hash FROM users LIMIT 1").fetchone()[0]
    (logs / "station.log").write_text(
        "2026-11-22 INFO sync: POST /v1/events Authorization: Bearer " + TOKEN + "\n"
        f"2026-11-22 INFO enrol: registering with {KEY}\n"
        f"2026-11-22 DEBUG login: badge RSB1-S9001-{BADGE_SECRET} scanned\n"
        f"2026-11-22 DEBUG users: loaded {pin_hash}\n"
        f"2026-11-22 INFO sync: token {STORED_TOKEN} kept\n"
        "2026-11-22 WARNING manifest: row 7: bad phone 13812345678 for customer\n"
        "2026-11-22 WARNING manifest: row 8: landline 010-62345678, abroad +44 7700 900123\n"
        "2026-11-22 INFO bench: inspection completed RMA20261023000001 grade A\n",
        encoding="utf-8",
    )
    (logs / "station.log.1").write_bytes(b"older \xff\xfe line with bad bytes\n")
    settings = make_settings(
        data, station_id="ST-HZ01", central_token=TOKEN, central_enrolment_code=KEY
    )
    station = app.open_station(settings)
    yield station, config
    station.close()


def test_the_bundle_has_what_support_needs(
    busy_station: tuple[app.Station, Path], tmp_path: Path
) -> None:
    station, config = busy_station
    report = write_support_bundle(
        tmp_path / "support.zip",
        settings=station.settings,
        config_path=config,
        paths=station.paths,
        now=NOW,
    )
    files = bundle_text(report.path)
    assert set(files) >= {
        "README.txt",
        "versions.json",
        "settings.json",
        "database.json",
        "storage.json",
        "logs/station.log",
        "logs/station.log.1",
    }
    assert report.integrity == "ok"
    database = json.loads(files["database.json"])
    assert database["integrity_check"] == "ok"
    assert database["audit_chain"]["ok"] is True
    assert database["audit_chain"]["entries_checked"] > 0
    assert database["rows"]["returns"] == DEMO_ORDERS
    assert database["schema_revision"]
    versions = json.loads(files["versions.json"])
    assert versions["PySide6"].startswith("6.")
    settings = json.loads(files["settings.json"])
    assert settings["in_force"]["station_id"] == "ST-HZ01"
    assert settings["file"]["central_url"] == "http://central:8765"
    # the log lines support needs are still there, only their secrets are gone
    assert "inspection completed RMA20261023000001 grade A" in files["logs/station.log"]
    assert "Bearer <removed>" in files["logs/station.log"]


def test_the_bundle_holds_no_pin_hashes_tokens_or_customer_data(
    busy_station: tuple[app.Station, Path], tmp_path: Path
) -> None:
    station, config = busy_station
    report = write_support_bundle(
        tmp_path / "support.zip",
        settings=station.settings,
        config_path=config,
        paths=station.paths,
        now=NOW,
    )
    everything = "\n".join(bundle_text(report.path).values())
    with sqlite3.connect(station.paths.database) as connection:
        pin_hashes = [r[0] for r in connection.execute("SELECT pin_hash FROM users")]
        masked = [r[0] for r in connection.execute("SELECT customer_masked FROM returns")]
    forbidden = [TOKEN, KEY, STORED_TOKEN, BADGE_SECRET, "$argon2", "13812345678", *pin_hashes]
    forbidden += ["62345678", "7700 900123"]
    staff = {name for _badge, name, _role, _pin in DEMO_USERS}
    for order in generate_orders(DEMO_ORDERS, today=TODAY):
        forbidden.append(order["customer_phone"])
        if order["customer_name"] not in staff:
            forbidden.append(order["customer_name"])
    forbidden += [m for m in masked if len(m) > 3]
    leaks = [value for value in forbidden if value and value in everything]
    assert leaks == []


def test_a_bundle_is_written_whole_or_not_at_all(
    busy_station: tuple[app.Station, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station, config = busy_station
    out = tmp_path / "out" / "support.zip"

    def broken(*_args: object, **_kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("station.setup.support.scrub", broken)
    with pytest.raises(OSError, match="No space"):
        write_support_bundle(
            out, settings=station.settings, config_path=config, paths=station.paths, now=NOW
        )
    assert list(out.parent.iterdir()) == []


def test_a_damaged_database_is_reported_not_hidden(tmp_path: Path) -> None:
    data = tmp_path / "data"
    station = app.open_station(make_settings(data))
    station.close()
    raw = bytearray((data / "station.db").read_bytes())
    for page in range(2, len(raw) // 4096, 3):  # damage every third page past the schema
        raw[page * 4096 + 8 : page * 4096 + 48] = b"garbage!" * 5
    (data / "station.db").write_bytes(bytes(raw))
    report = write_support_bundle(
        tmp_path / "s.zip",
        settings=make_settings(data),
        config_path=tmp_path / "none.toml",
        paths=DataPaths(data),
        now=NOW,
    )
    assert report.integrity != "ok"
    assert json.loads(bundle_text(report.path)["database.json"])["integrity_check"] != "ok"


def test_scrub_removes_what_looks_like_a_secret() -> None:
    line = (
        "pin=$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA user 18612345678, order "
        "808129322734854035, Authorization: bearer abc.def-ghi"
    )
    cleaned = scrub(line, ["abc.def-ghi"])
    assert "$argon2" not in cleaned and "18612345678" not in cleaned and "abc.def" not in cleaned
    assert "186****5678" in cleaned  # masked as the store masks it
    assert "808129322734854035" in cleaned  # an 18-digit order no. is not a phone


def test_scrub_masks_landlines_and_international_numbers_but_not_ids() -> None:
    line = (
        "call 010-62345678 or +44 7700 900123 about RMA20261105000001 (SF6608565178836), "
        "refund 199.00 on 2026-11-05 14:59:37"
    )
    assert scrub(line) == (
        "call 010-****5678 or +44 7*** **0123 about RMA20261105000001 (SF6608565178836), "
        "refund 199.00 on 2026-11-05 14:59:37"
    )
