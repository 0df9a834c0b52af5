"""Build the one-folder bundle: ``python -m installer.build [--dist DIR] [--work DIR]``.

Prints where the bundle is, its size and its largest entries.
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


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (``dist/station``)."""
    import PyInstaller.__main__  # type: ignore[import-untyped]

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
        raise SystemExit(f"PyInstaller finished but {bundle / EXECUTABLE} is missing")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    out = sys.stdout
    out.write(f"{bundle}: {mib(tree_size(bundle))}, built in {time.monotonic() - started:.0f} s\n")
    for name, size in largest(bundle):
        out.write(f"  {mib(size):>8}  {name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
