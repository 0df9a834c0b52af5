"""``make run``: a local central service on loopback, then the station with demo data, the demo
camera and sync to that service. Closing the station stops the service.

The service keeps its data beside the station's (``<data>/demo-central``); both live in the
platform's data folder unless ``--data-dir`` says otherwise. As its administrator, this script
lets the demo station in (a one-time enrolment code, the first time) and issues a demo
supervisor's badge (S9002, PIN 9999): its code is printed and kept in
``<data>/demo-central/badges.txt``; decisions made signed in with it are the ones central takes.
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

from central.badge_card import write_badge_card
from station.config import (
    ConfigError,
    default_data_dir,
    default_station_id,
    load_settings,
    resources_dir,
)
from station.protocol.badges import parse_code
from station.protocol.wire import TemplateChange


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


DEMO_SUPERVISOR = "S9002"
DEMO_PIN = "9999"


class Admin:
    """The demo central's administrator (its token is in the service's data folder)."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.headers = url, {"X-Admin-Token": token}

    def post(self, path: str, body: object) -> httpx.Response:
        return httpx.post(f"{self.url}{path}", json=body, headers=self.headers, timeout=30)

    def enrolment_code(self, station_id: str) -> str:
        body = {"station_id": station_id}
        answer = self.post("/v1/enrolment-codes", body)
        if answer.status_code == 409:  # known from an earlier run: let it in again
            answer = self.post("/v1/enrolment-codes", body | {"replace": True})
        answer.raise_for_status()
        return str(answer.json()["code"])


def station_id() -> str:
    """The id the station will run with (its settings file and environment, as it reads them)."""
    try:
        return load_settings().station_id
    except ConfigError:
        return default_station_id()  # the station reports the bad settings itself


def demo_badge(admin: Admin, kept: Path) -> str:
    """The demo supervisor's badge code, issued once and kept (0600)."""
    if kept.exists():
        return kept.read_text(encoding="utf-8").split()[-1]
    grant = {"badge_id": DEMO_SUPERVISOR, "display_name": "周主管 (demo)", "role": "supervisor"}
    answer = admin.post("/v1/users", grant | {"pin": DEMO_PIN, "new_badge": True})
    answer.raise_for_status()
    code = str(answer.json()["badge_code"])
    kept.write_text(f"{DEMO_SUPERVISOR} {code}\n", encoding="utf-8")
    kept.chmod(0o600)
    card = kept.with_name(f"badge-{DEMO_SUPERVISOR}.pdf")
    write_badge_card(card, parse_code(code), name=grant["display_name"], role="supervisor")
    sys.stdout.write(f"demo supervisor's badge card, to print or show the camera: {card}\n")
    return code


DESK_USERS = (  # login, name, role, badge
    ("kefu", "李客服 (demo)", "customer_service", None),
    ("zhou", "周主管 (demo)", "supervisor", DEMO_SUPERVISOR),
    ("admin", "管理员 (demo)", "admin", None),
)


def desk_users(central_dir: Path) -> Path:
    """The dispute desk's demo users, their passwords made once and kept (0600)."""
    kept = central_dir / "desk-users.txt"
    if kept.exists():
        return kept
    lines = []
    for login, name, role, badge in DESK_USERS:
        password = secrets.token_urlsafe(9)
        command = [sys.executable, "-m", "central", "desk-user", login, "--name", name]
        command += ["--role", role, "--password", "-", "--data-dir", str(central_dir)]
        command += ["--badge", badge] if badge else []
        subprocess.run(command, input=password + "\n", text=True, check=True, capture_output=True)
        lines.append(f"{login}\t{password}\t{role}")
    kept.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept.chmod(0o600)
    return kept


def publish_checklists(admin: Admin) -> None:
    """The station's own checklist templates, published to the demo central as its
    administrator (unchanged when they are there already): central shows a checklist's
    questions from its templates."""
    for file in sorted((resources_dir() / "checklists").glob("*.toml")):
        change = TemplateChange.of(file.read_text(encoding="utf-8"), file.name)
        admin.post("/v1/templates", change.model_dump()).raise_for_status()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--no-central", action="store_true", help="work offline only")
    args, station_args = parser.parse_known_args()
    data: Path = args.data_dir
    central_dir = data / "demo-central"
    central_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CENTRAL_")}
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
            env=env,
            stdout=log,
            stderr=log,
        )
        wait_healthy(url, central)
        sys.stdout.write(f"central service: {url} (log: {central_dir / 'central.log'})\n")
        admin = Admin(url, (central_dir / "admin.token").read_text(encoding="utf-8").strip())
        publish_checklists(admin)
        env.update(STATION_CENTRAL_URL=url)
        if not (data / "central-token").exists():
            env.update(STATION_CENTRAL_ENROLMENT_CODE=admin.enrolment_code(station_id()))
        badge = demo_badge(admin, central_dir / "badges.txt")
        sys.stdout.write(f"demo supervisor badge (scan or type it), PIN {DEMO_PIN}: {badge}\n")
        accounts = desk_users(central_dir)
        sys.stdout.write(f"dispute desk: {url}/desk (logins and passwords: {accounts})\n")
    # the demo bench films with a second, close-up camera too (its stand-in)
    env.setdefault("STATION_CAMERA2", "demo")
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
