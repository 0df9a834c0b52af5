"""Setup screens against a real data folder, settings file, central service and printers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from station import app
from station.config import Settings, load_settings
from station.setup.services import SetupServices
from station.ui.tasks import TaskRunner
from station.ui.translations import install_translation
from tests.central.servers import CentralServer, central_server
from tests.printing.conftest import cups, cups_server, zebra

__all__ = ["cups", "cups_server", "zebra"]


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with central_server(data_dir=tmp_path_factory.mktemp("ui-setup-central")) as server:
        yield server


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translation(qapp, "en")
    yield
    install_translation(qapp, "en")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "station.toml"


@pytest.fixture
def services(tmp_path: Path, config: Path, english: None) -> SetupServices:
    data = tmp_path / "data"

    def load() -> Settings:
        return load_settings(config, data_dir=data)

    return app.setup_services(load(), config_path=config, reload=load)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    tasks = TaskRunner(qapp, workers=2)
    yield tasks
    tasks.shutdown()


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    """A camera stand-in: a short video the station opens through its camera code path."""
    path = tmp_path / "bench.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30, (640, 480))
    for n in range(60):
        writer.write(np.full((480, 640, 3), 4 * n, np.uint8))
    writer.release()
    return path
