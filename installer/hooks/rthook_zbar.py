"""Let pyzbar find the zbar library carried in the bundle.

pyzbar asks ``ctypes.util.find_library("zbar")``, which on Linux consults only the system's
linker cache, so a bench PC without libzbar0 would have no zbar even though the bundle has
it. Runs before any of the station's imports, so pyzbar's own ``from ctypes.util import
find_library`` already sees this version.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable
from pathlib import Path


def _bundle_first(system: Callable[[str], str | None]) -> Callable[[str], str | None]:
    bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))

    def find_library(name: str) -> str | None:
        carried = sorted(bundle.glob(f"lib{name}.so*"))
        return str(carried[0]) if carried else system(name)

    return find_library


if sys.platform.startswith("linux"):
    ctypes.util.find_library = _bundle_first(ctypes.util.find_library)  # type: ignore[assignment]
