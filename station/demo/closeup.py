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
        margin = 200  # room for the item to move under the lens
        width, height = SIZE[0] + margin, SIZE[1] + margin
        # a knitted navy garment: fine ribs, a little unevenness, a sewn-in care label
        x = np.arange(width)[None, :]
        y = np.arange(height)[:, None]
        ribs = (np.sin(x / 3.2) * 18 + np.sin(y / 7.0 + x / 40) * 8).astype(np.int16)
        wobble = cv2.resize(rng.normal(0, 10, (height // 40, width // 40)), (width, height)).astype(
            np.int16
        )
        navy = np.array([92, 52, 38], np.int16)  # BGR
        item = np.clip(navy + (ribs + wobble)[:, :, None], 0, 255).astype(np.uint8)
        cv2.rectangle(item, (520, 300), (900, 560), (236, 236, 230), -1)
        for n, text in enumerate(("SIZE M", "100% COTTON", "WASH 30 C", "CLOSE-UP")):
            cv2.putText(
                item, text, (545, 350 + 55 * n), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (40, 40, 40), 2
            )
        cv2.ellipse(item, (1050, 680), (70, 40), 20, 0, 360, (70, 90, 120), -1)  # a stain
        self._item = cv2.GaussianBlur(item, (3, 3), 0)
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
