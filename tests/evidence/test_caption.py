from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from station.evidence.blobs import hash_file
from station.evidence.caption import Caption, clean_field, render_captioned
from station.evidence.encode import encode_jpeg
from station.evidence.photos import EvidenceStore
from station.fonts import find_font
from station.protocol.enums import PhotoKind
from tests.evidence.conftest import textured_frame

CHINA = timezone(timedelta(hours=8))


def stored(store: EvidenceStore, frame: np.ndarray) -> str:
    return store.blobs.put(encode_jpeg(frame).data).sha256


def caption_for(sha: str, **changes: str) -> Caption:
    fields = {
        "taken_at": datetime(2026, 11, 20, 9, 45, 5, tzinfo=UTC),
        "station_id": "ST-HZ01",
        "rma_no": "RMA20261120000017",
        "inspector": "王芳 I1001",
        "kind": PhotoKind.DEFECT,
        "sha256": sha,
    }
    fields.update(changes)
    return Caption(**fields)


def test_the_caption_reads_in_local_time_and_carries_the_full_hash() -> None:
    sha = "ab" * 32
    lines = caption_for(sha).lines(CHINA)
    assert lines[0].startswith("2026-11-20 17:45:05 +08:00")
    assert "RMA RMA20261120000017" in lines[0] and "ST-HZ01" in lines[0]
    assert "王芳 I1001" in lines[1] and "瑕疵特写 Defect close-up" in lines[1]
    assert lines[2] == f"SHA-256 {sha}"


def test_control_and_direction_characters_never_reach_a_caption() -> None:
    hostile = "RMA1\x1b[31m\u202eevil\x00\n" + "9" * 300
    cleaned = clean_field(hostile)
    assert cleaned.startswith("RMA1[31mevil")
    assert not any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E for c in cleaned)
    assert len(cleaned) == 60 and cleaned.endswith("…")
    with pytest.raises(ValueError):
        caption_for("../../etc/passwd").lines()


def test_a_captioned_copy_adds_a_band_and_leaves_the_original_alone(store: EvidenceStore) -> None:
    assert find_font().path.is_file()  # fonts-wqy-zenhei is installed
    frame = textured_frame(960, 720)
    sha = stored(store, frame)
    original = store.blobs.path_for(sha)
    before = original.read_bytes()
    path = store.captioned.ensure(caption_for(sha), store.blobs, tz=CHINA)
    assert path.is_relative_to(store.root / "captioned")
    copy = Image.open(path)
    assert copy.width == 960 and copy.height > 720 + 40
    band = np.asarray(copy.convert("L"))[722:, :]
    assert band.max() > 200 and band.min() < 50  # white text drawn on the dark band
    assert original.read_bytes() == before and hash_file(original)[0] == sha
    assert list(store.blobs.digests()) == [sha]  # the copy is not an original


def test_different_captions_are_different_copies(store: EvidenceStore) -> None:
    sha = stored(store, textured_frame(320, 240))
    first = store.captioned.ensure(caption_for(sha), store.blobs, tz=CHINA)
    other = store.captioned.ensure(caption_for(sha, rma_no="RMA9"), store.blobs, tz=CHINA)
    assert first != other and first.exists() and other.exists()
    assert store.captioned.ensure(caption_for(sha), store.blobs, tz=CHINA) == first


def test_chinese_is_drawn_with_a_real_glyph_not_tofu() -> None:
    jpeg = encode_jpeg(np.full((120, 400, 3), 128, np.uint8)).data
    sha = "cd" * 32

    def band(inspector: str) -> np.ndarray:
        out = render_captioned(jpeg, caption_for(sha, inspector=inspector), tz=CHINA)
        image = np.asarray(Image.open(io.BytesIO(out)).convert("L"), np.float32)
        return image[120:]

    # Two different Chinese names must render differently; missing glyphs would all be
    # the same empty box.
    assert np.abs(band("王芳") - band("李娜")).mean() > 0.05


def test_a_caption_on_a_narrow_photo_is_shrunk_to_fit(tmp_path: Path) -> None:
    jpeg = encode_jpeg(textured_frame(160, 120)).data
    out = Image.open(io.BytesIO(render_captioned(jpeg, caption_for("ef" * 32))))
    assert out.width == 160 and out.height > 120
