"""Run every benchmark in turn (``make bench``); each prints its own tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "lookup.py",
    "startup.py",
    "inspection_flow.py",
    "labels.py",
    "photo_pipeline.py",
    "photo_quality.py",
    "decode.py",
    "camera_live.py",
    "cpu.py",
    "analytics.py",
    "sync.py",
    "audit_verify.py",
    "video.py",
    "console.py",
    "desk.py",
    "central.py",
    "central_scale.py",
    "central_clips.py",
]


def main() -> int:
    failed = 0
    for name in BENCHES:
        sys.stdout.write(f"\n## {name}\n")
        sys.stdout.flush()
        failed |= subprocess.run([sys.executable, str(HERE / name)], check=False).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
