"""The one-folder bundle and the Debian package, built here as `make package` builds them and
started the way a bench PC starts them: no Python, no virtualenv, nothing in the environment
but PATH and HOME."""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from installer.build import BUDGET, build_bundle, tree_size
from installer.build_deb import PACKAGE, build_deb
from installer.lockfile import LOCK, applicable, read_lock

FIXTURES = Path(__file__).parent.parent / "store" / "fixtures"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    where = tmp_path_factory.mktemp("package")
    yield build_bundle(where / "dist", where / "work")


def bare_env(home: Path) -> dict[str, str]:
    """What a desktop session would pass, minus the display: no PYTHON*, no virtualenv."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def frozen(
    executable: Path, args: list[str], home: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        env=bare_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_the_bundle_starts_the_station_on_demo_data_without_python(
    bundle: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "run", "--demo", "--smoke"]
    result = frozen(bundle / "station", args, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "screen: login" in result.stdout
    with sqlite3.connect(data / "station.db") as db:  # demo data from the bundle's migrations
        assert db.execute("select count(*) from returns").fetchone()[0] > 0
    assert (data / "logs" / "station.log").is_file()


def test_a_bench_pc_without_settings_gets_the_first_run_wizard(
    bundle: Path, tmp_path: Path
) -> None:
    args = ["--config", str(tmp_path / "station.toml"), "--data-dir", str(tmp_path / "d")]
    result = frozen(bundle / "station", [*args, "run", "--smoke"], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "screen: first-run" in result.stdout
    assert not (tmp_path / "station.toml").exists()  # nothing written until it is finished


def test_an_older_data_folder_is_upgraded_by_the_bundle_after_a_backup(
    bundle: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURES / "station-0001.db", data / "station.db")
    result = frozen(
        bundle / "station",
        ["--config", str(tmp_path / "none.toml"), "--data-dir", str(data), "users", "list"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert list((data / "backups").glob("station-0001-*.db"))


def test_the_bundle_carries_its_font_decoders_translations_and_templates(
    bundle: Path, tmp_path: Path
) -> None:
    inside = bundle / "_internal"
    for carried in (
        "resources/fonts/wqy-zenhei.ttc",
        "resources/i18n/station_zh_CN.qm",
        "resources/checklists/apparel.toml",
        "resources/labels",
        "station/store/migrations/env.py",
    ):
        assert (inside / carried).exists(), carried
    assert list(inside.glob("libzbar.so*")), "zbar is carried for PCs without libzbar0"
    sheet = tmp_path / "commands.pdf"
    made = frozen(bundle / "station", ["command-sheet", "--out", str(sheet)], tmp_path)
    assert made.returncode == 0, made.stderr[-3000:]
    fonts = subprocess.run(["pdffonts", str(sheet)], capture_output=True, text=True, check=True)
    assert "WenQuanYi" in fonts.stdout and " yes " in fonts.stdout  # embedded
    page = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", str(sheet), str(page)], check=True
    )
    for backend in ("zxing", "pyzbar"):
        read = frozen(
            bundle / "station", ["decode", "--backend", backend, str(page) + ".png"], tmp_path
        )
        assert read.returncode == 0, read.stderr[-3000:]
        assert "RSCMD-PASS" in read.stdout, backend


def test_the_bundle_stays_within_its_500_mib_budget(bundle: Path) -> None:
    assert BUDGET == 500 * 2**20
    assert tree_size(bundle) <= BUDGET


def test_the_bundle_carries_only_the_qt_plugins_the_station_uses(bundle: Path) -> None:
    qt = bundle / "_internal" / "PySide6" / "Qt"
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    assert "platforms/libqxcb.so" in plugins and "platforms/libqoffscreen.so" in plugins
    assert "platforminputcontexts/libibusplatforminputcontextplugin.so" in plugins  # Chinese IME
    assert "printsupport/libcupsprintersupport.so" in plugins
    for unused in ("wayland", "eglfs", "vnc", "linuxfb", "vkkhrdisplay", "evdev", "tls/"):
        assert not [p for p in plugins if unused in p], unused
    libraries = {p.name for p in (qt / "lib").iterdir()}
    assert not [name for name in libraries if "Wayland" in name or "EglFS" in name]


def test_the_bundle_holds_the_locked_versions(bundle: Path) -> None:
    pins = applicable(read_lock(LOCK.read_text(encoding="utf-8")))
    carried = {}
    for info in (bundle / "_internal").glob("*.dist-info"):
        name, _, version = info.name.removesuffix(".dist-info").rpartition("-")
        carried[name.lower().replace("_", "-")] = version
    for name in ("pyside6", "opencv-python-headless", "numpy", "sqlalchemy", "reportlab"):
        assert carried[name] == str(pins[name]), name


def test_the_debian_package_installs_a_command_a_desktop_entry_and_an_icon_and_removes_them(
    bundle: Path, tmp_path: Path
) -> None:
    before = os.umask(0o077)  # a builder (or a process) that keeps its files to itself
    try:
        deb = build_deb(bundle, tmp_path / "out")
    finally:
        os.umask(before)
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Package: {PACKAGE}" in info
    assert "python" not in info.lower()  # what it runs on is inside it
    assert "libc6" in info and "libxcb" in info  # computed from the binaries
    # apt would accept it here: every dependency resolves on this machine
    simulated = subprocess.run(
        ["apt-get", "install", "--simulate", "--no-install-recommends", str(deb)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert simulated.returncode == 0 and f"Inst {PACKAGE}" in simulated.stdout, simulated.stderr
    # dpkg installs it into an empty root of its own (the libraries it depends on are the
    # machine's, so that root's dpkg is told not to mind their absence)
    root = tmp_path / "root"
    for folder in ("info", "updates"):
        (root / "var" / "lib" / "dpkg" / folder).mkdir(parents=True)
    for name in ("status", "available"):
        (root / "var" / "lib" / "dpkg" / name).touch()
    dpkg = ["dpkg", f"--root={root}", "--force-depends,not-root", "--log=/dev/null"]
    subprocess.run([*dpkg, "--install", str(deb)], check=True, capture_output=True)
    status = subprocess.run(
        [*dpkg, "--status", PACKAGE], capture_output=True, text=True, check=True
    ).stdout
    assert "Status: install ok installed" in status
    launcher = root / "usr" / "bin" / PACKAGE
    assert str(launcher.readlink()) == f"/opt/{PACKAGE}/station"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f"{PACKAGE} run" and desktop["Icon"] == PACKAGE
    assert desktop["Name[zh_CN]"] and desktop["Terminal"] == "false"
    # every user of the PC may start it, though it was built under a private umask
    assert (
        root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
    ).stat().st_mode & 0o777 == 0o644
    assert (root / "opt" / PACKAGE / "station").stat().st_mode & 0o777 == 0o755
    icon = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{PACKAGE}.png"
    assert icon.read_bytes().startswith(b"\x89PNG")
    # the unpacked program runs from where the package puts it
    installed = root / "opt" / PACKAGE / "station"
    result = frozen(installed, ["--help"], tmp_path)
    assert result.returncode == 0 and "support-bundle" in result.stdout
    assert tree_size(root / "opt") == tree_size(bundle)
    subprocess.run([*dpkg, "--remove", PACKAGE], check=True, capture_output=True)
    assert not (root / "opt" / PACKAGE).exists() and not launcher.is_symlink()
