"""The live decoding pipeline: one cheap pass per frame, targeted fallbacks within a time budget.

Neither backend reads everything, and a second full pass of the other backend on every frame
would cost more than a camera frame lasts. So:

1. ``primary``: the primary backend (zxing-cpp by default) reads the whole frame, upright only;
2. ``regions``: a texture map finds barcode-like places no code was read from; none means
   nothing more to try (an empty bench costs only steps 1 and 2);
3. for each such region, cheapest first, until one read succeeds: ``roi``, zxing-cpp on the
   region turned level (a 45° code defeats row scanners) and enlarged when its bars are thin;
   ``roi-secondary``, the secondary backend on the region's untouched pixels (what it would
   have read on the whole frame, for a fraction of the cost); ``roi-enhanced``, the levelled
   region sharpened and stretched; ``roi-profile``, the bars averaged into one line, deblurred
   and redrawn (defocus);
4. ``secondary``: when regions were found but nothing at all was read, the secondary backend
   on the whole frame.

A still ``photo`` (``station decode``) is not a camera frame: it may hold 50 megapixels, its
code may fill a third of it or a hundredth, and there are seconds to spend. Its primary pass
is zxing-cpp with every try it knows (turned, inverted, smaller copies); steps 2-4 run on the
photo and again on a copy shrunk to about 2000 px (``smaller``: regions of a close-up's large
modules are found and read there); and while something barcode-like is left unread,
``inverted`` reads the photo as light-on-dark print, which zxing-cpp tries for 2-D codes only.

A step is skipped when its estimated cost (learnt per megapixel as frames go by) does not fit in
what is left of ``budget_ms``; only step 1 always runs. No one frame can switch a step off for
good: a measurement counts for at most a few times the estimate (a stall of the machine, a
tiny frame whose fixed cost looks huge per megapixel), and each time a step is skipped its
estimate eases back toward its seed, so it runs again and is measured afresh. One pipeline per
worker thread: ``decode`` may run on any thread but not on two at once for one instance.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Final

import cv2
import numpy as np

from station.capture.decoders import (
    DEFAULT_SYMBOLOGIES,
    Decoded,
    Decoder,
    DecoderError,
    PyzbarDecoder,
    ZxingDecoder,
    check_gray,
)
from station.capture.regions import (
    Cut,
    Region,
    bar_profiles,
    crop_region,
    cut_region,
    enhance,
    find_regions,
)

log = logging.getLogger(__name__)

DEFAULT_BACKEND: Final = "zxing"
DEFAULT_BUDGET_MS: Final = 30.0
STEPS: Final = (
    "primary",
    "regions",
    "roi",
    "roi-secondary",
    "roi-enhanced",
    "roi-profile",
    "secondary",
    "inverted",
)
LINEAR: Final = frozenset(
    {"code128", "code39", "code93", "codabar", "ean13", "ean8", "upca", "upce", "itf"}
)
_SEED_MS_PER_MPX: Final = {
    "primary": 6.0,
    "regions": 3.0,
    "roi-secondary": 20.0,
    "roi": 8.0,
    "roi-enhanced": 8.0,
    "roi-profile": 10.0,
    "secondary": 25.0,
    "inverted": 30.0,
}
_PHOTO_SIDE: Final = 2000  # the long side of a photo's shrunk copy, px
_MOST_PER_MEASURE: Final = 4.0  # one measurement weighs as at most this many estimates
_EASE_WHEN_SKIPPED: Final = 0.9  # a skipped step's estimate moves this much toward its seed

Place = Callable[[Decoded], Decoded]  # from a cut-out's pixels to the frame's


@dataclass(frozen=True, slots=True)
class FrameResult:
    codes: tuple[Decoded, ...]
    found_by: tuple[str, ...]  # the step that read each code, same order as ``codes``
    unread: tuple[Region, ...]  # barcode-like regions left unread (e.g. for "hold it still")
    timings: tuple[tuple[str, float], ...]  # (step, ms) of every step that ran, in order
    steps_skipped: int  # fallbacks that did not fit in the budget
    elapsed_ms: float


@dataclass
class _Frame:
    gray: np.ndarray  # what the steps look at
    started: float
    codes: dict[tuple[str, str], tuple[Decoded, str]] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)
    skipped: int = 0
    scale: float = 1.0  # frame pixels per pixel of ``gray`` (a photo's shrunk copy)


def make_backend(
    name: str, symbologies: Iterable[str], *, roi: bool = False, photo: bool = False
) -> Decoder:
    """A backend as the pipeline uses it. On whole camera frames zxing-cpp reads upright only
    (the levelled regions cover turned codes), never on smaller copies (it halves its cost per
    frame) and never inverted; on cut-outs it also tries light-on-dark, which costs little
    there. A still ``photo`` gets every try zxing-cpp knows: its smaller copies are what read
    a phone's close-up, whose modules are too large for its binariser at full size."""
    if name == "zxing":
        if photo:
            return ZxingDecoder(symbologies, try_rotate=True, try_downscale=True, try_invert=True)
        return ZxingDecoder(symbologies, try_rotate=roi, try_downscale=False, try_invert=roi)
    if name == "pyzbar":
        return PyzbarDecoder(symbologies)
    raise DecoderError(f"unknown decoder backend {name!r} (choose from zxing, pyzbar)")


class DecodePipeline:
    """Reads a camera frame (BGR or grey) with fallbacks; see the module docstring."""

    def __init__(
        self,
        primary: str = DEFAULT_BACKEND,
        secondary: str | None = "pyzbar",
        *,
        budget_ms: float = DEFAULT_BUDGET_MS,
        fallbacks: bool = True,
        max_regions: int = 4,
        symbologies: Iterable[str] = DEFAULT_SYMBOLOGIES,
        photo: bool = False,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if budget_ms <= 0:
            raise ValueError("budget_ms must be positive")
        if max_regions < 0:
            raise ValueError("max_regions must not be negative")
        wanted = frozenset(symbologies)
        if secondary == primary:
            secondary = None
        self.primary = make_backend(primary, wanted, photo=photo)
        self.secondary = make_backend(secondary, wanted) if secondary else None
        # zbar now and then "reads" a resampled, sharpened blur as a wrong number that passes
        # the check digit; zxing-cpp does not, so it gets the resampled copies when present.
        resampler = "zxing" if "zxing" in (primary, secondary) else primary
        self._resampled = make_backend(resampler, wanted, roi=True)
        linear = wanted & LINEAR
        self._profiles = make_backend(resampler, linear, roi=True) if linear else None
        self.photo = photo
        self.budget_ms = budget_ms
        self.fallbacks = fallbacks
        self.max_regions = max_regions
        self._clock = clock
        self._ms_per_mpx = dict(_SEED_MS_PER_MPX)

    def decode(self, image: np.ndarray) -> FrameResult:
        gray = _to_gray(image)
        frame = _Frame(gray, self._clock())
        self._step(frame, "primary", self.primary, gray, _unmoved)
        unread = self._fall_back(frame) if self.fallbacks else []
        if self.photo and self.fallbacks:
            unread = self._photo_fallbacks(frame, unread)
        codes = list(frame.codes.values())
        return FrameResult(
            codes=tuple(c for c, _ in codes),
            found_by=tuple(step for _, step in codes),
            unread=tuple(r for r in unread if not _explained(r, frame)),
            timings=tuple(frame.timings),
            steps_skipped=frame.skipped,
            elapsed_ms=(self._clock() - frame.started) * 1000,
        )

    def _photo_fallbacks(self, frame: _Frame, unread: list[Region]) -> list[Region]:
        side = max(frame.gray.shape)
        if side > 1.5 * _PHOTO_SIDE:
            scale = side / _PHOTO_SIDE
            h, w = frame.gray.shape
            size = (round(w / scale), round(h / scale))
            smaller = replace(
                frame, gray=cv2.resize(frame.gray, size, interpolation=cv2.INTER_AREA), scale=scale
            )
            unread = [_grown(r, scale) for r in self._fall_back(smaller)]
            frame.skipped = smaller.skipped
        if any(not _explained(r, frame) for r in unread):
            self._step(frame, "inverted", self.primary, 255 - frame.gray, _unmoved)
        return unread

    def _fall_back(self, frame: _Frame) -> list[Region]:
        gray = frame.gray
        if not self._fits(frame, "regions", gray.size):
            self._skipped(frame, "regions")
            return []
        t0 = self._clock()
        known = [_shrunk(c, frame.scale) for c, _ in frame.codes.values()]
        regions = find_regions(gray, known)
        self._record(frame, "regions", gray.size, t0)
        unread = [r for r in regions[: self.max_regions] if not self._read_region(frame, r)]
        unread += regions[self.max_regions :]
        # Last resort when something looks printed but nothing at all was read: now and then
        # zbar reads a smeared code on the whole frame that no cut-out of it gives.
        if regions and not frame.codes and self.secondary is not None:
            self._step(frame, "secondary", self.secondary, gray, _unmoved)
        return unread

    def _read_region(self, frame: _Frame, region: Region) -> bool:
        cut = cut_region(frame.gray, region)
        place = _affine(cut)
        if self._step(frame, "roi", self._resampled, cut.image, place):
            return True
        if self.secondary is not None:
            crop, (dx, dy) = crop_region(frame.gray, region)
            if self._step(frame, "roi-secondary", self.secondary, crop, _offset(dx, dy)):
                return True
        if self._step(frame, "roi-enhanced", self._resampled, enhance(cut.image), place):
            return True
        if self._profiles is not None:
            corners = region.corners()
            for profile in bar_profiles(cut):
                if self._step(frame, "roi-profile", self._profiles, profile, _at(corners)):
                    return True
        return False

    def _step(
        self, frame: _Frame, step: str, decoder: Decoder, image: np.ndarray, place: Place
    ) -> bool:
        """Runs one step if it fits the budget; True if it read a code not read before."""
        if step != "primary" and not self._fits(frame, step, image.size):
            self._skipped(frame, step)
            return False
        t0 = self._clock()
        try:
            found = decoder.decode(image)
        except DecoderError as exc:  # e.g. a region cut too small to hold a code
            log.debug("%s skipped: %s", step, exc)
            return False
        self._record(frame, step, image.size, t0)
        new = False
        for code in map(place, found):
            code = _shrunk(code, 1 / frame.scale)
            if code.key in frame.codes:
                continue
            if _contradicts(code, frame):
                log.debug("%s: %s read over another number, dropped", step, code.symbology)
                continue
            frame.codes[code.key] = (code, step)
            new = True
        return new

    def _fits(self, frame: _Frame, step: str, pixels: int) -> bool:
        elapsed_ms = (self._clock() - frame.started) * 1000
        return elapsed_ms + self._ms_per_mpx[step] * pixels / 1e6 <= self.budget_ms

    def _record(self, frame: _Frame, step: str, pixels: int, t0: float) -> None:
        took_ms = (self._clock() - t0) * 1000
        frame.timings.append((step, took_ms))
        estimate = self._ms_per_mpx[step]
        rate = min(took_ms / max(pixels / 1e6, 1e-3), _MOST_PER_MEASURE * estimate)
        self._ms_per_mpx[step] = 0.8 * estimate + 0.2 * rate

    def _skipped(self, frame: _Frame, step: str) -> None:
        frame.skipped += 1
        seed = _SEED_MS_PER_MPX[step]
        estimate = self._ms_per_mpx[step]
        if estimate > seed:  # not skipped for ever on an estimate no longer measured
            self._ms_per_mpx[step] = seed + _EASE_WHEN_SKIPPED * (estimate - seed)


def _to_gray(image: np.ndarray) -> np.ndarray:
    if isinstance(image, np.ndarray) and image.ndim == 3 and image.shape[2] in (3, 4):
        if image.dtype != np.uint8:
            raise DecoderError(f"expected 8-bit colour, got dtype {image.dtype}")
        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(image, code)  # a camera frame, however small: read as it is
    if isinstance(image, np.ndarray) and image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]  # grey with a channel axis, as some cameras deliver it
    return check_gray(image)


def _explained(region: Region, frame: _Frame) -> bool:
    return any(
        cv2.pointPolygonTest(np.array(c.corners, np.float32), region.center, False) >= 0
        for c, _ in frame.codes.values()
        if len(c.corners) >= 3
    )


def _contradicts(code: Decoded, frame: _Frame) -> bool:
    """A linear code read where another linear code with a different number was read already:
    one printed code, two numbers, and the later read (zxing-cpp's smaller copies, a cut-out)
    is the less sure one."""
    if code.symbology not in LINEAR or len(code.corners) < 3:
        return False
    centre = tuple(float(v) for v in np.mean(np.array(code.corners, np.float32), axis=0))
    return any(
        other.symbology in LINEAR
        and len(other.corners) >= 3
        and cv2.pointPolygonTest(np.array(other.corners, np.float32), centre, False) >= 0
        for other, _ in frame.codes.values()
    )


def _unmoved(code: Decoded) -> Decoded:
    return code


def _shrunk(code: Decoded, scale: float) -> Decoded:
    """``code`` as found in a copy ``scale`` times smaller."""
    if scale == 1.0:
        return code
    corners = tuple((round(x / scale), round(y / scale)) for x, y in code.corners)
    return Decoded(code.symbology, code.text, corners, code.backend)


def _grown(region: Region, scale: float) -> Region:
    (x, y), (w, h) = region.center, region.size
    return Region((x * scale, y * scale), (w * scale, h * scale), region.angle, region.score)


def _offset(dx: float, dy: float) -> Place:
    def place(code: Decoded) -> Decoded:
        corners = tuple((round(x + dx), round(y + dy)) for x, y in code.corners)
        return Decoded(code.symbology, code.text, corners, code.backend)

    return place


def _affine(cut: Cut) -> Place:
    def place(code: Decoded) -> Decoded:
        points = np.array(code.corners, np.float64).reshape(-1, 1, 2)
        mapped = cv2.transform(points, cut.transform).reshape(-1, 2)
        corners = tuple((round(float(x)), round(float(y))) for x, y in mapped)
        return Decoded(code.symbology, code.text, corners, code.backend)

    return place


def _at(corners: tuple[tuple[int, int], ...]) -> Place:
    def place(code: Decoded) -> Decoded:  # a redrawn profile has no pixels of the frame
        return Decoded(code.symbology, code.text, corners, code.backend)

    return place
