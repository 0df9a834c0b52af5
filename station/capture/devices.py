"""Video capture devices of a Linux PC, read from sysfs.

This is what OpenCV's V4L2 backend opens, and it needs no multimedia plugin: Qt lists cameras
only through its FFmpeg backend, which the installed bundle leaves out.
"""

from __future__ import annotations

from pathlib import Path

SYSFS = Path("/sys/class/video4linux")


def v4l2_cameras(sysfs: Path = SYSFS) -> list[tuple[str, str]]:
    """(name, device path) of each capture node, in device-number order.

    A UVC webcam has two nodes, the picture and its metadata; only the first (``index`` 0)
    gives frames.
    """
    if not sysfs.is_dir():
        return []
    found = []
    for node in sysfs.iterdir():
        number = node.name.removeprefix("video")
        if not node.name.startswith("video") or not number.isdigit():
            continue
        if _read(node / "index", "0") != "0":
            continue
        found.append((int(number), _read(node / "name", node.name), f"/dev/{node.name}"))
    return [(name, path) for _n, name, path in sorted(found)]


def _read(path: Path, default: str) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip() or default
    except OSError:
        return default
