from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from central.core.config import ConfigError, admin_token, load_settings


@pytest.fixture(autouse=True)
def no_central_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("CENTRAL_")]:
        monkeypatch.delenv(name)


def test_nothing_configured_means_sqlite_and_blobs_in_the_data_folder(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    assert settings.database_url == f"sqlite:///{tmp_path / 'central.db'}"
    assert settings.blob_url == (tmp_path / "blobs").as_uri()
    assert settings.port == 8765 and settings.host == "127.0.0.1"


def test_the_environment_configures_and_options_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CENTRAL_DATABASE_URL", "postgresql://central@db:5432/central")
    monkeypatch.setenv("CENTRAL_PORT", "9000")
    monkeypatch.setenv("CENTRAL_ADMIN_TOKEN", "k" * 30)
    settings = load_settings(data_dir=tmp_path, port=9100)
    assert settings.database_url == "postgresql+psycopg://central@db:5432/central"
    assert settings.port == 9100
    assert settings.admin_token is not None and "k" * 30 not in repr(settings)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"database_url": "mysql://x/y"}, "database_url"),
        ({"blob_url": "s3://"}, "blob_url"),
        ({"blob_url": "s3://bucket?endpoint=ftp://x"}, "blob_url"),
        ({"blob_url": "gs://bucket"}, "blob_url"),
        ({"admin_token": "short"}, "admin_token"),
        ({"port": 0}, "port"),
        ({"max_blob_bytes": 0}, "max_blob_bytes"),
        ({"console_timezone": "Asia/Shangai"}, "console_timezone"),  # it failed every desk page
        ({"console_timezone": "../../etc/passwd"}, "console_timezone"),
    ],
)
def test_settings_that_cannot_work_name_the_setting(
    tmp_path: Path, overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(ConfigError, match=field):
        load_settings(data_dir=tmp_path, **overrides)


def test_an_s3_url_with_endpoint_and_prefix_is_taken(tmp_path: Path) -> None:
    url = "s3://returns/photos?endpoint=http://127.0.0.1:8333&region=cn-east-1"
    assert load_settings(data_dir=tmp_path, blob_url=url).blob_url == url


def test_without_a_configured_token_one_is_made_once_and_kept_private(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    token = admin_token(settings)
    path = tmp_path / "admin.token"
    assert len(token) >= 32 and path.read_text().strip() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert admin_token(load_settings(data_dir=tmp_path)) == token


def test_a_configured_token_wins_over_the_kept_one(tmp_path: Path) -> None:
    admin_token(load_settings(data_dir=tmp_path))
    configured = "configured-token-0123456789"
    assert admin_token(load_settings(data_dir=tmp_path, admin_token=configured)) == configured


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "central.example"])
def test_plain_http_is_refused_off_loopback(tmp_path: Path, host: str) -> None:
    problem = load_settings(data_dir=tmp_path, host=host).plain_http_problem()
    assert problem is not None and "TLS" in problem


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_plain_http_is_fine_on_loopback(tmp_path: Path, host: str) -> None:
    assert load_settings(data_dir=tmp_path, host=host).plain_http_problem() is None


def test_behind_a_proxy_or_with_a_certificate_any_address_is_fine(tmp_path: Path) -> None:
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x"), key.write_text("x")
    with_tls = load_settings(
        data_dir=tmp_path, host="0.0.0.0", tls_cert_file=cert, tls_key_file=key
    )
    assert with_tls.plain_http_problem() is None
    proxied = load_settings(data_dir=tmp_path, host="0.0.0.0", behind_proxy=True)
    assert proxied.plain_http_problem() is None
