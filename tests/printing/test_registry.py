"""Printer settings are understood in one place: every kind builds, checks, lists and explains
itself, and Qt is loaded only for a system printer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from station.printing.backends import Readiness
from station.printing.registry import KINDS, SCHEMES, backend_from_spec, kind_named, parse
from tests.conftest import make_settings
from tests.printing.fake_zebra import FakeZebra, closed_port

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "spec,name",
    [
        ("cups:LabelPDF", "cups:LabelPDF"),
        ("cups:Q@10.0.0.2:631", "cups:Q"),
        ("zpl:10.0.0.5", "zpl:10.0.0.5:9100"),
        ("zpl:printer.local:6101", "zpl:printer.local:6101"),
        ("qprinter:Zebra ZD421", "qprinter:Zebra ZD421"),
        ("file:/srv/labels", "file:/srv/labels"),
    ],
)
def test_printers_come_from_settings_strings(spec: str, name: str) -> None:
    assert backend_from_spec(spec).name == name


@pytest.mark.parametrize(
    "spec", ["", "lpr:x", "cups:", "cups:bad queue", "zpl:host:port", "qprinter: ", "ipp://p"]
)
def test_bad_printer_settings_are_refused_naming_the_setting(spec: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"printer {spec!r}")):
        backend_from_spec(spec)


def test_a_setting_that_is_no_kind_says_which_kinds_there_are() -> None:
    with pytest.raises(ValueError) as refused:
        parse("lpt1:")
    for form in ("file:FOLDER", "cups:QUEUE", "zpl:HOST[:PORT]", "qprinter:NAME"):
        assert form in str(refused.value)


def test_every_kind_is_a_setting_the_station_accepts_and_is_explained_in_both_languages(
    tmp_path: Path,
) -> None:
    for scheme in SCHEMES:
        make_settings(tmp_path, label_printer=f"{scheme}:x")
    with pytest.raises(ValueError, match="cups:QUEUE"):
        make_settings(tmp_path, label_printer="lpt:x")
    for kind in KINDS:
        assert kind.title("zh_CN") != kind.title("en")
        assert kind.title("zh_CN") and kind.title("en")
        assert kind.target("zh_CN") and kind.target("en")
    assert kind_named("cups").title("zh_CN") == "CUPS 打印队列"


def test_a_zpl_printer_is_checked_without_printing(zebra: FakeZebra) -> None:
    ready = backend_from_spec(f"zpl:127.0.0.1:{zebra.port}").check(timeout=2)
    assert ready.readiness is Readiness.READY
    off = backend_from_spec(f"zpl:127.0.0.1:{closed_port()}").check(timeout=1)
    assert off.readiness is Readiness.NOT_FOUND and "127.0.0.1" in off.detail
    assert zebra.labels() == []


def test_a_folder_is_checked_by_writing_to_it(tmp_path: Path) -> None:
    assert backend_from_spec(f"file:{tmp_path / 'new'}").check().readiness is Readiness.READY
    assert list((tmp_path / "new").iterdir()) == []
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert backend_from_spec(f"file:{blocked}").check().readiness is Readiness.NOT_READY


def test_cups_queues_and_system_printers_are_listed_network_and_folder_ones_typed() -> None:
    assert kind_named("zpl").choices() == [] and kind_named("file").choices() == []
    assert kind_named("cups").lists_choices and kind_named("qprinter").lists_choices


QT_ONLY_FOR_A_SYSTEM_PRINTER = """
import sys
from station.printing.registry import KINDS, backend_from_spec
for spec in ("cups:LabelPDF", "zpl:10.0.0.5", "file:/tmp/labels"):
    backend_from_spec(spec)
words = [kind.title("en") for kind in KINDS]
assert "PySide6" not in sys.modules, "Qt loaded for a printer that does not need it"
assert "station.printing.qprinter_backend" not in sys.modules
assert backend_from_spec("qprinter:Zebra").name == "qprinter:Zebra"
assert "station.printing.qprinter_backend" in sys.modules
"""


def test_qt_is_loaded_only_when_a_system_printer_is_used() -> None:
    done = subprocess.run(
        [sys.executable, "-c", QT_ONLY_FOR_A_SYSTEM_PRINTER],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
