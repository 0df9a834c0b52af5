from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from station.cli import main


@pytest.fixture
def data(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "data"), "--config", str(tmp_path / "none.toml")]


def run(
    args: list[str], capsys, stdin: str | None = None, monkeypatch=None
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "station", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("run", "demo-data", "import-manifest", "users", "lookup", "audit"):
        assert command in result.stdout


def test_demo_data_then_lookup_prints_the_order_as_json(data, capsys) -> None:
    code, out, _ = run([*data, "demo-data", "--count", "120"], capsys)
    assert code == 0 and "120 orders" in out
    code, out, _ = run([*data, "demo-manifest", "--count", "1"], capsys)
    rma = json.loads(out)["rma_no"]
    code, out, _ = run([*data, "lookup", rma], capsys)
    assert code == 0
    order = json.loads(out)
    assert order["rma_no"] == rma and order["lines"] and "window" in order
    code, out, err = run([*data, "lookup", "NOPE12345"], capsys)
    assert code == 1 and "no after-sales order" in err


def test_lookup_refuses_junk_without_a_traceback(data, capsys) -> None:
    code, _, err = run([*data, "lookup", "\x00\x01"], capsys)
    assert code == 2 and err.startswith("station: error: scan contains an unprintable")


def test_import_manifest_reports_rows_and_exit_status(data, capsys, tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    code, out, _ = run([*data, "demo-manifest", "--count", "3", "--out", str(manifest)], capsys)
    with manifest.open("a") as fh:
        fh.write('{"rma_no": "RMA20260000000009"}\n')
    code, out, err = run([*data, "import-manifest", str(manifest)], capsys)
    assert code == 1
    assert "imported 3, already present 0, rejected 1" in out
    assert "m.jsonl: row 4:" in err
    code, _, err = run([*data, "import-manifest", str(tmp_path / "missing.jsonl")], capsys)
    assert code == 2 and "no such file" in err


def test_users_add_list_disable(data, capsys, monkeypatch) -> None:
    code, out, _ = run(
        [
            *data,
            "users",
            "add",
            "--badge",
            "s7",
            "--name",
            "周主管",
            "--role",
            "supervisor",
            "--pin-stdin",
        ],
        capsys,
        stdin="86420\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and "added S7 周主管 (supervisor)" in out
    code, out, _ = run([*data, "users", "list", "--json"], capsys)
    assert json.loads(out)["role"] == "supervisor"
    code, out, _ = run([*data, "users", "disable", "S7"], capsys)
    assert code == 0
    code, out, _ = run([*data, "users", "list"], capsys)
    assert "disabled" in out
    code, _, err = run(
        [*data, "users", "add", "--badge", "s8", "--name", "X", "--pin-stdin"],
        capsys,
        stdin="12\n",
        monkeypatch=monkeypatch,
    )
    assert code == 2 and "4 to 12 digits" in err


def test_users_add_without_a_terminal_says_how(data, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run([*data, "users", "add", "--badge", "s9", "--name", "X"], capsys)
    assert code == 2 and "--pin-stdin" in err


def test_audit_verify_finds_an_edited_row(data, capsys, tmp_path: Path) -> None:
    run([*data, "demo-data", "--count", "20"], capsys)
    code, out, _ = run([*data, "audit", "verify"], capsys)
    assert code == 0 and "intact" in out
    with sqlite3.connect(tmp_path / "data" / "station.db") as raw:
        raw.execute("UPDATE audit_log SET details = '{}' WHERE seq = 2")
    code, out, _ = run([*data, "audit", "verify"], capsys)
    assert code == 1 and "broken at entry 2" in out


def test_a_bad_config_file_is_one_clear_line(tmp_path: Path, capsys) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[station\n")
    code, _, err = run(["--config", str(config), "users", "list"], capsys)
    assert code == 2 and "bad.toml" in err and "Traceback" not in err


def test_run_without_a_display_says_what_to_do(data, capsys, monkeypatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run([*data, "run"], capsys)
    assert code == 2 and "no display" in err and "xvfb-run" in err


def test_label_render_and_print_a_completed_inspection(
    demo_station, inspector, capsys, tmp_path: Path
) -> None:
    from station.protocol.enums import OrderState
    from tests.helpers import clean_verdict
    from tests.test_workflow import order_in

    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    done = demo_station.workflow.complete(
        started.inspection.id, clean_verdict(demo_station, started), inspector
    )
    data = ["--data-dir", str(demo_station.paths.root), "--config", str(tmp_path / "n.toml")]
    demo_station.close()
    out = tmp_path / "label.pdf"
    code, stdout, _ = run(
        [
            *data,
            "label",
            "render",
            "--inspection",
            done.inspection.id,
            "--size",
            "60x40",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (60, 40)
    folder = tmp_path / "printed"
    code, stdout, _ = run(
        [
            *data,
            "label",
            "print",
            "--inspection",
            done.inspection.id,
            "--printer",
            f"file:{folder}",
        ],
        capsys,
    )
    assert code == 0 and list(folder.glob("*.pdf"))
    code, _, err = run(
        [*data, "label", "render", "--inspection", "nope", "--out", str(out)], capsys
    )
    assert code == 2 and "no inspection nope" in err
    code, _, err = run(
        [
            *data,
            "label",
            "render",
            "--inspection",
            done.inspection.id,
            "--size",
            "7x7",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert code == 2
    code, stdout, _ = run([*data, "label", "check-layouts"], capsys)
    assert code == 0 and "6 good" in stdout


def test_verify_evidence_and_the_evidence_pack(
    demo_station, inspector, capsys, tmp_path: Path
) -> None:
    from station.protocol.enums import OrderState
    from tests.helpers import clean_verdict
    from tests.test_workflow import order_in

    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    done = demo_station.workflow.complete(
        started.inspection.id, clean_verdict(demo_station, started), inspector
    )
    photo = demo_station.workflow.evidence_of(done.inspection.id)[0]
    blob = demo_station.evidence.blobs.path_for(photo.sha256)
    data = ["--data-dir", str(demo_station.paths.root), "--config", str(tmp_path / "n.toml")]
    demo_station.close()
    code, out, _ = run([*data, "verify-evidence"], capsys)
    assert code == 0
    pack = tmp_path / "pack.pdf"
    code, out, _ = run([*data, "evidence-pack", done.inspection.id, "--out", str(pack)], capsys)
    assert code == 0 and pack.read_bytes().startswith(b"%PDF")
    blob.chmod(0o644)
    raw = bytearray(blob.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    blob.write_bytes(bytes(raw))
    code, out, _ = run([*data, "verify-evidence"], capsys)
    assert code == 1 and photo.sha256[:12] in out


def test_review_queue_needs_a_supervisor(data, capsys, monkeypatch, tmp_path: Path) -> None:
    run([*data, "demo-data", "--count", "30"], capsys)
    code, out, _ = run(
        [*data, "review", "queue", "--badge", "I1001", "--pin-stdin"],
        capsys,
        stdin="1234\n",
        monkeypatch=monkeypatch,
    )
    assert code != 0 and "I1001" in out
    code, _, _ = run(
        [
            *data,
            "review",
            "dashboard",
            "--badge",
            "S9001",
            "--pin-stdin",
            "--out",
            str(tmp_path / "dash"),
        ],
        capsys,
        stdin="9999\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and list((tmp_path / "dash").glob("*.csv"))


def test_support_bundle_from_the_command_line_keeps_secrets_out(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    config = tmp_path / "station.toml"
    secret = "tok-" + "9" * 36
    config.write_text(
        f'[station]\nstation_id = "WH1-B07"\n\n[central]\nurl = "http://central:8765"\n'
        f'token = "{secret}"\n'
    )
    data = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    assert run([*data, "demo-data", "--count", "20"], capsys)[0] == 0
    (tmp_path / "data" / "logs").mkdir(exist_ok=True)
    (tmp_path / "data" / "logs" / "station.log").write_text(f"sync: Bearer {secret} refused\n")
    out_zip = tmp_path / "support.zip"
    code, out, _ = run([*data, "support-bundle", "--out", str(out_zip)], capsys)
    assert code == 0 and "database integrity: ok" in out
    with zipfile.ZipFile(out_zip) as bundle:
        names = bundle.namelist()
        everything = b"".join(bundle.read(name) for name in names)
    assert {"settings.json", "database.json", "versions.json"} <= set(names)
    assert "logs/station.log" in names
    assert secret.encode() not in everything and b"WH1-B07" in everything
    # a folder instead of a file name: one clear line, nothing written
    code, _, err = run([*data, "support-bundle", "--out", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["users", "list"], ["audit", "verify"], ["run", "--smoke"]])
def test_a_data_folder_that_cannot_be_written_is_said_plainly(
    tmp_path: Path, capsys, command: list[str]
) -> None:
    """A read-only mount, another user's folder, a path through a file: one line saying so,
    not a database traceback (a read-only mount gave 115 lines of one)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    folder = blocker / "data"
    args = ["--data-dir", str(folder), "--config", str(tmp_path / "none.toml"), *command]
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.startswith(f"station: error: the data folder {folder} cannot be written")
    assert "无法写入" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("printer", "said"),
    [("file:", "expected file:FOLDER"), ("zpl:", "expected"), ("cups:-oevil", "not a CUPS queue")],
)
def test_a_printer_setting_that_cannot_be_used_is_one_line_not_a_traceback(
    tmp_path: Path, capsys, printer: str, said: str
) -> None:
    """Hand-edited into the settings file, it crashed every command, the window included."""
    config = tmp_path / "station.toml"
    config.write_text(f'[station]\nlabel_printer = "{printer}"\n', encoding="utf-8")
    code, _, err = run(
        ["--data-dir", str(tmp_path / "data"), "--config", str(config), "users", "list"], capsys
    )
    assert code == 2 and err.startswith("station: error: label_printer: ") and said in err


def test_a_count_past_its_range_is_a_usage_error(data, capsys) -> None:
    """--limit 10^20 reached the database as an OverflowError traceback."""
    with pytest.raises(SystemExit) as exited:
        main([*data, "video", "list", "--limit", "99999999999999999999"])
    assert exited.value.code == 2
    assert "is not from 1 to 100,000" in capsys.readouterr().err


@pytest.mark.parametrize("out", ["folder", "missing/rows.jsonl"])
def test_demo_manifest_into_a_place_it_cannot_write_says_so(
    data, capsys, tmp_path: Path, out: str
) -> None:
    (tmp_path / "folder").mkdir()
    code, _, err = run(
        [*data, "demo-manifest", "--count", "2", "--out", str(tmp_path / out)], capsys
    )
    assert code == 2 and err.startswith("station: error: cannot write") and "Traceback" not in err
