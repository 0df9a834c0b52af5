"""The lock: this environment is exactly the locked set, and drift from pyproject.toml, from the
holds or in an environment is named, not silently installed around."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from installer.lockfile import (
    CONSTRAINTS,
    LOCK,
    PYPROJECT,
    applicable,
    check,
    environment_problems,
    installed,
    pyproject_problems,
    read_constraints,
    read_lock,
)

HASH = "    --hash=sha256:" + "0" * 64


def lock_text(*entries: str) -> str:
    return "".join(f"{entry} \\\n{HASH}\n" for entry in entries)


def test_this_environment_is_exactly_the_lock_and_the_lock_follows_pyproject() -> None:
    assert check() == []


def test_every_installed_distribution_has_the_locked_version() -> None:
    pins = applicable(read_lock(LOCK.read_text(encoding="utf-8")))
    present = installed()
    # The comparison is real: the heavy dependencies are among both sides.
    for name in ("pyside6", "opencv-python-headless", "numpy", "sqlalchemy", "pyinstaller"):
        assert present[name] == pins[name], name
    assert environment_problems(pins, present) == []


def test_every_locked_package_carries_hashes_for_pip_to_check() -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    assert len(pins) > 50
    assert all(pin.hashes >= 1 for pin in pins)


def test_the_holds_are_in_force() -> None:
    holds = read_constraints(CONSTRAINTS.read_text(encoding="utf-8"))
    pins = applicable(read_lock(LOCK.read_text(encoding="utf-8")))
    assert holds, "lock-constraints.txt names why each package is held"
    for hold in holds:
        assert pins[hold.name] in hold.specifier


def write_project(tmp_path: Path, dependencies: list[str], dev: list[str]) -> Path:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[project]\nname = 'returns-station'\nversion = '0'\n"
        f"dependencies = {dependencies!r}\n"
        f"[project.optional-dependencies]\ndev = {dev!r}\n",
        encoding="utf-8",
    )
    return pyproject


def test_a_dependency_added_to_pyproject_without_the_lock_is_named(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(lock_text("httpx==0.29.0"), encoding="utf-8")
    pyproject = write_project(tmp_path, ["httpx>=0.27", "rich>=13"], [])
    problems = check(lock, pyproject, tmp_path / "none.txt", environment=False)
    assert "rich is required by pyproject.toml but not locked" in problems
    assert problems[-1].endswith("run `make lock`")


def test_a_range_narrowed_past_the_locked_version_is_named(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(lock_text("httpx==0.29.0", "pytest==9.2.0"), encoding="utf-8")
    pyproject = write_project(tmp_path, ["httpx>=0.27"], ["pytest<9"])
    problems = check(lock, pyproject, tmp_path / "none.txt", environment=False)
    assert "pytest: locked 9.2.0, pyproject.toml asks <9" in problems


def test_the_real_pyproject_changed_without_the_lock_fails_the_check(tmp_path: Path) -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    changed = text.replace('"httpx>=0.27,<1",', '"httpx>=0.27,<1",\n    "requests>=2.31",')
    assert changed != text
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(changed, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "installer.lockfile", "check", "--pyproject", str(pyproject)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "requests is required by pyproject.toml but not locked" in result.stderr


def test_a_hold_the_lock_breaks_is_named_and_holds_on_absent_packages_are_not(
    tmp_path: Path,
) -> None:
    pins = {"opencv-python-headless": Version("5.1.0.95")}
    holds = [Requirement("opencv-python-headless<5.1"), Requirement("torch<3")]
    assert pyproject_problems([], pins, holds) == [
        "opencv-python-headless: locked 5.1.0.95, lock-constraints.txt asks <5.1"
    ]


def test_pins_for_other_platforms_do_not_count_here() -> None:
    pins = read_lock(
        lock_text("colorama==0.4.6 ; sys_platform == 'win32'", "numpy==2.4.6")
        + "    # via pytest\n"
    )
    assert [p.name for p in pins] == ["colorama", "numpy"]
    here = applicable(pins)
    assert ("colorama" in here) == (sys.platform == "win32")
    assert here["numpy"] == Version("2.4.6")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("httpx>=0.27\n", "line 1: not an exact pin"),
        ("alembic==1.20.1\n", "line 1: alembic has no hash"),
        (lock_text("numpy==2.4.6") + "-e .\n", "line 3: not an exact pin"),
    ],
)
def test_a_lock_that_is_not_exact_pins_with_hashes_is_refused(
    text: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=message):
        read_lock(text)
    lock = tmp_path / "requirements.lock"
    lock.write_text(text, encoding="utf-8")
    problems = check(lock, write_project(tmp_path, [], []), environment=False)
    assert problems and message in problems[0]


def test_an_environment_that_drifted_is_described_both_ways() -> None:
    pins = {"httpx": Version("0.29.0"), "numpy": Version("2.4.6"), "rich": Version("15.0.0")}
    present = {
        "httpx": Version("0.29.0"),
        "numpy": Version("2.5.5"),
        "requests": Version("2.32.0"),
        "pip": Version("23.2.1"),
        "returns-station": Version("0.1.0"),
    }
    assert environment_problems(pins, present) == [
        "numpy: 2.5.5 is installed, the lock has 2.4.6",
        "rich==15.0.0 is locked but not installed",
        "requests==2.32.0 is installed but not in the lock",
    ]
