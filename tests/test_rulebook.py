from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from station import app
from station.config import resources_dir
from station.protocol.enums import Category
from station.qc.policy import PolicyError, QcPolicy, parse_policy
from station.rulebook import load_policy
from tests.conftest import make_settings

CHECKLISTS = resources_dir() / "checklists"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "checklists"
    shutil.copytree(CHECKLISTS, target)
    return target


def open_with(tmp_path: Path, folder: Path, policy: Path | None = None) -> app.Station:
    settings = make_settings(tmp_path / "data", checklists_dir=folder, policy_file=policy)
    return app.open_station(settings)


def test_the_shipped_rulebook_loads_without_problems(station: app.Station) -> None:
    rulebook = station.workflow.rulebook
    assert rulebook.problems == []
    assert rulebook.for_category(Category.APPAREL).id == "apparel"
    assert rulebook.for_category(Category.VIRTUAL).id == "generic"


def test_a_broken_template_is_refused_and_the_last_good_version_kept(
    tmp_path: Path, folder: Path
) -> None:
    open_with(tmp_path, folder).close()  # stores apparel v1
    text = (folder / "apparel.toml").read_text()
    (folder / "apparel.toml").write_text(
        text.replace("version = 1", "version = 2").replace('kind = "yes_no"', 'kind = "maybe"', 1)
    )
    station = open_with(tmp_path, folder)
    try:
        rulebook = station.workflow.rulebook
        assert len(rulebook.problems) == 1
        problem = rulebook.problems[0]
        assert problem.source == "apparel.toml" and "unknown value 'maybe'" in problem.message
        assert "apparel.toml:" in problem.message  # file and line
        kept = rulebook.for_category(Category.APPAREL)
        assert (kept.id, kept.version) == ("apparel", 1)
        assert rulebook.for_category(Category.FOOD).id == "food"  # the others are unaffected
    finally:
        station.close()


def test_a_changed_template_needs_a_new_version(tmp_path: Path, folder: Path) -> None:
    open_with(tmp_path, folder).close()
    path = folder / "food.toml"
    path.write_text(path.read_text().replace("在保质期内？", "在保质期内吗？"))
    station = open_with(tmp_path, folder)
    try:
        assert "without a new version number" in station.workflow.rulebook.problems[0].message
        kept = station.workflow.rulebook.for_category(Category.FOOD)
        assert "在保质期内？" in kept.body
    finally:
        station.close()
    path.write_text(path.read_text().replace("version = 1", "version = 2"))
    station = open_with(tmp_path, folder)
    try:
        assert station.workflow.rulebook.problems == []
        assert station.workflow.rulebook.for_category(Category.FOOD).version == 2
    finally:
        station.close()


def test_a_template_must_be_named_after_its_id(tmp_path: Path, folder: Path) -> None:
    (folder / "home.toml").rename(folder / "house.toml")
    station = open_with(tmp_path, folder)
    try:
        assert "differs from the file name" in station.workflow.rulebook.problems[0].message
    finally:
        station.close()


def test_unreadable_template_files_are_problems_not_crashes(tmp_path: Path, folder: Path) -> None:
    (folder / "bags.toml").write_bytes(b"\xff\xfe\x00garbage")
    station = open_with(tmp_path, folder)
    try:
        assert station.workflow.rulebook.problems[0].source == "bags.toml"
        assert station.workflow.rulebook.for_category(Category.BAGS).id == "generic"
    finally:
        station.close()


def _hostile_files(folder: Path) -> dict[str, str]:
    """Files that took a traceback, 2 GB of memory or a hang to read: nested past Python's
    recursion limit, a FIFO, a link to /dev/zero, a sparse file of a gigabyte."""
    for name in ("footwear.toml", "beauty.toml", "home.toml"):
        (folder / name).unlink()
    (folder / "bags.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    os.mkfifo(folder / "footwear.toml")
    (folder / "beauty.toml").symlink_to("/dev/zero")
    with (folder / "home.toml").open("wb") as huge:
        huge.truncate(1 << 30)
    return {
        "bags.toml": "nested too deeply",
        "footwear.toml": "not a regular file",
        "beauty.toml": "not a regular file",
        "home.toml": "larger than",
    }


def test_hostile_template_files_are_problems_and_the_station_starts(
    tmp_path: Path, folder: Path
) -> None:
    expected = _hostile_files(folder)
    station = open_with(tmp_path, folder)
    try:
        problems = {p.source: p.message for p in station.workflow.rulebook.problems}
        assert sorted(problems) == sorted(expected)
        for source, why in expected.items():
            assert why in problems[source], problems[source]
        assert station.workflow.rulebook.for_category(Category.BAGS).id == "generic"
    finally:
        station.close()


@pytest.mark.parametrize("kind", ["nested", "fifo", "devzero"])
def test_a_hostile_policy_file_falls_back_to_the_defaults(tmp_path: Path, kind: str) -> None:
    path, keep = tmp_path / "policy.toml", tmp_path / "data" / "policy.last-good.toml"
    if kind == "nested":
        path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    policy, problems = load_policy(path, keep)
    assert policy == QcPolicy() and len(problems) == 1


POLICY = (resources_dir() / "policy.toml").read_text()


@pytest.mark.parametrize(
    "text,reason",
    [
        ("[windows\n", "not valid TOML"),
        ("[windows]\nno_reason_days = -1\n", "whole number of days"),
        ("[windows]\nforever = 1\n", "unknown key 'forever'"),
        ("[no_reason]\ntags_removed = 1.5\n", "share 0-1"),
        ("[no_reason]\ntagz_removed = 0.1\n", "unknown finding 'tagz_removed'"),
        ("[partial]\nmax_share = 0\n", "max_share"),
        ("[bonus]\nx = 1\n", "unknown table 'bonus'"),
    ],
)
def test_bad_policies_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(PolicyError, match=reason):
        parse_policy(text, "policy.toml")


def test_a_bad_policy_file_falls_back_to_the_last_good_copy(tmp_path: Path) -> None:
    path, keep = tmp_path / "policy.toml", tmp_path / "data" / "policy.last-good.toml"
    path.write_text(POLICY.replace("tags_removed = 0.2", "tags_removed = 0.25"))
    good, problems = load_policy(path, keep)
    assert problems == [] and good.no_reason["tags_removed"] == 0.25
    path.write_text("[no_reason]\ntags_removed = 7\n")
    kept, problems = load_policy(path, keep)
    assert kept == good
    assert "policy.toml:2" in problems[0].message
