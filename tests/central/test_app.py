from __future__ import annotations

import httpx

from tests.central.servers import CentralServer

OPERATIONS = {
    "health",
    "live",
    "ready",
    "register_station",
    "issue_enrolment_code",
    "open_session",
    "close_session",
    "has_blob",
    "get_blob",
    "put_blob",
    "post_blobs",
    "upload_offset",
    "upload_chunk",
    "start_direct_upload",
    "complete_direct_upload",
    "post_events",
    "get_anchor",
    "get_changes",
    "publish_returns",
    "publish_template",
    "publish_user",
    "publish_decision",
    "list_inspections",
    "get_inspection",
}


def test_the_api_is_described_with_stable_operation_ids(central: CentralServer) -> None:
    spec = httpx.get(f"{central.base_url}/openapi.json").json()
    found = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert found == OPERATIONS
    schemes = spec["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    docs = httpx.get(f"{central.base_url}/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_liveness_and_readiness_probes_answer(central: CentralServer) -> None:
    with httpx.Client(base_url=central.base_url, timeout=30) as http:
        for path in ("/v1/health", "/v1/health/live", "/v1/health/ready"):
            answer = http.get(path)
            assert answer.status_code == 200 and answer.json()["status"] == "ok", path
            probed = http.head(path)  # as load balancers probe
            assert probed.status_code == 200 and probed.content == b"", path


def test_health_answers_with_the_version(central: CentralServer) -> None:
    answer = httpx.get(f"{central.base_url}/v1/health")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert answer.json()["version"]
