"""The dispute desk on a real central service (SQLite + blobs on disk, in a subprocess on
loopback), seeded as stations would fill it; a browser-like HTTP client that keeps cookies
and sends forms with their CSRF token; and Debian's Chromium driven by Selenium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.central.client import Api
from tests.central.servers import CentralServer
from tests.console import browser
from tests.console.seed import (
    PASSWORD,
    Seeded,
    desk_central,
    jpeg,
    make_clip,
    seed_inspection,
)

CLIP_SECONDS = 75
CSRF = re.compile(r'name="csrf" value="([^"]*)"')


@dataclass
class Desk:
    server: CentralServer
    api: Api  # the station that sent the inspections
    with_clip: Seeded
    plain: Seeded
    clip_path: Path

    @property
    def url(self) -> str:
        return self.server.base_url + "/desk"


@pytest.fixture(scope="session")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    root = tmp_path_factory.mktemp("desk")
    with desk_central(root) as (server, api):
        # longer than Shopee's 60 s: its package gets an excerpt, Taobao's the original
        clip = make_clip(root / "clip.mp4", seconds=CLIP_SECONDS)
        with_clip = seed_inspection(
            api, photos=[jpeg(1), jpeg(2), jpeg(3)], clip=clip, clip_seconds=CLIP_SECONDS
        )
        plain = seed_inspection(api, photos=[jpeg(4)], needs_review=True)
        yield Desk(server, api, with_clip, plain, clip)


class Browserish:
    """An HTTP client that behaves like a browser for the desk: keeps its cookies, follows no
    redirects by itself (tests look at them), and posts forms with the page's CSRF token."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.http = httpx.Client(base_url=desk.server.base_url, timeout=60)
        self.csrf = ""

    def get(self, path: str, **kw: object) -> httpx.Response:
        answer = self.http.get(path, **kw)  # type: ignore[arg-type]
        if found := CSRF.search(answer.text):
            self.csrf = found.group(1)
        return answer

    def post(
        self, path: str, data: dict[str, object], *, csrf: str | None = None
    ) -> httpx.Response:
        return self.http.post(path, data={"csrf": self.csrf if csrf is None else csrf} | data)

    def sign_in(self, login: str, password: str = PASSWORD) -> httpx.Response:
        self.get("/desk/sign-in")
        return self.post("/desk/sign-in", {"login": login, "password": password})

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def client(desk: Desk) -> Iterator[Browserish]:
    browser = Browserish(desk)
    yield browser
    browser.close()


def signed_in(desk: Desk, login: str) -> Browserish:
    browser = Browserish(desk)
    answer = browser.sign_in(login)
    assert answer.status_code == 303, answer.text
    return browser


@pytest.fixture
def kefu(desk: Desk) -> Iterator[Browserish]:
    browser = signed_in(desk, "kefu")
    yield browser
    browser.close()


@pytest.fixture
def zhou(desk: Desk) -> Iterator[Browserish]:
    browser = signed_in(desk, "zhou")
    yield browser
    browser.close()


@pytest.fixture
def admin(desk: Desk) -> Iterator[Browserish]:
    browser = signed_in(desk, "admin")
    yield browser
    browser.close()


# -- a real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if (reason := browser.missing()) is not None:
        pytest.fail(f"{reason}: scripts/system-deps.sh test installs it")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with browser.chromium(profile, tmp_path_factory.mktemp("downloads")) as driver:
        yield driver
