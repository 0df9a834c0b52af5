"""``station decode IMAGE...``: the codes in image files, as JSON Lines.

One line per code read: ``{"file", "symbology", "text", "corners", "backend", "step", "ms"}``
(``ms`` is the time to decode that file; ``step`` which pipeline step read the code). A file
that cannot be used (missing, a directory, empty, not an image, truncated, a header that lies,
more than 50 megapixels) gets one line ``{"file", "error"}`` and a message on stderr; a file
with no code gets a message on stderr only.

Exit status: 0 when every file gave at least one code, 1 when some file had none, 2 when some
file could not be read at all. Never a traceback.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, Final, TextIO

import numpy as np

from station.capture.decoders import BACKENDS, Decoded, DecoderError, make_decoder
from station.capture.frames import BadImage, read_image
from station.capture.pipeline import DecodePipeline

log = logging.getLogger(__name__)

EXIT_OK, EXIT_NO_CODE, EXIT_BAD_FILE = 0, 1, 2
CHOICES: Final = ("pipeline", *BACKENDS)
# A still image is not a live frame: give the fallbacks all the time they want.
_FILE_BUDGET_MS: Final = 10_000.0


def _shown(path: str) -> str:
    """A file name safe to print: undecodable bytes and control characters escaped."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _line(out: TextIO, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _decoder(backend: str) -> Callable[[np.ndarray], list[tuple[Decoded, str]]]:
    """(code, what read it) for each code in a grey image."""
    if backend == "pipeline":
        pipeline = DecodePipeline(budget_ms=_FILE_BUDGET_MS, photo=True)

        def with_pipeline(gray: np.ndarray) -> list[tuple[Decoded, str]]:
            result = pipeline.decode(gray)
            return list(zip(result.codes, result.found_by, strict=True))

        return with_pipeline
    decoder = make_decoder(backend)
    return lambda gray: [(code, backend) for code in decoder.decode(gray)]


def run(paths: Sequence[str], out: TextIO, err: TextIO, backend: str = "pipeline") -> int:
    """Decodes each file in ``paths``; see the module docstring for output and exit status."""
    if backend not in CHOICES:
        err.write(f"station decode: unknown backend {backend!r} ({', '.join(CHOICES)})\n")
        return EXIT_BAD_FILE
    if not paths:
        err.write("station decode: no image files given\n")
        return EXIT_BAD_FILE
    decode = _decoder(backend)
    status = EXIT_OK
    for path in paths:
        name = _shown(path)
        try:
            gray = read_image(path)
            t0 = time.perf_counter()
            codes = decode(gray)
            ms = (time.perf_counter() - t0) * 1000
        except (BadImage, DecoderError) as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            _line(out, {"file": name, "error": reason})
            err.write(f"station decode: {name}: {reason}\n")
            status = EXIT_BAD_FILE
            continue
        except MemoryError:
            _line(out, {"file": name, "error": "not enough memory to decode this image"})
            err.write(f"station decode: {name}: not enough memory to decode this image\n")
            status = EXIT_BAD_FILE
            continue
        if not codes:
            err.write(f"station decode: {name}: no code found\n")
            status = max(status, EXIT_NO_CODE)
        for code, step in codes:
            _line(
                out,
                {
                    "file": name,
                    "symbology": code.symbology,
                    "text": code.text,
                    "corners": [list(p) for p in code.corners],
                    "backend": code.backend,
                    "step": step,
                    "ms": round(ms, 1),
                },
            )
        out.flush()
    return status
