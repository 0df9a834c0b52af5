"""A central service with what the dispute desk shows: returns, inspections sent as a station
sends them (real JPEG photos, a real H.264 clip with chapters, uploaded the resumable way) and
desk users. Used by the desk's tests, its benchmark and its screenshots."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
from sqlalchemy.orm import Session

from central.console.accounts import DeskRole, save_user
from central.db.session import make_engine, session_factory, write
from central.db.types import utcnow
from station.protocol.wire import TemplateChange
from tests.central.client import (
    T0,
    Api,
    completed_payload,
    manifest_row,
    new_id,
    new_rma,
    photo_payload,
    sha,
    started_payload,
)
from tests.central.conftest import TEST_ENV
from tests.central.servers import CentralServer, central_server

PASSWORD = "desk-password-1"
CHAPTERS = (
    (3_000, "scan", "SF1234567890"),
    (8_000, "answer", "吊牌完好: 是"),
    (12_000, "photo", "defect"),
    (20_000, "verdict", "C refurbish"),
    (25_000, "label", "RL-1"),
)


def make_clip(
    path: Path, *, seconds: int = 30, fps: int = 15, size: tuple[int, int] = (640, 360)
) -> Path:
    """A bench clip as the recorder writes it: H.264 in fragmented MP4, a key frame every
    second; each picture shows its own time so a test can tell where a frame came from."""
    width, height = size
    with av.open(
        str(path),
        "w",
        format="mp4",
        options={"movflags": "frag_keyframe+empty_moov+default_base_moof"},
    ) as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.options = {
            "g": str(fps),
            "keyint_min": str(fps),
            "preset": "ultrafast",
        }
        stream.codec_context.time_base = Fraction(1, fps)
        for n in range(seconds * fps):
            picture = np.full((height, width, 3), 40, np.uint8)
            x = (n * 7) % width
            cv2.rectangle(picture, (x, 60), (x + 60, 160), (0, 160, 255), -1)
            cv2.putText(
                picture,
                f"{n / fps:06.2f}s",
                (20, height - 30),
                cv2.FONT_HERSHEY_SIMPLEX,
                1.4,
                (255, 255, 255),
                3,
            )
            frame = av.VideoFrame.from_ndarray(picture, format="bgr24")
            frame.pts = n
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def jpeg(seed: int, width: int = 1200, height: int = 900) -> bytes:
    rng = np.random.default_rng(seed)
    picture = np.full((height, width, 3), (seed * 37) % 200 + 30, np.uint8)
    for _ in range(12):
        x, y = int(rng.integers(0, width - 100)), int(rng.integers(0, height - 100))
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.circle(picture, (x, y), int(rng.integers(20, 120)), color, -1)
    cv2.putText(picture, f"photo {seed}", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 4)
    ok, data = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    return bytes(data)


def upload(api: Api, data: bytes) -> str:
    """A clip's bytes the way a station's clip lane sends them (resumable uploads)."""
    digest = sha(data)
    answer = api.http.patch(
        f"/v1/uploads/{digest}",
        content=data,
        headers=api.auth
        | {
            "Upload-Offset": "0",
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert answer.status_code in (201, 204, 200), answer.text
    return digest


@dataclass
class Seeded:
    inspection_id: str
    rma_no: str
    order_no: str
    waybill: str
    photos: list[str] = field(default_factory=list)
    clip: str | None = None


def clip_payload(
    digest: str, size: int, inspection_id: str, station_id: str, duration_ms: int
) -> dict[str, Any]:
    return {
        "inspection_id": inspection_id,
        "unmatched_id": None,
        "media": "video",
        "kind": "unboxing",
        "sha256": digest,
        "size_bytes": size,
        "width": 640,
        "height": 360,
        "duration_ms": duration_ms,
        "inspector": "I1001",
        "taken_at": T0.isoformat(),
        "evidence_id": 100,
        "clip": {
            "clip_id": uuid.uuid4().hex[:26],
            "parcel": "SF",
            "started_at": T0.isoformat(),
            "ended": "completed",
            "preroll_ms": 3000,
            "chain_head": hashlib.sha256(digest.encode()).hexdigest(),
            "chain_end": size,
            "fragments": duration_ms // 1000,
            "chapters": [{"at_ms": at, "kind": k, "label": label} for at, k, label in CHAPTERS],
            "gaps": [],
        },
    }


def publish_shipped_template(api: Api, template_id: str = "apparel") -> None:
    """A checklist template the station ships, published to central as an administrator
    would (``central publish-templates``): the desk then shows its questions."""
    shipped = Path(__file__).resolve().parents[2] / "resources" / "checklists"
    file = shipped / f"{template_id}.toml"
    change = TemplateChange.of(file.read_text(encoding="utf-8"), file.name)
    assert api.publish("/v1/templates", change.model_dump()).status_code in (200, 201)


def seed_inspection(
    api: Api,
    *,
    photos: Sequence[bytes] = (),
    clip: Path | None = None,
    clip_seconds: int = 30,
    needs_review: bool = False,
    grade: str = "C",
) -> Seeded:
    """One return and its inspection, sent as a station sends them."""
    inspection, rma = new_id(), new_rma()
    row = manifest_row(rma)
    row["reason"] = "quality_defect"
    published = api.publish("/v1/returns", [row])
    assert published.status_code == 201, published.text
    seeded = Seeded(inspection, rma, row["order_no"], row["tracking"][0]["tracking_no"])
    events = [api.event("inspection.started", started_payload(inspection, rma, api.station_id))]
    kinds = ("overview", "defect", "shipping_label", "accessories")
    for n, data in enumerate(photos):
        assert api.put_blob(data).status_code in (200, 201)
        payload = photo_payload(sha(data), inspection, api.station_id, kinds[n % 4], n + 1)
        payload["size_bytes"] = len(data)
        events.append(api.event("evidence.added", payload, blobs=[sha(data)]))
        seeded.photos.append(sha(data))
    if clip is not None:
        data = clip.read_bytes()
        digest = upload(api, data)
        payload = clip_payload(digest, len(data), inspection, api.station_id, clip_seconds * 1000)
        events.append(api.event("evidence.added", payload))
        seeded.clip = digest
    completed = completed_payload(
        inspection, rma, api.station_id, needs_review=needs_review, grade=grade
    )
    completed["rules_fired"] = [
        {
            "id": "stain_found",
            "zh_CN": "发现污渍，影响二次销售",
            "en": "Stain found: not resellable",
        },
        {"id": "tag_removed", "zh_CN": "吊牌已拆", "en": "Tag removed"},
    ]
    completed["verdict"] |= {
        "grade": grade,
        "disposition": "refurbish",
        "refund_kind": "partial",
        "refund_fen": 9900,
    }
    events.append(api.event("inspection.completed", completed))
    label = {"label_id": f"RL-{inspection[-8:].upper()}", "kind": "disposition"}
    label |= {"inspection_id": inspection, "printer": "cups://BENCH-07-ZEBRA"}
    events.append(api.event("label.printed", label | {"printed_at": completed["completed_at"]}))
    answer = api.post_events(events).json()
    assert len(answer["accepted"]) == len(events), answer
    return seeded


def add_desk_users(database_url: str, supervisor_badge: str | None) -> dict[str, str]:
    """kefu (customer service), zhou (supervisor, deciding as ``supervisor_badge``) and
    admin; all with :data:`PASSWORD`."""
    engine = make_engine(database_url)
    try:
        with session_factory(engine)() as session:

            def add(s: Session) -> None:
                now = utcnow()
                for login, name, role, badge in (
                    ("kefu", "李客服", DeskRole.CUSTOMER_SERVICE, None),
                    ("zhou", "周主管", DeskRole.SUPERVISOR, supervisor_badge),
                    ("admin", "王管理员", DeskRole.ADMIN, None),
                ):
                    save_user(
                        s,
                        login,
                        display_name=name,
                        role=role,
                        password=PASSWORD,
                        badge_id=badge,
                        active=True,
                        now=now,
                    )

            write(session, add)
    finally:
        engine.dispose()
    return {"kefu": PASSWORD, "zhou": PASSWORD, "admin": PASSWORD}


@contextmanager
def desk_central(root: Path, station_id: str | None = None) -> Iterator[tuple[CentralServer, Api]]:
    """A central service on ``root`` (its SQLite database ``root/central.db`` may already hold
    data), a station registered with it, and the desk's users: kefu, zhou, admin."""
    (root / "central").mkdir(exist_ok=True)
    with (
        central_server(
            f"sqlite:///{root / 'central.db'}",
            (root / "blobs").as_uri(),
            data_dir=root / "central",
            env=TEST_ENV,
        ) as server,
        Api(server) as api,
    ):
        api.register(station_id)
        api.add_user(api.supervisor_badge)
        add_desk_users(server.database_url, api.supervisor_badge)
        yield server, api
