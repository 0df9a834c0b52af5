"""Cold start of the station window to its first paint (target < 2 s).

    python bench/startup.py [--runs 7]

Starts ``station run --smoke`` as a fresh process each time, on a data folder with the demo
data, and reports both the time the process measured from its start to the window's first
paint and the wall time of the whole process (interpreter start to exit).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import summary_ms, table


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    station = [sys.executable, "-m", "station"]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "station.toml"
        config.write_text('[station]\nstation_id = "ST-BENCH"\n')  # set up: straight to login
        data = ["--data-dir", tmp, "--config", str(config)]
        subprocess.run([*station, *data, "demo-data"], check=True, env=env, capture_output=True)
        from_spawn, from_main, wall = [], [], []
        for _ in range(args.runs):
            spawned, t0 = time.time(), time.perf_counter()
            result = subprocess.run(
                [*station, *data, "run", "--smoke"],
                check=True,
                env=env,
                capture_output=True,
                text=True,
            )
            wall.append(time.perf_counter() - t0)
            found = re.search(r"first paint after (\d+) ms \(at ([\d.]+)\)", result.stdout)
            assert found, result.stdout + result.stderr
            from_main.append(int(found.group(1)) / 1000)
            from_spawn.append(float(found.group(2)) - spawned)
    rows = [
        ["process spawned → first paint", *summary_ms(from_spawn)],
        ["station main() → first paint", *summary_ms(from_main)],
        ["process spawned → exited", *summary_ms(wall)],
    ]
    table(
        f"Cold start, {args.runs} runs, platform {env['QT_QPA_PLATFORM']} (ms)",
        ["span", "median", "p95", "max"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
