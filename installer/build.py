"""Build the one-folder bundle: ``python -m installer.build [--dist DIR] [--work DIR]``.

Builds only from an environment that equals ``requirements.lock``. Prints where the bundle is,
its size against the budget and its largest entries, writes the same to
``DIST/bundle-size.txt``, and fails when the bundle is over the budget.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "station.spec"
EXECUTABLE = "station.exe" if sys.platform == "win32" else "station"
# What a bench PC downloads and keeps; the build fails above it rather than let it creep up.
# 400 MiB until the unboxing clips: PyAV's FFmpeg (libavcodec with libx264 and the codecs it is
# linked against, about 100 MiB unpacked) is the one H.264 encoder a wheel carries, and OpenCV's
# own FFmpeg cannot write H.264. Nothing else may use the headroom.
BUDGET = 500 * 2**20


class BuildError(SystemExit):
    """A bundle that must not be shipped; the message says why."""


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (``dist/station``)."""
    import PyInstaller.__main__  # type: ignore[import-untyped]

    from installer.lockfile import check

    drift = check()
    if drift:
        raise BuildError(
            "the environment is not the locked one, so the bundle would not be either:\n  "
            + "\n  ".join(drift)
        )

    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
        ]
    )
    bundle = dist / "station"
    if not (bundle / EXECUTABLE).is_file():
        raise BuildError(f"PyInstaller finished but {bundle / EXECUTABLE} is missing")
    return bundle


def tree_size(path: Path) -> int:
    """Bytes in files under ``path``; symbolic links count as nothing."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(
        (Path(folder) / name).lstat().st_size
        for folder, _dirs, files in os.walk(path)
        for name in files
        if not (Path(folder) / name).is_symlink()
    )


def largest(folder: Path, count: int = 10) -> list[tuple[str, int]]:
    """The biggest entries directly under ``folder`` (or under its ``_internal``)."""
    inner = folder / "_internal"
    base = inner if inner.is_dir() else folder
    sizes = [(entry.name, tree_size(entry)) for entry in base.iterdir()]
    return sorted(sizes, key=lambda item: item[1], reverse=True)[:count]


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def size_report(bundle: Path, seconds: float) -> tuple[str, bool]:
    """The bundle's size against the budget, with its largest entries; and whether it fits."""
    size = tree_size(bundle)
    fits = size <= BUDGET
    lines = [
        f"{bundle}: {mib(size)} ({size:,} bytes) of a {mib(BUDGET)} budget"
        f"{'' if fits else ' -- OVER BUDGET'}, built in {seconds:.0f} s",
        *(f"  {mib(entry_size):>8}  {name}" for name, entry_size in largest(bundle)),
    ]
    return "\n".join(lines) + "\n", fits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    started = time.monotonic()
    dist = args.dist.resolve()
    bundle = build_bundle(dist, args.work.resolve())
    report, fits = size_report(bundle, time.monotonic() - started)
    (dist / "bundle-size.txt").write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    if not fits:
        raise BuildError(
            f"the bundle is over its {mib(BUDGET)} budget: leave out what the station does not "
            "use (installer/station.spec) before raising installer.build.BUDGET"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
