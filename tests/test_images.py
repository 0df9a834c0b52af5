"""One pixel budget for every image the station opens: a small file claiming a huge picture
is refused from its header, costing no memory; a large JPEG is decoded at a fraction of its
size; every reader (photo import, image-folder cameras, code decoding from files, stored
photos for thumbnails, captions and evidence packs) goes through the same check."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from station.capture.frames import BadImage, read_image
from station.evidence.encode import check_pixels, decode_jpeg, load_image_bytes, load_image_file
from station.evidence.errors import ImageRejected
from station.images import MAX_PIXELS, ImageTooLarge, NotAnImage, decode_image, image_size
from tests.evidence.test_encode import png_bomb, png_header_only

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid 7071×7071 grey PNG of a few kilobytes: 50 megapixels once decoded."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    path.write_bytes(png_bomb(7071, 7071))
    assert path.stat().st_size < 100_000
    return path


@pytest.fixture(scope="module")
def big_jpeg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 49-megapixel JPEG, as a phone's 50 MP mode writes (grey and plain: small on disk)."""
    path = tmp_path_factory.mktemp("jpeg") / "phone.jpg"
    image = Image.radial_gradient("L").resize((7000, 7000))
    image.save(path, "JPEG", quality=80)
    return path


def test_the_bomb_is_refused_by_every_reader_before_decoding(bomb: Path) -> None:
    data = bomb.read_bytes()
    with pytest.raises(ImageTooLarge, match="7071×7071 pixels is more than 24 megapixels"):
        decode_image(data)
    with pytest.raises(ImageTooLarge):
        image_size(bomb)
    with pytest.raises(ImageRejected, match=r"bomb\.png is too large: 7071×7071 pixels") as caught:
        load_image_file(bomb)
    assert "7071×7071 像素（50 百万像素，上限 24）" in caught.value.message("zh_CN")
    with pytest.raises(BadImage, match="image too large \\(limit 24 megapixels, this one is 7071x"):
        read_image(bomb)
    with pytest.raises(ImageRejected, match="too large"):
        check_pixels(data, "The stored photo")  # thumbnails, captions and packs check first
    with pytest.raises(ImageRejected, match="too large"):
        decode_jpeg(data)


@pytest.mark.parametrize(
    ("width", "height"), [(4899, 4899), (6000, 4001), (20_000, 10_000), (2**31 - 1, 2)]
)
def test_any_picture_past_the_budget_is_refused_from_its_header(width: int, height: int) -> None:
    assert width * height > MAX_PIXELS
    with pytest.raises(ImageTooLarge):
        decode_image(png_header_only(width, height))


def test_a_picture_within_the_budget_is_decoded_whole() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (6000, 4000), (10, 20, 30)).save(buffer, "PNG")  # 24 MP exactly
    frame = load_image_bytes(buffer.getvalue())
    assert frame.shape == (4000, 6000, 3) and tuple(frame[0, 0]) == (30, 20, 10)  # BGR


def test_a_jpeg_past_the_budget_is_decoded_at_half_its_size(big_jpeg: Path) -> None:
    frame = load_image_file(big_jpeg)
    assert frame.shape == (3500, 3500, 3)
    assert frame.shape[0] * frame.shape[1] <= MAX_PIXELS
    assert image_size(big_jpeg) == (7000, 7000)


_MEASURE = """
import json, resource, sys
from pathlib import Path
from station.evidence.encode import load_image_file
from station.evidence.errors import ImageRejected
path = Path(sys.argv[1])
load_image_file  # imported: what the libraries cost is not counted
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    shape = list(load_image_file(path).shape)
except ImageRejected as exc:
    shape = str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grown_mb": (after - before) / 1024, "result": shape}))
"""


def _grown(path: Path) -> tuple[float, object]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["grown_mb"], answer["result"]


def test_memory_stays_low_for_the_bomb_and_the_big_jpeg(bomb: Path, big_jpeg: Path) -> None:
    """Measured in a fresh process: its peak resident memory before and after the import."""
    grown, result = _grown(bomb)
    assert isinstance(result, str) and "too large" in result
    assert grown < 20, f"refusing the bomb took {grown:.0f} MB"
    grown, result = _grown(big_jpeg)
    assert result == [3500, 3500, 3]
    assert grown < 200, f"a 49 MP JPEG took {grown:.0f} MB (whole, it takes over 500)"


def test_a_folder_camera_skips_the_bomb_and_plays_the_rest(tmp_path: Path, bomb: Path) -> None:
    from station.capture.frames import open_source

    (tmp_path / "a.png").write_bytes(bomb.read_bytes())
    Image.new("RGB", (64, 48), (1, 2, 3)).save(tmp_path / "b.png")
    source = open_source(f"images:{tmp_path}", pace=False)
    source.open()
    try:
        frame = source.read()
    finally:
        source.close()
    assert isinstance(frame, np.ndarray) and frame.shape == (48, 64, 3)


LOOPING_EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{} loop\n%%EOF\n"


def test_an_eps_file_is_refused_before_ghostscript_is_started(tmp_path: Path) -> None:
    """Pillow decodes EPS by running Ghostscript: a looping one hung `station decode`, and a
    bench could have sent one to central's export as a photo."""
    eps = tmp_path / "label.eps"
    eps.write_bytes(LOOPING_EPS)
    with pytest.raises(NotAnImage, match="a EPS image, not one of BMP, GIF, JPEG, PNG"):
        decode_image(LOOPING_EPS)
    with pytest.raises(NotAnImage):
        image_size(eps)
    with pytest.raises(BadImage):
        read_image(eps)
    with pytest.raises(ImageRejected):
        check_pixels(LOOPING_EPS, "The stored photo")
