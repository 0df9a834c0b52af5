"""Central settings: ``CENTRAL_*`` environment variables, overridden by command-line options.

Everything has a default that runs with nothing configured: SQLite and blobs on disk in the
data folder. PostgreSQL and S3-compatible storage are chosen by URL.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from station.protocol.wire import MAX_BLOB_BYTES
from station.store.files import write_atomically

log = logging.getLogger(__name__)

APP_NAME = "returns-central"
ADMIN_TOKEN_FILE = "admin.token"
MIN_TOKEN_LENGTH = 24
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the setting and the reason."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class CentralSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CENTRAL_", extra="forbid")

    data_dir: Path = Field(default_factory=default_data_dir)
    # empty: a SQLite file / a blob folder in the data folder
    database_url: str = Field(default="", repr=False)
    blob_url: str = ""
    # publishing, enrolment codes, users: none means kept in <data_dir>/admin.token
    admin_token: SecretStr | None = None
    s3_access_key: SecretStr | None = None  # none: the standard AWS variables and files
    s3_secret_key: SecretStr | None = None
    max_blob_bytes: int = Field(default=MAX_BLOB_BYTES, ge=1, le=1 << 34)
    # an unboxing clip, sent in chunks to /v1/uploads (resumable)
    max_clip_bytes: int = Field(default=1 << 30, ge=1, le=1 << 40)  # about an hour of a take
    max_request_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, le=1 << 30)
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    # TLS: needed on any address but loopback, unless a proxy in front terminates it
    tls_cert_file: Path | None = None
    tls_key_file: Path | None = None
    behind_proxy: bool = False
    forwarded_allow_ips: str = "127.0.0.1"
    # wrong tokens, codes or PINs one address may send a minute before it is made to wait
    failed_checks_per_minute: int = Field(default=10, ge=1, le=100_000)
    supervisor_session_hours: int = Field(default=10, ge=1, le=24)
    # back-pressure (central/api/admission.py): heavy requests (events, blobs, clip chunks)
    # admitted at once in one process, and in flight from one station
    busy_requests: int = Field(default=16, ge=1, le=10_000)
    station_requests: int = Field(default=4, ge=1, le=100)  # a bench sends 4 blobs at once
    # the dispute desk (/desk): a browser's session ends after this long without a request,
    # and after console_session_hours in any case
    console_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    console_session_hours: int = Field(default=12, ge=1, le=24)
    console_timezone: str = "Asia/Shanghai"  # times on the desk's pages
    console_platforms: Path | None = None  # platforms' rules; none: the ones shipped
    # raw customer names and phones of published returns are erased after this many days
    personal_data_days: int = Field(default=30, ge=1, le=3650)
    # a client's request head must arrive within header_timeout (of the connection opening or
    # the previous answer), its body within body_timeout plus its length at min_upload_rate
    header_timeout: float = Field(default=10.0, gt=0, le=600)
    body_timeout: float = Field(default=30.0, gt=0, le=3600)
    min_upload_rate: int = Field(default=32 * 1024, ge=1)  # bytes a second
    keep_alive_timeout: int = Field(default=5, ge=1, le=600)  # idle between requests
    max_connections: int = Field(default=200, ge=1, le=100_000)  # fewer if descriptors are

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("postgresql://"):  # psycopg 3 is the driver that is installed
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        if value and not value.startswith(("sqlite:///", "postgresql+psycopg://")):
            raise ValueError("sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB")
        return value

    @field_validator("blob_url")
    @classmethod
    def _blob_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        parts = urlsplit(value)
        if parts.scheme == "file" and parts.path:
            return value
        if parts.scheme == "s3" and parts.netloc:
            endpoint = parse_qs(parts.query).get("endpoint", [""])[0]
            if endpoint and not endpoint.startswith(("http://", "https://")):
                raise ValueError("the S3 endpoint is an http:// or https:// address")
            return value
        raise ValueError("file:///FOLDER or s3://BUCKET[/PREFIX]?endpoint=URL&region=REGION")

    @field_validator("console_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        value = value.strip()
        try:  # a misspelt zone started cleanly and then failed every desk page
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value[:60]!r} is not a time zone; e.g. Asia/Shanghai") from None
        return value

    @field_validator("admin_token")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().strip()) < MIN_TOKEN_LENGTH:
            raise ValueError(f"an admin token has at least {MIN_TOKEN_LENGTH} characters")
        return value

    @model_validator(mode="after")
    def _defaults(self) -> CentralSettings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'central.db'}"
        if not self.blob_url:
            self.blob_url = (self.data_dir / "blobs").resolve().as_uri()
        if (self.tls_cert_file is None) != (self.tls_key_file is None):
            raise ValueError("TLS needs both a certificate file and a key file")
        return self

    @property
    def tls(self) -> bool:
        return self.tls_cert_file is not None

    def plain_http_problem(self) -> str | None:
        """Why serving plain HTTP on this address would be wrong (None: it is fine)."""
        if self.tls or self.behind_proxy or self.host in LOOPBACK:
            return None
        return (
            f"{self.host} is not a loopback address: give a TLS certificate and key "
            "(--tls-cert, --tls-key) or, behind a proxy that terminates TLS, --behind-proxy"
        )


def load_settings(**overrides: Any) -> CentralSettings:
    """Environment, then ``overrides`` (None means "not given"); errors as :class:`ConfigError`."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return CentralSettings(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(problems) from None


def admin_token(settings: CentralSettings) -> str:
    """The configured token, else the one kept in the data folder (made on first use)."""
    if settings.admin_token is not None:
        return settings.admin_token.get_secret_value().strip()
    path = settings.data_dir / ADMIN_TOKEN_FILE
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        token = ""
    if len(token) >= MIN_TOKEN_LENGTH:
        return token
    token = "adm_" + secrets.token_urlsafe(32)
    write_atomically(path, f"{token}\n".encode(), mode=0o600, replace=lambda _: True)
    log.warning("no admin token configured: made one, kept in %s", path)
    return token
