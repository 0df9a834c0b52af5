"""Central over TLS, as it must be off loopback: the station checks the certificate."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from station.sync.client import SyncError
from station.sync.enrol import CentralAccess
from tests.central.servers import CentralServer, central_server


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(CA, certificate for 127.0.0.1 signed by it, its key), made with the openssl tool."""
    openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=Returns test CA", "-keyout", "ca.key", "-out", "ca.pem",
        cwd=folder,
    )  # fmt: skip
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", "central.key", "-out", "central.csr",
        cwd=folder,
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", "central.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "central.pem",
        cwd=folder,
    )  # fmt: skip
    return folder / "ca.pem", folder / "central.pem", folder / "central.key"


@pytest.fixture
def tls_central(tmp_path: Path) -> Iterator[CentralServer]:
    ca, cert, key = certificates(tmp_path)
    env = {"CENTRAL_TLS_CERT_FILE": str(cert), "CENTRAL_TLS_KEY_FILE": str(key)}
    with central_server(data_dir=tmp_path / "central", env=env, ca_file=ca) as server:
        yield server


def test_a_station_that_trusts_the_ca_registers_and_syncs_over_tls(
    tls_central: CentralServer, tmp_path: Path
) -> None:
    assert tls_central.base_url.startswith("https://")
    access = CentralAccess(
        url=tls_central.base_url,
        station_id="ST-TLS01",
        token_file=tmp_path / "token",
        enrolment_code=tls_central.enrolment_code("ST-TLS01"),
        ca_file=tls_central.ca_file,
    )
    with access.client() as client:
        assert client.get_changes(None, limit=1).changes is not None
    assert (tmp_path / "token").read_text().startswith("st_")


def test_a_certificate_the_station_cannot_check_is_refused_before_anything_is_sent(
    tls_central: CentralServer, tmp_path: Path
) -> None:
    access = CentralAccess(
        url=tls_central.base_url,
        station_id="ST-TLS02",
        token_file=tmp_path / "token",
        enrolment_code="EN-" + "A" * 20,
    )  # no CA given: the system's CAs do not know this one
    with pytest.raises(SyncError, match=r"(?i)certificate"):
        access.client()
    assert not (tmp_path / "token").exists()


def test_plain_http_to_the_tls_port_gets_nowhere(tls_central: CentralServer) -> None:
    plain = tls_central.base_url.replace("https://", "http://")
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{plain}/v1/health", timeout=5).raise_for_status()
    checked = httpx.get(f"{tls_central.base_url}/v1/health", verify=tls_central.verify)
    assert checked.status_code == 200
