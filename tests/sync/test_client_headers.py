"""Numbers in central's headers (or a proxy's in front of it) are read as plain 0-9 numbers:
a digit of another script ("²" is a digit to ``str.isdigit``, and ``int`` refuses it) is no
number, never a crash of the sync. A real central never sends one, so these answers come from
a stand-in transport."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from station.sync.client import CentralClient, Unavailable


def answering(status: int, headers: dict[str, bytes]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, json={"detail": "busy"})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("odd", ["²", "١٢", "３"])
def test_a_busy_answer_with_numbers_of_another_script_is_busy_all_the_same(
    tmp_path: Path, odd: str
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"a photo")
    said = odd.encode()  # as the bytes arrive
    transport = answering(503, {"Retry-After": said, "Station-Requests": said})
    client = CentralClient("https://central.test", "st_" + "x" * 40, transport=transport)
    with pytest.raises(Unavailable, match="503"):  # the station's own backoff decides
        client.put_blob(hashlib.sha256(b"a photo").hexdigest(), photo)
    assert client.station_requests is None
