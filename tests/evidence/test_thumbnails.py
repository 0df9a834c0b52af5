from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from station.evidence.encode import encode_jpeg
from station.evidence.photos import EvidenceStore
from station.evidence.thumbnails import render_thumbnail
from tests.evidence.conftest import textured_frame


def stored(store: EvidenceStore, frame: np.ndarray) -> str:
    return store.blobs.put(encode_jpeg(frame).data).sha256


def test_a_thumbnail_is_320_wide_and_keeps_the_aspect_ratio() -> None:
    thumb = cv2.imdecode(np.frombuffer(render_thumbnail(textured_frame(1920, 1080)), np.uint8), 1)
    assert thumb.shape == (180, 320, 3)
    small = cv2.imdecode(np.frombuffer(render_thumbnail(textured_frame(200, 150)), np.uint8), 1)
    assert small.shape == (150, 200, 3)  # never enlarged


def test_a_lost_thumbnail_is_recreated_from_its_original(store: EvidenceStore) -> None:
    sha = stored(store, textured_frame(1280, 960))
    path = store.thumbnails.ensure(sha, store.blobs)
    assert path.parent.parent == store.root / "thumbs"
    assert Image.open(path).size == (320, 240)
    path.unlink()
    assert store.thumbnails.ensure(sha, store.blobs) == path and path.exists()
