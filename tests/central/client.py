"""A test client for a running central service, and events shaped like the station's."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx
from sqlalchemy import Engine, create_engine, text

from central.blobstore import BlobStore, DiskBlobStore, S3BlobStore
from station.protocol.badges import decision_key, parse_code, proof
from station.protocol.events import Decision
from tests.central.servers import S3_ACCESS_KEY, S3_SECRET_KEY, CentralServer

T0 = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
PIN = "482913"


def new_id() -> str:
    return str(uuid.uuid4())


def new_station_id() -> str:
    return f"ST-{uuid.uuid4().hex[:10].upper()}"


def new_rma() -> str:
    return f"RMA{uuid.uuid4().hex[:12].upper()}"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Api:
    """One station's view of the service (plus the administrator's token, for publishing and
    enrolment codes, and a supervisor's session once :meth:`sign_in` is called)."""

    def __init__(self, server: CentralServer) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.base_url, timeout=60)
        self.station_id = ""
        self.token = ""
        self.warehouse = "MAIN"
        self.supervisor_token = ""
        self.supervisor_badge = f"S{uuid.uuid4().int % 10**9:09d}"  # one per client
        self._seq = 0

    def close(self) -> None:
        self.http.close()
        if "db" in self.__dict__:  # the engine was made: give its connections back
            self.db.dispose()

    def __enter__(self) -> Api:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- requests ---------------------------------------------------------------------------

    def enrolment_code(
        self, station_id: str, *, warehouse: str = "MAIN", replace: bool = False
    ) -> str:
        """A one-time code from the administrator for ``station_id``."""
        answer = self.http.post(
            "/v1/enrolment-codes",
            json={"station_id": station_id, "warehouse": warehouse, "replace": replace},
            headers=self.admin,
        )
        assert answer.status_code == 201, answer.text
        return str(answer.json()["code"])

    def register(
        self,
        station_id: str | None = None,
        name: str = "bench",
        *,
        warehouse: str = "MAIN",
        replace: bool = False,
    ) -> Api:
        self.station_id = station_id or new_station_id()
        self.warehouse = warehouse
        code = self.enrolment_code(self.station_id, warehouse=warehouse, replace=replace)
        answer = self.http.post(
            "/v1/stations",
            json={"station_id": self.station_id, "name": name, "enrolment_code": code},
        )
        assert answer.status_code in (200, 201), answer.text
        self.token = answer.json()["token"]
        return self

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def admin(self) -> dict[str, str]:
        return {"X-Admin-Token": self.server.admin_token}

    @property
    def supervisor(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.supervisor_token}"}

    def add_user(
        self, badge: str, *, role: str = "supervisor", pin: str = PIN, name: str = "李主管"
    ) -> str:
        """Grant a user through the admin API; the badge code printed on the new badge."""
        answer = self.publish(
            "/v1/users", {"badge_id": badge, "display_name": name, "role": role, "pin": pin}
        )
        assert answer.status_code == 201, answer.text
        return str(answer.json()["badge_code"])

    def sign_in(self, badge: str | None = None, *, pin: str = PIN) -> Api:
        """A supervisor's session at central (the badge is granted first if new)."""
        badge = badge or self.supervisor_badge
        code = self.badge_codes.get(badge) or self.add_user(badge, pin=pin)
        self.badge_codes[badge] = code
        answer = self.http.post("/v1/sessions", json={"badge_code": code, "pin": pin})
        assert answer.status_code == 201, answer.text
        self.supervisor_token = answer.json()["token"]
        return self

    @cached_property
    def badge_codes(self) -> dict[str, str]:
        return {}

    def signed(self, body: dict[str, Any], badge: str | None = None) -> dict[str, Any]:
        """``body`` as a bench sends a decision its signed-in supervisor made: in their name,
        with the proof made from their badge's secret and PIN."""
        badge = badge or self.supervisor_badge
        code = self.badge_codes.get(badge) or self.add_user(badge)
        self.badge_codes[badge] = code
        decision = Decision.model_validate(body | {"decided_by": badge, "proof": None})
        dumped = decision.model_dump(mode="json")
        dumped["proof"] = proof(decision_key(parse_code(code).secret, PIN), dumped)
        return dumped

    def decide(self, body: dict[str, Any]) -> httpx.Response:
        """A decision made at central by the signed-in supervisor (:meth:`sign_in`)."""
        if not self.supervisor_token:
            self.sign_in()
        return self.http.post("/v1/decisions", json=body, headers=self.supervisor)

    def put_blob(self, data: bytes, digest: str | None = None) -> httpx.Response:
        return self.http.put(f"/v1/blobs/{digest or sha(data)}", content=data, headers=self.auth)

    def post_events(self, events: list[dict[str, Any]]) -> httpx.Response:
        return self.http.post("/v1/events", json={"events": events}, headers=self.auth)

    def changes(self, since: str | None = None, limit: int | None = None) -> httpx.Response:
        params: dict[str, Any] = {}
        if since is not None:
            params["since"] = since
        if limit is not None:
            params["limit"] = limit
        return self.http.get("/v1/changes", params=params, headers=self.auth)

    def all_changes(self, since: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        while True:
            page = self.changes(since, limit)
            assert page.status_code == 200, page.text
            body = page.json()
            found.extend(body["changes"])
            since = body["cursor"]
            if not body["more"]:
                return found

    def cursor_now(self) -> str:
        """The cursor after every change published so far."""
        since = None
        while True:
            answer = self.changes(since, 1000)
            assert answer.status_code == 200, answer.text
            since = answer.json()["cursor"]
            if not answer.json()["more"]:
                return str(since)

    def publish(self, path: str, body: Any) -> httpx.Response:
        return self.http.post(path, json=body, headers=self.admin)

    # -- events -----------------------------------------------------------------------------

    def event(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        blobs: list[str] | None = None,
        event_id: str | None = None,
    ) -> dict[str, Any]:
        self._seq += 1
        return {
            "event_id": event_id or new_id(),
            "seq": self._seq,
            "kind": kind,
            "station_id": self.station_id,
            "created_at": (T0 + timedelta(seconds=self._seq)).isoformat(),
            "payload": payload,
            "blobs": blobs or [],
        }

    # -- looking behind the API -------------------------------------------------------------

    @cached_property
    def db(self) -> Engine:
        return create_engine(self.server.database_url)

    def count(self, sql: str, **params: Any) -> int:
        with self.db.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())

    def events_stored(self, ids: list[str]) -> int:
        with self.db.connect() as conn:
            rows = conn.execute(text("SELECT event_id FROM events")).scalars().all()
        return len(set(rows) & set(ids))

    @cached_property
    def store(self) -> BlobStore:
        return blob_store(self.server)


def blob_store(server: CentralServer) -> BlobStore:
    """The service's blob store, opened from the outside."""
    parts = urlsplit(server.blob_url)
    if parts.scheme == "file":
        return DiskBlobStore(Path(url2pathname(parts.path)))
    return S3BlobStore.from_url(
        server.blob_url,
        spool_dir=server.data_dir / "spool",
        access_key=S3_ACCESS_KEY,
        secret_key=S3_SECRET_KEY,
    )


# -- payloads as the station sends them (station/workflow.py, evidence, printing) ------------


def started_payload(inspection_id: str, rma: str, station_id: str) -> dict[str, Any]:
    return {
        "inspection_id": inspection_id,
        "rma_no": rma,
        "line_no": 1,
        "station_id": station_id,
        "inspector": "I1001",
        "template": {"id": "apparel", "version": 1},
        "started_at": T0.isoformat(),
    }


def completed_payload(
    inspection_id: str,
    rma: str,
    station_id: str,
    *,
    grade: str = "B",
    needs_review: bool = False,
    sku: str = "SKU-1",
    refund_fen: int = 19900,
) -> dict[str, Any]:
    return {
        **started_payload(inspection_id, rma, station_id),
        "order_state": "inspected",
        "sku": sku,
        "answers": {"item_matches": "6901234567892", "stains": False},
        "rules_fired": [{"id": "opened", "zh_CN": "已拆封", "en": "Opened"}],
        "proposal": {"grade": grade},
        "verdict": {
            "grade": grade,
            "disposition": "restock_open_box",
            "refund_kind": "full",
            "refund_fen": refund_fen,
            "refund_reason": "",
            "responsibility": "customer",
            "carrier_claim": False,
        },
        "overridden": False,
        "override_reason": "",
        "needs_review": needs_review,
        "completed_at": (T0 + timedelta(minutes=3)).isoformat(),
    }


def photo_payload(
    digest: str, inspection_id: str, station_id: str, kind: str = "overview", photo_id: int = 1
) -> dict[str, Any]:
    return {
        "inspection_id": inspection_id,
        "unmatched_id": None,
        "kind": kind,
        "sha256": digest,
        "size_bytes": 1234,
        "quality_flags": [],
        "photo_id": photo_id,
        "width": 1600,
        "height": 1200,
        "station_id": station_id,
        "inspector": "I1001",
        "taken_at": (T0 + timedelta(minutes=1)).isoformat(),
    }


def decision_body(inspection_id: str, *, approve: bool = False, grade: str = "C") -> dict[str, Any]:
    return {
        "decision_id": new_id(),
        "inspection_id": inspection_id,
        "decided_by": "S9001",
        "decided_at": (T0 + timedelta(hours=1)).isoformat(),
        "reason": "复核：外观有划痕 / scratched on review",
        "approve": approve,
        "grade": None if approve else grade,
        "disposition": None if approve else "refurbish",
        "refund_kind": None if approve else "partial",
        "refund_fen": None if approve else 9900,
        "responsibility": None,
    }


def manifest_row(rma: str | None = None, *, state: str = "in_transit") -> dict[str, Any]:
    rma = rma or new_rma()
    return {
        "rma_no": rma,
        "order_no": "O" + rma[3:],
        "platform": "tmall",
        "reason": "size_fit",
        "customer_received_on": "2026-11-10",
        "requested_on": "2026-11-12",
        "customer_name": "张三",
        "customer_phone": "13800138000",
        "state": state,
        "tracking": [{"carrier": "SF", "tracking_no": "SF" + rma[3:]}],
        "lines": [
            {
                "sku": "SKU-1",
                "title": "连帽卫衣 Hoodie",
                "category": "apparel",
                "unit_price": "199.00",
            }
        ],
    }


def user_body(badge: str, name: str = "王芳", *, role: str = "inspector") -> dict[str, Any]:
    """An administrator's grant of a user (:class:`~station.protocol.wire.UserGrant`)."""
    return {"badge_id": badge, "display_name": name, "role": role, "pin": PIN}


def complete_inspection(
    api: Api, *, needs_review: bool = False, grade: str = "B", photos: int = 0
) -> tuple[str, str]:
    """Send one inspection (started, photos, completed) as a station would; (id, RMA)."""
    inspection, rma = new_id(), new_rma()
    published = api.publish("/v1/returns", [manifest_row(rma)])
    assert published.status_code == 201, published.text
    events = [api.event("inspection.started", started_payload(inspection, rma, api.station_id))]
    for n in range(photos):
        data = f"photo {n} of {inspection}".encode()
        assert api.put_blob(data).status_code == 201
        payload = photo_payload(sha(data), inspection, api.station_id, photo_id=n + 1)
        events.append(api.event("photo.added", payload, blobs=[sha(data)]))
    events.append(
        api.event(
            "inspection.completed",
            completed_payload(
                inspection, rma, api.station_id, needs_review=needs_review, grade=grade
            ),
        )
    )
    answer = api.post_events(events).json()
    assert len(answer["accepted"]) == len(events), answer
    return inspection, rma
