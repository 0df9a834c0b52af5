"""The lock of every Python package, ``requirements.lock``, checked against what should follow it.

``requirements.lock`` is written by ``make lock`` (uv, with every wheel's hash, holding back what
``lock-constraints.txt`` holds back) and installed by the Makefile with
``pip --require-hashes --no-deps``. Two things can drift from it:

- ``pyproject.toml`` or the holds: a dependency added, dropped or narrowed without the lock
  refreshed;
- an environment: packages installed by hand, or left over from an older lock.

``python -m installer.lockfile check`` reports both (exit status 1 when anything is off);
the Makefile runs it after every install and the installer build before bundling.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import sysconfig
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
CONSTRAINTS = ROOT / "lock-constraints.txt"
PROJECT = "returns-station"
# The extras of the project that the lock covers (the Makefile installs the project with them).
EXTRAS = ("dev",)
# Installed in every virtual environment by venv itself; not part of the project's set.
INSTALLER_TOOLS = frozenset({"pip"})

_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)(?:\s*;(?P<marker>[^\\]+))?"
)


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: Marker | None
    hashes: int

    def applies(self) -> bool:
        """Whether this pin is for the running interpreter and platform."""
        return self.marker is None or self.marker.evaluate()


def read_lock(text: str) -> list[Pin]:
    """Every ``name==version [; marker]`` entry of a requirements lock, with its hash count.

    Raises ValueError, naming the line, for an entry that is not an exact pin with a hash.
    """
    pins: list[Pin] = []
    entries: list[tuple[int, str]] = []  # (line number, the entry's lines joined)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace() and entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + " " + line.strip())
        else:
            entries.append((number, line.strip()))
    for number, entry in entries:
        match = _PIN.match(entry)
        if match is None:
            raise ValueError(f"line {number}: not an exact pin: {entry[:80]}")
        hashes = entry.count("--hash=sha256:")
        if not hashes:
            raise ValueError(f"line {number}: {match['name']} has no hash")
        marker = match["marker"]
        pins.append(
            Pin(
                canonicalize_name(match["name"]),
                Version(match["version"]),
                Marker(marker.strip()) if marker else None,
                hashes,
            )
        )
    return pins


def read_constraints(text: str) -> list[Requirement]:
    """The holds of ``lock-constraints.txt``: one requirement a line, ``#`` comments."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [Requirement(line) for line in lines if line]


def applicable(pins: Iterable[Pin]) -> dict[str, Version]:
    """The pins for this interpreter and platform, by normalised name."""
    chosen: dict[str, Version] = {}
    for pin in pins:
        if not pin.applies():
            continue
        if pin.name in chosen and chosen[pin.name] != pin.version:
            raise ValueError(f"{pin.name} is pinned to two versions for this platform")
        chosen[pin.name] = pin.version
    return chosen


def direct_requirements(pyproject: Mapping[str, object]) -> list[Requirement]:
    """The project's dependencies and those of the extras the lock covers."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    lines = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in EXTRAS:
        lines += optional.get(extra, [])
    return [Requirement(line) for line in lines]


def pyproject_problems(
    requirements: Iterable[Requirement],
    pins: Mapping[str, Version],
    holds: Iterable[Requirement] = (),
) -> list[str]:
    """What ``make lock`` would have to fix: direct requirements (every one must be locked) and
    holds (where their package is locked) that the locked versions do not satisfy."""
    problems = []
    wanted = [(r, "pyproject.toml", True) for r in requirements]
    wanted += [(r, "lock-constraints.txt", False) for r in holds]
    for requirement, source, required in wanted:
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            if required:
                problems.append(f"{requirement.name} is required by {source} but not locked")
        elif not requirement.specifier.contains(version, prereleases=True):
            asked = requirement.specifier
            problems.append(f"{requirement.name}: locked {version}, {source} asks {asked}")
    return problems


def installed() -> dict[str, Version]:
    """The distributions installed in the running environment, by normalised name.

    Only its site-packages are read: ``sys.path`` can also hold copies vendored inside other
    packages (setuptools puts its own on the path once PyInstaller has imported it).
    """
    folders = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    found: dict[str, Version] = {}
    for dist in importlib.metadata.distributions(path=folders):
        name = dist.metadata["Name"]
        if name:
            found[canonicalize_name(name)] = Version(dist.version)
    return found


def environment_problems(pins: Mapping[str, Version], present: Mapping[str, Version]) -> list[str]:
    """Differences between the environment and the lock, in both directions."""
    problems = []
    for name, version in sorted(pins.items()):
        have = present.get(name)
        if have is None:
            problems.append(f"{name}=={version} is locked but not installed")
        elif have != version:
            problems.append(f"{name}: {have} is installed, the lock has {version}")
    for name, version in sorted(present.items()):
        if name not in pins and name != PROJECT and name not in INSTALLER_TOOLS:
            problems.append(f"{name}=={version} is installed but not in the lock")
    return problems


def check(
    lock: Path = LOCK,
    pyproject: Path = PYPROJECT,
    constraints: Path = CONSTRAINTS,
    *,
    environment: bool = True,
) -> list[str]:
    """Every way the lock, pyproject.toml, the holds and (optionally) this environment disagree."""
    try:
        pins = applicable(read_lock(lock.read_text(encoding="utf-8")))
    except ValueError as error:
        return [f"{lock.name}: {error}"]
    with pyproject.open("rb") as file:
        requirements = direct_requirements(tomllib.load(file))
    holds = []
    if constraints.exists():
        holds = read_constraints(constraints.read_text(encoding="utf-8"))
    problems = pyproject_problems(requirements, pins, holds)
    if problems:
        problems.append("the lock does not follow pyproject.toml: run `make lock`")
    if environment:
        problems += environment_problems(pins, installed())
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.lockfile", description=__doc__)
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--lock", type=Path, default=LOCK)
    parser.add_argument("--pyproject", type=Path, default=PYPROJECT)
    parser.add_argument("--constraints", type=Path, default=CONSTRAINTS)
    parser.add_argument(
        "--no-environment", action="store_true", help="compare pyproject.toml and the lock only"
    )
    args = parser.parse_args(argv)
    problems = check(
        args.lock, args.pyproject, args.constraints, environment=not args.no_environment
    )
    for problem in problems:
        sys.stderr.write(f"lock: {problem}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
