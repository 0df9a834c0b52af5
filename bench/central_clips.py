"""Clips into S3 through central, or straight to S3 with presigned parts: what central carries.

    python bench/central_clips.py [--clips 4] [--mb 45]

A station uploads ``--clips`` clips of ``--mb`` MB (random bytes: a clip is incompressible) to
a central on PostgreSQL + S3 (SeaweedFS on loopback), first through central in resumable
8 MiB chunks (``PATCH /v1/uploads``), then straight to S3 with presigned parts
(``/v1/clips/{sha}/direct``) — the station's own client calls in both cases. For each: time,
MB/s, and the CPU seconds central's process spent (its share of carrying the bytes).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import table
from station.sync.client import CentralClient
from tests.central.client import Api
from tests.central.servers import (
    CentralServer,
    central_server,
    create_database,
    postgres_cluster,
    seaweed,
)

CHUNK = 8 * 1024 * 1024


def cpu_seconds(server: CentralServer) -> float:
    assert server.process is not None
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def through_central(client: CentralClient, sha: str, path: Path) -> None:
    total = path.stat().st_size
    offset = client.upload_offset(sha)
    with path.open("rb") as fh:
        while offset < total:
            fh.seek(offset)
            offset = client.upload_chunk(sha, offset, total, fh.read(CHUNK))


def straight_to_s3(client: CentralClient, sha: str, path: Path) -> None:
    size = path.stat().st_size
    plan = client.start_direct_upload(sha, size)
    with path.open("rb") as fh:
        for part in plan.parts:
            fh.seek((part.number - 1) * plan.part_size)
            client.put_part(part.url, fh.read(plan.part_size))
    client.complete_direct_upload(sha, size)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clips", type=int, default=4)
    parser.add_argument("--mb", type=int, default=45)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="bench-clips-") as tmp,
        postgres_cluster() as cluster,
        seaweed(volumes=64) as s3,
    ):
        root = Path(tmp)
        blobs = s3.s3.blob_url(f"b-{uuid.uuid4().hex[:6]}")
        with central_server(create_database(cluster), blobs, data_dir=root / "central") as server:
            api = Api(server).register()
            rows = []
            for label, send in (
                ("through central (PATCH chunks)", through_central),
                ("straight to S3 (presigned parts)", straight_to_s3),
            ):
                clips = []
                for n in range(args.clips):
                    data = os.urandom(args.mb * 1_000_000)
                    path = root / f"clip-{label[:4]}-{n}.mp4"
                    path.write_bytes(data)
                    clips.append((hashlib.sha256(data).hexdigest(), path))
                client = CentralClient(server.base_url, api.token, timeout=120)
                cpu = cpu_seconds(server)
                started = time.perf_counter()
                for sha, path in clips:
                    send(client, sha, path)
                seconds = time.perf_counter() - started
                used = cpu_seconds(server) - cpu
                client.close()
                for sha, _path in clips:
                    assert api.store.exists(sha), sha
                mb = args.clips * args.mb
                rows.append(
                    [label, args.clips, f"{seconds:.1f}", f"{mb / seconds:.0f}", f"{used:.1f}"]
                )
                sys.stdout.write(f"{label}: {seconds:.1f} s, central {used:.1f} CPU s\n")
            api.close()
        table(
            f"{args.clips} clips of {args.mb} MB into S3 (PostgreSQL + SeaweedFS)",
            ["path", "clips", "seconds", "MB/s", "central CPU s"],
            rows,
        )
    os._exit(0)


if __name__ == "__main__":
    main()
