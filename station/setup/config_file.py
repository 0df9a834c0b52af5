"""Writing the settings file: validated whole, then replaced atomically, so a bad value is
refused with its reason and a crash mid-save leaves the previous file intact.

The file holds secrets (the central service's token, an enrolment code), so it is written
readable by the station's user only.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import tomli_w
from pydantic import ValidationError

from station.config import MAX_CONFIG_BYTES, RETIRED_KEYS, ConfigError, Settings
from station.protocol.textfiles import read_text, toml_loads
from station.store.files import write_atomically

SECRET_KEYS: Final = frozenset({"central_token", "central_enrolment_code", *RETIRED_KEYS})

# Values the running station picks up at once; everything else is read at start-up.
LIVE_KEYS: Final = frozenset({"idle_lock_minutes"})


class InvalidSettings(ConfigError):
    """Some values cannot be used; ``problems`` maps each key to the reason."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{key}: {why}" for key, why in self.problems.items()))


class _ValuesOnly(Settings):
    """The station's settings built from the given values alone (no environment, no file)."""

    only_given_values = True


def validate(values: Mapping[str, Any]) -> Settings:
    """``values`` as settings, or :class:`InvalidSettings` naming every bad key."""
    unknown = sorted(set(values) - set(Settings.model_fields))
    if unknown:
        raise InvalidSettings({key: "not a setting of the station" for key in unknown})
    try:
        return _ValuesOnly(**dict(values))
    except ValidationError as exc:
        problems: dict[str, str] = {}
        for error in exc.errors():
            key = ".".join(str(p) for p in error["loc"]) or "station"
            problems.setdefault(key, str(error["msg"]).removeprefix("Value error, "))
        raise InvalidSettings(problems) from None


def read_values(path: Path) -> dict[str, Any]:
    """The ``[station]`` table of the file; empty when there is no file."""
    if not path.exists():
        return {}
    try:
        document = toml_loads(read_text(path, most=MAX_CONFIG_BYTES))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    station = document.get("station", {})
    if not isinstance(station, dict):
        raise ConfigError(f"{path}: [station] must be a table")
    return {k: v for k, v in station.items() if k not in RETIRED_KEYS}


def save(path: Path, changes: Mapping[str, Any]) -> Settings:
    """Merge ``changes`` into the file's ``[station]`` table and write it, all or nothing.

    A value of ``None`` or ``""`` removes the key (its default applies again). Returns the
    settings the file now describes (without the environment's overrides).
    """
    document: dict[str, Any] = {}
    if path.exists():
        try:
            document = toml_loads(read_text(path, most=MAX_CONFIG_BYTES))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}; fix or remove the file first") from exc
    station = {k: v for k, v in dict(document.get("station", {})).items() if k not in RETIRED_KEYS}
    for key, value in changes.items():
        if value is None or value == "":
            station.pop(key, None)
        else:
            station[key] = str(value) if isinstance(value, Path) else value
    settings = validate(station)
    document["station"] = station
    # 0600: the file may hold the central service's token and an enrolment code
    data = tomli_w.dumps(document).encode("utf-8")
    write_atomically(path, data, mode=0o600, replace=lambda _: True)
    return settings


def scrub_retired(path: Path) -> list[str]:
    """Take settings that must not be kept any more out of the file; the keys removed."""
    try:
        document = toml_loads(read_text(path, most=MAX_CONFIG_BYTES))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []  # no file, or one that load_settings reports on
    station = document.get("station")
    found = sorted(RETIRED_KEYS & set(station)) if isinstance(station, dict) else []
    if found:
        save(path, {})
    return found


def environment_overrides() -> dict[str, str]:
    """Settings fixed by ``STATION_*`` environment variables: the file cannot change them."""
    found = {}
    for key in Settings.model_fields:
        value = os.environ.get(f"STATION_{key.upper()}")
        if value is not None:
            found[key] = "<set>" if key in SECRET_KEYS else value
    return found


def needs_restart(before: Settings, after: Settings) -> list[str]:
    """The changed keys the running station only picks up when it starts again."""
    return [
        key
        for key in Settings.model_fields
        if key not in LIVE_KEYS and getattr(before, key) != getattr(after, key)
    ]


def redacted(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every secret replaced, for support bundles and logs."""
    return {
        key: ("<removed>" if key in SECRET_KEYS and value else value)
        for key, value in values.items()
    }
