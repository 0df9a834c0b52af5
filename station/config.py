"""Station settings: one TOML file, overridden by ``STATION_*`` environment variables, then by
command-line options. Every value has a default that runs with nothing configured."""

from __future__ import annotations

import os
import re
import socket
import sys
import tomllib
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Final, Literal

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from station.protocol.textfiles import read_text, toml_loads

APP_NAME = "returns-station"


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file, key and reason."""


def default_station_id() -> str:
    host = re.sub(r"[^A-Z0-9]", "", socket.gethostname().upper())[:12] or "LOCAL"
    return f"ST-{host}"


def default_config_path() -> Path:
    env = os.environ.get("STATION_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "station.toml"


def resources_dir() -> Path:
    """Checklists, label layouts, translations and demo media: beside the package in a
    checkout, inside the bundle when frozen, or where ``STATION_RESOURCES`` points."""
    env = os.environ.get("STATION_RESOURCES")
    if env:
        return Path(env)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STATION_", extra="forbid", frozen=True)
    # set by a subclass that checks values as given, with no environment and no file beneath
    only_given_values: ClassVar[bool] = False

    station_id: str = Field(default_factory=default_station_id)
    data_dir: Path = Field(default_factory=default_data_dir)
    language: Literal["system", "zh_CN", "en"] = "system"
    idle_lock_minutes: int = Field(default=5, ge=1, le=240)
    scanner_burst_ms: int = Field(default=50, ge=10, le=500)
    # the key a hand scanner sends after each code (scanners are set to Enter or Tab)
    scanner_suffix: Literal["enter", "tab", "enter_or_tab", "none"] = "enter_or_tab"
    lockout_attempts: int = Field(default=5, ge=1, le=20)
    lockout_minutes: int = Field(default=5, ge=1, le=1440)
    demo: bool = False
    central_url: str = ""  # empty: work offline only
    central_token: str = Field(default="", repr=False)
    # an administrator's one-time code (``central enrol``): spent by the first registration
    central_enrolment_code: str = Field(default="", repr=False)
    # a CA bundle (PEM) to check central's certificate with; none: the system's CAs
    central_ca_file: Path | None = None
    sync_interval_seconds: int = Field(default=15, ge=2, le=3600)
    camera: str = ""  # camera:0, camera:/dev/video2, video:FILE, images:DIR, none; "" = default
    camera_width: int = Field(default=1280, ge=160, le=4096)
    camera_height: int = Field(default=720, ge=120, le=4096)
    camera_fps: int = Field(default=30, ge=1, le=120)
    # a second camera over the item, filmed beside the bench camera with the same chapters:
    # camera:N, camera:DEVICE, video:FILE, images:FOLDER, demo (the demo's stand-in), "" = none
    camera2: str = ""
    decoder: Literal["zxing", "pyzbar"] = "zxing"
    decode_budget_ms: int = Field(default=30, ge=5, le=500)
    scan_repeat_seconds: float = Field(default=1.5, ge=0.2, le=60)
    label_printer: str = ""  # cups:QUEUE, zpl:HOST[:PORT], qprinter:NAME, file:FOLDER
    label_size: Literal["100x150", "60x40"] = "100x150"
    label_language: Literal["zh_CN", "en"] = "zh_CN"
    checklists_dir: Path | None = None  # default: the bundled resources/checklists
    policy_file: Path | None = None  # default: the bundled resources/policy.toml
    # unboxing clips: one take per parcel from its scan (with the seconds before) to the verdict
    recording: bool = True
    recording_quality: Literal["low", "standard", "high"] = "standard"
    recording_preroll_seconds: float = Field(default=3.0, ge=0, le=10)
    recording_overlay: Literal["top", "bottom"] = "bottom"
    recording_retention_days: int = Field(default=90, ge=1, le=3650)
    # longer windows for categories with longer disputes, e.g. {electronics = 180}
    recording_retention_by_category: dict[str, int] = Field(
        default_factory=lambda: {"electronics": 180}
    )
    # below this much free disk no clip is started; a warning comes at twice this
    recording_disk_floor_gib: float = Field(default=5.0, ge=0.1, le=10_000)
    upload_kbps: int = Field(default=0, ge=0, le=10_000_000)  # clip uploads; 0: no cap

    @field_validator("central_url")
    @classmethod
    def _central_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value):
            raise ValueError("an http:// or https:// address, e.g. http://central:8765")
        return value

    @field_validator("camera2")
    @classmethod
    def _camera2(cls, value: str) -> str:
        value = value.strip()
        return value if value == "demo" else cls._camera(value)

    @field_validator("camera")
    @classmethod
    def _camera(cls, value: str) -> str:
        value = value.strip()
        scheme = value.partition(":")[0]
        if (
            value
            and value != "none"
            and (scheme not in ("camera", "video", "images") or ":" not in value)
        ):
            raise ValueError("camera:N, camera:DEVICE, video:FILE, images:FOLDER or none")
        return value

    @field_validator("label_printer")
    @classmethod
    def _label_printer(cls, value: str) -> str:
        value = value.strip()
        scheme = value.partition(":")[0]
        if value and (scheme not in ("cups", "zpl", "qprinter", "file") or ":" not in value):
            raise ValueError("cups:QUEUE, zpl:HOST[:PORT], qprinter:NAME or file:FOLDER")
        return value

    @field_validator("station_id")
    @classmethod
    def _station_id(cls, value: str) -> str:
        value = value.strip().upper()
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]{1,19}", value):
            raise ValueError("2-20 letters, digits or '-'")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        if cls.only_given_values:
            return (init_settings,)
        return (init_settings, env_settings, _FileSource(settings_cls))


_file_values: ContextVar[dict[str, Any] | None] = ContextVar("station_file_values", default=None)


class _FileSource(PydanticBaseSettingsSource):
    """The values read from the TOML file by :func:`load_settings`; lowest priority."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return (_file_values.get() or {}).get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(_file_values.get() or {})


@dataclass(frozen=True, slots=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "station.db"

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        """Copies of the database taken before each schema upgrade."""
        return self.root / "backups"

    @property
    def labels(self) -> Path:
        """Where labels go when no label printer is set up."""
        return self.root / "labels"

    @property
    def clips(self) -> Path:
        """Unboxing clips, content-addressed, and the takes being recorded."""
        return self.root / "clips"

    def ensure(self) -> DataPaths:
        """Create the folders (the owner's only). A data folder that cannot be written (a
        read-only mount, another user's folder) is said so here, before the database or the
        log says it as a traceback."""
        try:
            for folder in (self.root, self.photos, self.logs):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            probe = self.root / f".write-check-{os.getpid()}"
            probe.touch()
            probe.unlink()
        except OSError as exc:
            raise ConfigError(
                f"the data folder {self.root} cannot be written ({exc.strerror or exc}): check"
                " that its disk is mounted writable and that it belongs to this user"
                f" / 数据文件夹 {self.root} 无法写入：请检查磁盘是否以可写方式挂载、"
                "文件夹是否属于当前用户"
            ) from exc
        return self


# Settings older versions kept that must not be read any more: the fleet-wide enrollment key
# gave any bench the administrator's powers. Dropped on reading, scrubbed from the file at start.
RETIRED_KEYS: Final = frozenset({"central_enrollment_key"})
MAX_CONFIG_BYTES: Final = 1024 * 1024  # a settings file is a few lines


def read_config_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = toml_loads(read_text(path, most=MAX_CONFIG_BYTES))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from exc
    station = data.get("station", data)
    if not isinstance(station, dict):
        raise ConfigError(f"{path}: [station] must be a table")
    return {k: v for k, v in station.items() if k not in RETIRED_KEYS}


def load_settings(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults < config file < environment < ``overrides`` (from the command line)."""
    path = config_path or default_config_path()
    given = {k: v for k, v in overrides.items() if v is not None}
    token = _file_values.set(read_config_file(path))
    try:
        settings = Settings(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'station'}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from exc
    finally:
        _file_values.reset(token)
    return settings
