"""Build the Debian package from a bundle: ``python -m installer.build_deb [BUNDLE] [--out DIR]``.

The package installs the bundle to /opt/returns-station, a command /usr/bin/returns-station, a
desktop entry and an icon. Its ``Depends`` are computed by ``dpkg-shlibdeps`` from the
libraries the bundle's binaries need from the OS, so it asks for no Python at all.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.version import Version

from installer.build import ROOT, mib, tree_size

PACKAGE = "returns-station"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SVG = ROOT / "installer" / "icons" / f"{PACKAGE}.svg"
ICON_PX = 256
MAINTAINER = "Returns station maintainers <returns-station@example.invalid>"

DESKTOP_ENTRY = f"""\
[Desktop Entry]
Type=Application
Name=Returns inspection station
Name[zh_CN]=退货质检工作台
GenericName=Returns inspection
GenericName[zh_CN]=退货质检
Comment=Inspect returned parcels at the packing bench
Comment[zh_CN]=在包装台检验退回的包裹
Exec={PACKAGE} run
Icon={PACKAGE}
Terminal=false
Categories=Office;
Keywords=returns;inspection;RMA;parcel;退货;质检;
"""

DESCRIPTION = """\
Returns-inspection station for the packing bench
 Scans returned parcels, runs the inspection checklist, takes photo evidence,
 prints the disposition label and syncs with the central service. Everything
 it runs on is inside /opt/returns-station; it needs no Python installation."""


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def debian_version(version: str) -> str:
    """A Debian version that sorts like the PEP 440 one: pre-releases come before the release
    (``1.2.0rc1`` -> ``1.2.0~rc1``), development releases before those."""
    parsed = Version(version)
    text = ".".join(str(part) for part in parsed.release)
    if parsed.epoch:
        text = f"{parsed.epoch}:{text}"
    if parsed.pre:
        text += f"~{parsed.pre[0]}{parsed.pre[1]}"
    if parsed.dev is not None:
        text += f"~~dev{parsed.dev}"
    if parsed.post is not None:
        text += f"+post{parsed.post}"
    if parsed.local:
        text += f"+{parsed.local}"
    return text


def architecture() -> str:
    return run(["dpkg", "--print-architecture"]).strip()


def run(command: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:2])} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlib_depends(bundle: Path) -> str:
    """The ``Depends`` that the bundle's binaries need, with the versions their symbols need."""
    binaries = elf_files(bundle)
    with tempfile.TemporaryDirectory() as scratch:
        # dpkg-shlibdeps wants to be run from a source tree; a minimal one will do.
        (Path(scratch) / "debian").mkdir()
        (Path(scratch) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
        )
        private = sorted({f"-l{path.parent}" for path in binaries})
        out = run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *private, *map(str, binaries)],
            cwd=Path(scratch),
        )
    prefix = "shlibs:Depends="
    line = next((x for x in out.splitlines() if x.startswith(prefix)), None)
    if line is None:
        raise SystemExit(f"dpkg-shlibdeps named no dependencies:\n{out}")
    return line.removeprefix(prefix)


def render_icon(svg: Path, png: Path, size: int) -> None:
    """Rasterise the SVG icon (Qt's SVG renderer needs no display on the offscreen platform)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # a QApplication, not the lighter QGuiApplication: in a process that goes on to make
    # widgets (the test suite) a QGuiApplication left behind makes the first widget abort
    _app = QApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    png.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(png)):  # the format follows the suffix
        raise SystemExit(f"{png}: cannot write the icon")


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under ``root`` as they will be on the PC."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr" / "bin" / PACKAGE
    launcher.parent.mkdir(parents=True)
    # Debian policy wants links between top-level folders absolute; the bundle finds its
    # files through /proc/self/exe, so starting it through the link works.
    launcher.symlink_to(Path("/") / INSTALL_DIR / "station")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor"
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICON_SVG, icons / "scalable" / "apps" / f"{PACKAGE}.svg")
    render_icon(ICON_SVG, icons / f"{ICON_PX}x{ICON_PX}" / "apps" / f"{PACKAGE}.png", ICON_PX)
    public_modes(root)


def public_modes(root: Path) -> None:
    """Everyone may read what the package installs (and run its programs), whatever the
    builder's umask: dpkg-deb refuses a control folder only its owner may enter."""
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def control(version: str, arch: str, depends: str, installed_kib: int, maintainer: str) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends}\n"
        # The window's Chinese text needs a CJK font from the OS; labels use the bundle's own.
        "Recommends: fonts-noto-cjk | fonts-wqy-zenhei\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def build_deb(
    bundle: Path, out_dir: Path, maintainer: str = MAINTAINER, compression: str = "zstd"
) -> Path:
    """Build ``station_<version>_<arch>.deb`` in ``out_dir`` from the bundle folder.

    zstd packs the 400 MB in seconds, xz takes minutes on two cores for a file 15% smaller;
    both install with the dpkg of Debian 12 and Ubuntu 22.04, the oldest the bundle runs on.
    """
    if not (bundle / "station").is_file():
        raise SystemExit(f"{bundle}: not a bundle (no station executable); build it first")
    version = debian_version(project_version())
    arch = architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"station_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(dir=out_dir) as scratch:
        root = Path(scratch) / "root"
        stage(bundle, root)
        depends = shlib_depends(root / INSTALL_DIR)
        installed_kib = (tree_size(root) + 1023) // 1024
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "md5sums").write_text(md5sums(root))
        (debian / "control").write_text(control(version, arch, depends, installed_kib, maintainer))
        public_modes(debian)
        level = ["-z10"] if compression == "zstd" else []
        run(
            [
                "dpkg-deb",
                "--build",
                "--root-owner-group",
                f"-Z{compression}",
                *level,
                str(root),
                str(deb),
            ]
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build_deb", description=__doc__)
    parser.add_argument("bundle", type=Path, nargs="?", default=ROOT / "dist" / "station")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--maintainer", default=MAINTAINER, help='"Name <email>" in the package')
    parser.add_argument("--compression", choices=["zstd", "xz"], default="zstd")
    args = parser.parse_args(argv)
    deb = build_deb(args.bundle.resolve(), args.out.resolve(), args.maintainer, args.compression)
    sys.stdout.write(f"{deb}: {mib(deb.stat().st_size)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
