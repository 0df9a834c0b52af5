"""A real central service, a private CUPS server and a ZPL printer on loopback for the checks
behind the settings dialog and the first-run wizard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.central.servers import CentralServer, central_server
from tests.printing.conftest import cups, cups_server, zebra

__all__ = ["central", "cups", "cups_server", "zebra"]


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    data: Path = tmp_path_factory.mktemp("setup-central")
    with central_server(data_dir=data) as server:
        yield server
