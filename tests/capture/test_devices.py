from pathlib import Path

from station.capture.devices import v4l2_cameras


def node(sysfs: Path, name: str, *, label: str | None, index: str | None) -> None:
    folder = sysfs / name
    folder.mkdir(parents=True)
    if label is not None:
        (folder / "name").write_text(label + "\n")
    if index is not None:
        (folder / "index").write_text(index + "\n")


def test_lists_capture_nodes_in_order_without_metadata_nodes(tmp_path: Path) -> None:
    node(tmp_path, "video10", label="USB Camera B", index="0")
    node(tmp_path, "video2", label="HD Webcam C270", index="0")
    node(tmp_path, "video3", label="HD Webcam C270", index="1")  # its metadata node
    node(tmp_path, "video4", label="", index=None)  # an old driver without either file
    node(tmp_path, "v4l-subdev0", label="sensor", index="0")
    assert v4l2_cameras(tmp_path) == [
        ("HD Webcam C270", "/dev/video2"),
        ("video4", "/dev/video4"),
        ("USB Camera B", "/dev/video10"),
    ]


def test_a_pc_without_video4linux_has_no_cameras(tmp_path: Path) -> None:
    assert v4l2_cameras(tmp_path / "absent") == []
