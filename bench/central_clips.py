"""Clips through central or straight to S3, and through central onto disk: what it carries.

    python bench/central_clips.py [--clips 4] [--mb 45]

A station uploads ``--clips`` clips of ``--mb`` MB (random bytes: a clip is incompressible) to
a central on PostgreSQL + S3 (SeaweedFS on loopback), first through central in resumable
8 MiB chunks (``PATCH /v1/uploads``), then straight to S3 with presigned parts
(``/v1/clips/{sha}/direct``), then through central in chunks to a central whose blobs are on
disk — the station's own client calls each time. For each: time, MB/s, and the CPU seconds
central's process spent (its share of carrying the bytes).
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
        rows = []
        on_s3 = s3.s3.blob_url(f"b-{uuid.uuid4().hex[:6]}")
        on_disk = (root / "blobs").as_uri()
        for label, blobs, send in (
            ("S3, through central (PATCH chunks)", on_s3, through_central),
            ("S3, straight (presigned parts)", on_s3, straight_to_s3),
            ("disk, through central (PATCH chunks)", on_disk, through_central),
        ):
            data_dir = root / f"central-{len(rows)}"
            with central_server(create_database(cluster), blobs, data_dir=data_dir) as server:
                api = Api(server).register()
                clips = []
                for n in range(args.clips):
                    data = os.urandom(args.mb * 1_000_000)
                    path = root / f"clip-{len(rows)}-{n}.mp4"
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
                api.close()
            mb = args.clips * args.mb
            rows.append([label, args.clips, f"{seconds:.1f}", f"{mb / seconds:.0f}", f"{used:.1f}"])
            sys.stdout.write(f"{label}: {seconds:.1f} s, central {used:.1f} CPU s\n")
        table(
            f"{args.clips} clips of {args.mb} MB into central (PostgreSQL; SeaweedFS or disk)",
            ["blobs on, path", "clips", "seconds", "MB/s", "central CPU s"],
            rows,
        )
    os._exit(0)


if __name__ == "__main__":
    main()
