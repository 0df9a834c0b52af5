"""The checks behind "test connection", the camera check and "test print", against the real
thing on loopback: a central service, a private CUPS server, a ZPL printer, a video file."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import cv2
import numpy as np
import pytest

from station import app
from station.printing.backends import CupsBackend, RawTcpBackend, cups_queues
from station.printing.file_backend import FileBackend
from station.setup.checks import (
    Outcome,
    check_camera,
    check_central,
    check_printer,
    print_check_label,
)
from tests.central.servers import CentralServer
from tests.conftest import make_settings
from tests.printing.cups_server import QUEUE, CupsServer
from tests.printing.fake_zebra import FakeZebra, closed_port


def dead_url() -> str:
    return f"http://127.0.0.1:{closed_port()}"


# -- central service -------------------------------------------------------------------------


def test_an_enrolment_code_registers_the_station_and_keeps_its_token(
    central: CentralServer, tmp_path: Path
) -> None:
    token_file = tmp_path / "central-token"
    check = check_central(
        central.base_url,
        station_id="ST-SETUP1",
        token_file=token_file,
        enrolment_code=central.enrolment_code("ST-SETUP1"),
    )
    assert check.ok, check.detail
    token = token_file.read_text()
    assert len(token) > 20
    # the kept token works on its own afterwards
    again = check_central(central.base_url, station_id="ST-SETUP1", token_file=token_file)
    assert again.ok, again.detail
    assert token_file.read_text() == token


def test_a_token_from_another_service_is_replaced_using_a_code(
    central: CentralServer, tmp_path: Path
) -> None:
    token_file = tmp_path / "central-token"
    token_file.write_text("token-issued-by-a-service-that-is-gone")
    check = check_central(
        central.base_url,
        station_id="ST-SETUP2",
        token_file=token_file,
        enrolment_code=central.enrolment_code("ST-SETUP2"),
    )
    assert check.ok, check.detail
    assert token_file.read_text() != "token-issued-by-a-service-that-is-gone"


def test_a_wrong_code_or_token_is_refused(central: CentralServer, tmp_path: Path) -> None:
    for code in ["EN-AAAAAAAAAAAAAAAAAAAA", central.enrolment_code("ST-OTHER3")]:
        refused = check_central(
            central.base_url,
            station_id="ST-SETUP3",
            token_file=tmp_path / "t1",
            enrolment_code=code,
        )
        assert refused.outcome is Outcome.REFUSED, refused.detail
        assert not (tmp_path / "t1").exists()
    token = check_central(
        central.base_url, station_id="ST-SETUP3", token_file=tmp_path / "t2", token="forged"
    )
    assert token.outcome is Outcome.REFUSED


def test_reachable_without_a_token_or_key_says_so(central: CentralServer, tmp_path: Path) -> None:
    check = check_central(central.base_url, station_id="ST-SETUP4", token_file=tmp_path / "t")
    assert check.outcome is Outcome.NO_CREDENTIALS


def test_nothing_listening_is_unreachable_within_the_time_limit(tmp_path: Path) -> None:
    check = check_central(dead_url(), station_id="ST-X1", token_file=tmp_path / "t", token="x")
    assert check.outcome is Outcome.UNREACHABLE
    assert "Connect" in check.detail


def test_something_else_answering_is_not_a_central_service(
    cups: CupsServer, tmp_path: Path
) -> None:
    check = check_central(
        f"http://{cups.server}", station_id="ST-X1", token_file=tmp_path / "t", token="x"
    )
    assert check.outcome is Outcome.NOT_CENTRAL


@pytest.mark.parametrize("url", ["central:8765", "ftp://central", "http://", "", "http://a b"])
def test_a_bad_address_is_refused_before_anything_is_sent(url: str, tmp_path: Path) -> None:
    check = check_central(url, station_id="ST-X1", token_file=tmp_path / "t", token="x")
    assert check.outcome is Outcome.BAD_VALUE


def test_a_server_that_never_answers_is_given_up_on(tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        check = check_central(
            url, station_id="ST-X1", token_file=tmp_path / "t", token="x", timeout=0.5
        )
    assert check.outcome is Outcome.UNREACHABLE


# -- camera ----------------------------------------------------------------------------------


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "bench.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30, (640, 480))
    for n in range(10):
        writer.write(np.full((480, 640, 3), 20 * n, np.uint8))
    writer.release()
    return path


def test_a_camera_that_delivers_says_its_size(clip: Path) -> None:
    check = check_camera(f"video:{clip}")
    assert check.ok
    assert "640×480" in check.detail


def test_in_demo_mode_the_default_camera_is_the_demo_clip(clip: Path, tmp_path: Path) -> None:
    station = app.open_station(make_settings(tmp_path / "data", demo=True))
    station.close()
    services = app.setup_services(
        station.settings, config_path=tmp_path / "s.toml", reload=lambda: station.settings
    )
    shutil.copyfile(clip, station.paths.root / "demo-camera.avi")
    check = services.check_camera("", 1280, 720)
    assert check.ok and "demo camera: 640×480" in check.detail
    scanner = services.preview_scanner("", 1280, 720, "zxing")
    assert scanner.reader.source.name == "demo camera"
    # without demo mode an empty setting is still the first camera
    plain = app.setup_services(
        make_settings(tmp_path / "plain"),
        config_path=tmp_path / "p.toml",
        reload=lambda: station.settings,
    )
    assert plain.default_camera is None


def test_no_camera_is_a_choice() -> None:
    assert check_camera("none").ok


@pytest.mark.parametrize(
    "spec,outcome",
    [
        ("camera:/dev/video-not-here", Outcome.NOT_FOUND),
        ("video:/no/such/file.avi", Outcome.NOT_FOUND),
        ("webcam", Outcome.BAD_VALUE),
        ("scanner:0", Outcome.BAD_VALUE),
    ],
)
def test_a_missing_or_mistyped_camera_is_named(spec: str, outcome: Outcome) -> None:
    check = check_camera(spec, timeout=2)
    assert check.outcome is outcome
    assert check.detail


def test_a_file_that_is_not_a_video_gives_no_picture(tmp_path: Path) -> None:
    fake = tmp_path / "fake.avi"
    fake.write_bytes(b"not a video at all" * 100)
    check = check_camera(f"video:{fake}", timeout=2)
    assert check.outcome in (Outcome.NOT_FOUND, Outcome.NOT_READY)
    assert not check.ok


# -- printers --------------------------------------------------------------------------------


def test_a_ready_cups_queue_passes_and_is_listed(cups: CupsServer, tmp_path: Path) -> None:
    assert QUEUE in cups_queues(cups.server)
    check = check_printer(f"cups:{QUEUE}@{cups.server}", default_folder=tmp_path)
    assert check.ok, check.detail


def test_a_stopped_or_unknown_cups_queue_is_named(cups: CupsServer, tmp_path: Path) -> None:
    missing = check_printer(f"cups:NoSuchQueue@{cups.server}", default_folder=tmp_path)
    assert missing.outcome is Outcome.NOT_FOUND
    cups.disable(QUEUE, "paper jam")
    stopped = check_printer(f"cups:{QUEUE}@{cups.server}", default_folder=tmp_path)
    assert stopped.outcome is Outcome.NOT_READY
    assert "paper jam" in stopped.detail


def test_cups_not_running_is_reported(tmp_path: Path) -> None:
    check = check_printer(f"cups:{QUEUE}@127.0.0.1:{closed_port()}", default_folder=tmp_path)
    assert check.outcome is Outcome.NOT_FOUND
    assert "not running" in check.detail


def test_a_zpl_printer_that_answers_passes_and_one_that_is_off_does_not(
    zebra: FakeZebra, tmp_path: Path
) -> None:
    assert check_printer(f"zpl:127.0.0.1:{zebra.port}", default_folder=tmp_path).ok
    off = check_printer(f"zpl:127.0.0.1:{closed_port()}", default_folder=tmp_path, timeout=1)
    assert off.outcome is Outcome.NOT_FOUND
    assert check_printer("zpl:host:port", default_folder=tmp_path).outcome is Outcome.BAD_VALUE


def test_no_printer_files_labels_in_the_data_folder(tmp_path: Path) -> None:
    check = check_printer("", default_folder=tmp_path / "labels")
    assert check.ok and (tmp_path / "labels").is_dir()
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert check_printer(f"file:{blocked}", default_folder=tmp_path).outcome is Outcome.NOT_READY


def test_a_system_printer_must_be_one_the_platform_knows(qapp: object, tmp_path: Path) -> None:
    # the one that is there passes in tests/printing/test_qprinter_backend.py, against CUPS
    gone = check_printer("qprinter:Gone", default_folder=tmp_path)
    assert gone.outcome is Outcome.NOT_FOUND and "Gone" in gone.detail


@pytest.mark.parametrize("spec", ["lpt1", "cups:", "ipp://printer", "zpl:"])
def test_a_mistyped_printer_is_refused(spec: str, tmp_path: Path) -> None:
    assert check_printer(spec, default_folder=tmp_path).outcome is Outcome.BAD_VALUE


def test_a_test_print_reaches_the_printer(
    cups: CupsServer, zebra: FakeZebra, tmp_path: Path
) -> None:
    assert print_check_label(FileBackend(tmp_path / "pdf"), "60x40").ok
    assert [p.suffix for p in (tmp_path / "pdf").iterdir()] == [".pdf"]
    assert print_check_label(RawTcpBackend("127.0.0.1", zebra.port), "100x150", "en").ok
    assert b"Label" in zebra.wait_labels(1)[0]
    assert print_check_label(CupsBackend(QUEUE, server=cups.server, timeout=10), "60x40").ok
    cups.reject(QUEUE, "queue full")
    refused = print_check_label(CupsBackend(QUEUE, server=cups.server, timeout=10), "60x40")
    assert refused.outcome is Outcome.NOT_READY


@pytest.mark.parametrize("url", ["http://192.168.1.20:8765", "http://central.example:8765"])
def test_plain_http_to_another_machine_is_refused_before_anything_is_sent(
    url: str, tmp_path: Path
) -> None:
    check = check_central(url, station_id="ST-SETUP5", token_file=tmp_path / "t", token="x" * 40)
    assert check.outcome is Outcome.BAD_VALUE and "https" in check.detail
