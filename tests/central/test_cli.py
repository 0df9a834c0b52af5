from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.central.client import manifest_row
from tests.central.servers import S3Endpoint, create_database, free_port


def central(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CENTRAL_")}
    return subprocess.run(
        [sys.executable, "-m", "central", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=clean | (env or {}),
        check=False,
    )


def write_manifest(path: Path, rows: list[Any]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_help_lists_every_command() -> None:
    result = central("--help")
    assert result.returncode == 0
    for command in ("serve", "migrate", "publish-manifest", "publish-templates"):
        assert command in result.stdout


def test_migrate_makes_the_database(tmp_path: Path) -> None:
    result = central("migrate", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    engine = create_engine(f"sqlite:///{tmp_path / 'central.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
    engine.dispose()


def test_publish_manifest_publishes_good_rows_and_reports_bad_ones(tmp_path: Path) -> None:
    manifest = tmp_path / "returns.jsonl"
    good = [manifest_row(), manifest_row()]
    write_manifest(manifest, [good[0], "{not json", good[1], manifest_row() | {"reason": "?"}])
    data = ["--data-dir", str(tmp_path / "data")]
    first = central("publish-manifest", str(manifest), *data)
    assert first.returncode == 1
    assert "published 2, unchanged 0, rejected 2" in first.stdout
    assert "row 2: not JSON" in first.stderr and "row 4: reason" in first.stderr
    again = central("publish-manifest", str(manifest), *data)
    assert "published 0, unchanged 2" in again.stdout
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'central.db'}")
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT key FROM changes ORDER BY seq")).scalars().all()
    engine.dispose()
    assert keys == [r["rma_no"] for r in good]


def test_publish_manifest_reports_hostile_rows_and_publishes_the_rest(tmp_path: Path) -> None:
    manifest = tmp_path / "returns.jsonl"
    good = manifest_row()
    deep = "[" * 50_000 + "]" * 50_000
    digits = json.dumps(manifest_row()).replace('"lines": [', '"lines": [' + "7" * 5000 + ", ", 1)
    write_manifest(manifest, [deep, digits, good])
    result = central("publish-manifest", str(manifest), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "published 1, unchanged 0, rejected 2" in result.stdout
    assert "row 1: nested 50000 levels deep" in result.stderr
    assert "row 2: a number of 5000 digits" in result.stderr
    assert "Traceback" not in result.stderr


def test_publish_manifest_refuses_a_missing_file(tmp_path: Path) -> None:
    result = central("publish-manifest", str(tmp_path / "none.jsonl"), "--data-dir", str(tmp_path))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_publish_templates_publishes_each_version_once_and_refuses_bad_ones_alone(
    tmp_path: Path,
) -> None:
    shipped = Path(__file__).resolve().parents[2] / "resources" / "checklists"
    data = ["--data-dir", str(tmp_path / "data")]
    first = central("publish-templates", str(shipped), *data)
    count = len(list(shipped.glob("*.toml")))
    assert first.returncode == 0, first.stderr
    assert f"published {count}, unchanged 0, refused 0" in first.stdout
    assert (
        "published 0, unchanged 1"
        in central("publish-templates", str(shipped / "apparel.toml"), *data).stdout
    )
    # the same version with another body, a file that does not load, one that is not UTF-8
    edited = tmp_path / "apparel.toml"
    body = (shipped / "apparel.toml").read_text(encoding="utf-8")
    edited.write_text(body.replace("Apparel inspection", "Apparel check", 1), "utf-8")
    (tmp_path / "broken.toml").write_text("id = [", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00 id")
    (tmp_path / "new.toml").write_text(
        body.replace('id = "apparel"', 'id = "apparel_kids"', 1), encoding="utf-8"
    )
    mixed = central("publish-templates", str(tmp_path), *data)
    assert mixed.returncode == 1
    assert "published 1, unchanged 0, refused 3" in mixed.stdout
    assert "apparel.toml: not published: template apparel version" in mixed.stderr
    assert "broken.toml: not published" in mixed.stderr
    assert "binary.toml: not published" in mixed.stderr
    assert "Traceback" not in mixed.stderr
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'central.db'}")
    with engine.connect() as conn:
        kinds = conn.execute(text("SELECT kind FROM changes ORDER BY seq")).scalars().all()
        bodies = conn.execute(
            text("SELECT body FROM templates WHERE template_id = 'apparel'")
        ).scalars()
        assert list(bodies) == [body]  # the first body stays
    engine.dispose()
    assert len(kinds) == count + 1 and set(kinds) == {"template"}
    missing = central("publish-templates", str(tmp_path / "none"), *data)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


def test_settings_that_cannot_work_are_refused_with_the_reason(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    bad_db = central("migrate", *data, "--database-url", "mysql://root@localhost/x")
    assert bad_db.returncode == 2 and "database_url" in bad_db.stderr
    assert "Traceback" not in bad_db.stderr
    bad_blobs = central("serve", *data, "--blob-url", "ftp://example/x")
    assert bad_blobs.returncode == 2 and "blob_url" in bad_blobs.stderr
    short_token = central("migrate", *data, env={"CENTRAL_ADMIN_TOKEN": "short"})
    assert short_token.returncode == 2 and "admin_token" in short_token.stderr


def test_serving_plain_http_off_loopback_is_refused(tmp_path: Path) -> None:
    result = central("serve", "--data-dir", str(tmp_path), "--host", "0.0.0.0")
    assert result.returncode == 2 and "TLS" in result.stderr and "Traceback" not in result.stderr


def test_enrol_prints_a_one_time_code_for_one_station(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    result = central("enrol", "ST-NEW-01", "--warehouse", "WH2", *data)
    assert result.returncode == 0, result.stderr
    code = result.stdout.split()[0]
    assert code.startswith("EN-") and "ST-NEW-01" in result.stdout and "WH2" in result.stdout
    assert central("enrol", "bad id", *data).returncode == 2


def test_user_prints_the_new_badge_code_once_and_reads_the_pin_from_stdin(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    args = ["user", "S2001", "--name", "李主管", "--role", "supervisor", "--pin", "-", *data]
    first = subprocess.run(
        [sys.executable, "-m", "central", *args],
        input="482913\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    assert "RSB1-S2001-" in first.stdout and "482913" not in first.stdout
    renamed = central("user", "S2001", "--name", "李主管2", "--role", "supervisor", *data)
    assert renamed.returncode == 0 and "RSB1-" not in renamed.stdout
    no_pin = central("user", "S2002", "--name", "x", "--role", "inspector", *data)
    assert no_pin.returncode == 2 and "PIN" in no_pin.stderr.upper()


def test_serve_says_so_when_the_database_does_not_answer(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none"
    result = central("serve", "--data-dir", str(tmp_path), "--database-url", url)
    assert result.returncode == 2
    assert "cannot open the database" in result.stderr and "Traceback" not in result.stderr


def test_serve_refuses_a_platforms_file_the_desk_could_not_use(tmp_path: Path) -> None:
    """It started cleanly, and the desk's inspection and dispute pages answered 500."""
    broken = tmp_path / "platforms.toml"
    broken.write_text('[jd]\nname = "京东"\n', encoding="utf-8")
    result = central(
        "serve",
        "--data-dir",
        str(tmp_path),
        "--port",
        str(free_port()),
        env={"CENTRAL_CONSOLE_PLATFORMS": str(broken)},
    )
    assert result.returncode == 2
    assert "CENTRAL_CONSOLE_PLATFORMS:" in result.stderr and "Traceback" not in result.stderr


def test_serve_says_so_when_the_bucket_does_not_exist(tmp_path: Path, s3: S3Endpoint) -> None:
    missing = S3Endpoint(s3.endpoint, "no-such-bucket")
    result = central(
        "serve",
        "--data-dir",
        str(tmp_path),
        "--blob-url",
        missing.blob_url(),
        "--port",
        str(free_port()),
        env={"CENTRAL_S3_ACCESS_KEY": s3.access_key, "CENTRAL_S3_SECRET_KEY": s3.secret_key},
    )
    assert result.returncode == 2
    assert "no-such-bucket" in result.stderr and "Traceback" not in result.stderr


def test_desk_user_adds_a_browser_user_with_a_password_from_stdin(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]

    def desk_user(*args: str, password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "central", "desk-user", *args, "--password", "-", *data],
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    made = desk_user(
        "kefu.li", "--name", "李客服", "--role", "customer_service", password="long enough pass"
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "kefu.li: customer_service"
    short = desk_user("kefu.wang", "--name", "王", "--role", "customer_service", password="short")
    assert short.returncode != 0 and "10 to 200" in short.stderr
    no_badge = desk_user(
        "zhou",
        "--name",
        "周",
        "--role",
        "supervisor",
        "--badge",
        "S404",
        password="long enough pass",
    )
    assert no_badge.returncode != 0 and "S404" in no_badge.stderr
    bad_login = desk_user("../x", "--name", "x", "--role", "admin", password="long enough pass")
    assert bad_login.returncode != 0 and "login" in bad_login.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_processes_migrating_at_once_never_race(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Several central processes started together on one new database: one migrates, the
    others wait for it and find the schema current."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
    else:
        url = create_database(request.getfixturevalue("postgres_url"))
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CENTRAL_")}
    started = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "central",
                "migrate",
                "--database-url",
                url,
                "--data-dir",
                str(tmp_path / f"data-{n}"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=clean,
        )
        for n in range(4)
    ]
    for process in started:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
    engine.dispose()


def test_serve_without_migrating_refuses_an_out_of_date_schema(tmp_path: Path) -> None:
    result = central("serve", "--no-migrate", "--port", "1", "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "run `central migrate` first" in result.stderr and "empty" in result.stderr
