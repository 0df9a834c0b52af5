"""The demo's close-up camera: what a second camera over the item would film.

It stands in for a close-up camera at a demo bench (``camera2 = "demo"``): a textured item
under a lens, moving a little as hands turn it, with sensor noise, in real time. It is a frame
source like any camera, so the close-up take is recorded exactly as a real one would be.
"""

from __future__ import annotations

import time

import cv2
import numpy as np

SIZE = (1280, 720)


class CloseupDemoCamera:
    def __init__(self, fps: float = 15.0, seed: int = 11) -> None:
        self.name = "demo close-up camera"
        self.fps = fps
        rng = np.random.default_rng(seed)
        weave = rng.integers(60, 200, (SIZE[1] // 12, SIZE[0] // 12, 3), dtype=np.uint8)
        self._item = cv2.resize(
            weave, (SIZE[0] + 200, SIZE[1] + 200), interpolation=cv2.INTER_CUBIC
        )
        cv2.putText(
            self._item, "CLOSE-UP", (140, 180), cv2.FONT_HERSHEY_SIMPLEX, 3, (240, 240, 240), 6
        )
        self._noise = rng.normal(0, 4, (SIZE[1], SIZE[0], 3)).astype(np.int16)
        self._n = 0
        self._next = 0.0

    def open(self) -> None:
        self._next = time.monotonic()

    def read(self) -> np.ndarray:
        self._next += 1 / self.fps
        time.sleep(max(0.0, self._next - time.monotonic()))
        self._n += 1
        dx = int(100 + 80 * np.sin(self._n / 25))
        dy = int(100 + 60 * np.cos(self._n / 31))
        view = self._item[dy : dy + SIZE[1], dx : dx + SIZE[0]].astype(np.int16)
        noisy = view + np.roll(self._noise, self._n * 7, axis=1)
        picture: np.ndarray = np.clip(noisy, 0, 255).astype(np.uint8)
        return picture

    def close(self) -> None:
        pass
