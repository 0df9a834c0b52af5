"""Check a dispute export package against its manifest, with nothing but Python 3.8 or newer.

A copy of this file travels in every package as ``verify.py``, so whoever receives one (a
platform's reviewer, a lawyer) can check it on their own computer:

    python3 verify.py PACKAGE.zip
    python3 verify.py UNPACKED-FOLDER      (or, inside that folder: python3 verify.py)

It checks that ``manifest.json`` is there and of a known format, that every file it lists is
present with the recorded size and SHA-256, and that the package holds nothing else (apart
from this verifier and the README). It prints one line per file and the manifest's own
SHA-256, which the sender keeps in its audit log. Exit status 0: all good; 1: something is
wrong, and the last line says what.

A package is read, never extracted, and a hostile one (not a zip, a zip bomb, names that climb
out of the folder) is refused with a reason rather than a traceback. Standard library only,
and syntax Python 3.8 understands: the reviewer's laptop is not ours.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import stat
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

FORMAT = "dispute-export/1"
MANIFEST = "manifest.json"
VERIFIER = "verify.py"
README = "README.txt"
UNLISTED = (MANIFEST, VERIFIER, README)  # may be present without a manifest entry
ROLES = ("video", "photo", "frame", "statement")

MAX_MEMBERS = 500
MAX_FILE_BYTES = 4 * 1024**3  # a platform's largest original clip is far below this
MAX_TOTAL_BYTES = 8 * 1024**3
MAX_MANIFEST_BYTES = 4 * 1024**2
MAX_RATIO = 200  # deflate packs honest text tenfold; a bomb a thousandfold and more
MAX_NAME = 120
CHUNK = 1 << 20
# what file managers leave in a folder they showed; it carries nothing the manifest vouches for
OS_LITTER = (".DS_Store", ".directory", "Thumbs.db", "desktop.ini")


@dataclass
class Row:
    name: str
    role: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    path: str
    ok: bool = False
    reason: str = ""  # why the package is not good; empty when it is
    rows: list[Row] = field(default_factory=list)
    manifest_sha256: str = ""
    ignored: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as a reviewer reads it: one line per file, the manifest's SHA-256, the
        verdict."""
        width = max([len(shown(r.name)) for r in self.rows] + [4])
        out = [f"package: {shown(self.path, 200)}"]
        if self.rows:
            out.append(f"{'file':<{width}}  {'role':<9}  result")
        for row in self.rows:
            result = "OK" if row.ok else "BAD  " + row.detail
            out.append(f"{shown(row.name):<{width}}  {row.role:<9}  {result}")
        out.extend(
            f"(ignored {shown(name)}: left by the operating system)" for name in self.ignored
        )
        if self.manifest_sha256:
            out.append(f"manifest SHA-256: {self.manifest_sha256}")
        out.append("ALL GOOD" if self.ok else f"FAILED: {self.reason}")
        return out


class Refused(Exception):
    """The package cannot be checked at all; the message says why."""


def shown(name: str, limit: int = 60) -> str:
    """A name as it may be printed: ASCII only, control and direction characters escaped."""
    text = name.encode("ascii", "backslashreplace").decode("ascii")
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def name_problem(name: str) -> str | None:
    """Why a name cannot be a file of a package (whose files all sit at its top), or None."""
    if not name or len(name) > MAX_NAME:
        return "an empty or overlong name"
    if not name.isascii() or not name.isprintable():
        return "a name with characters other than plain ASCII"
    if "/" in name or "\\" in name or ":" in name or name in (".", ".."):
        return "a name that points into or out of a folder"
    if name.startswith(".") or name.startswith("-"):
        return "a hidden or option-like name"
    return None


# -- where the files are -----------------------------------------------------------------------


class ZipPackage:
    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(str(path))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise Refused(f"not a readable zip file ({exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise Refused(f"{len(infos)} entries; a package never has more than {MAX_MEMBERS}")
        self.ignored: list[str] = []
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            _check_member(info, self.infos)
            self.infos[info.filename] = info
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Refused(f"it unpacks to {total:,} bytes, more than a package can hold")

    def sizes(self) -> dict[str, int]:
        return {name: info.file_size for name, info in self.infos.items()}

    def open(self, name: str) -> IO[bytes]:
        return self.zip.open(self.infos[name])

    def close(self) -> None:
        self.zip.close()


def _check_member(info: zipfile.ZipInfo, seen: dict[str, zipfile.ZipInfo]) -> None:
    name = info.filename
    if info.is_dir():
        raise Refused(f"it holds a folder ({shown(name)}); a package's files sit at its top")
    why = name_problem(name)
    if why:
        raise Refused(f"unsafe file name {shown(name)}: {why}")
    if name in seen:
        raise Refused(f"the name {shown(name)} appears twice")
    if info.flag_bits & 0x1:
        raise Refused(f"{shown(name)} is encrypted")
    if info.file_size > MAX_FILE_BYTES:
        raise Refused(f"{shown(name)} claims {info.file_size:,} bytes, more than any package file")
    if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise Refused(f"{shown(name)} is compressed {MAX_RATIO}-fold or more: a zip bomb")


class FolderPackage:
    def __init__(self, path: Path) -> None:
        self.root = path
        self.found: dict[str, int] = {}
        self.ignored: list[str] = []
        entries = sorted(os.scandir(str(path)), key=lambda e: e.name)
        if len(entries) > MAX_MEMBERS:
            raise Refused(f"{len(entries)} entries; a package never has more than {MAX_MEMBERS}")
        for entry in entries:
            self._take(entry)

    def _take(self, entry: os.DirEntry[str]) -> None:
        name = entry.name
        if name in OS_LITTER:
            self.ignored.append(name)
            return
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):
            raise Refused(f"{shown(name)} is a link; a package holds only plain files")
        if stat.S_ISDIR(mode):
            raise Refused(f"it holds a folder ({shown(name)}); a package's files sit at its top")
        if not stat.S_ISREG(mode):
            raise Refused(f"{shown(name)} is not a plain file")
        why = name_problem(name)
        if why:
            raise Refused(f"unsafe file name {shown(name)}: {why}")
        self.found[name] = entry.stat(follow_symlinks=False).st_size

    def sizes(self) -> dict[str, int]:
        return dict(self.found)

    def open(self, name: str) -> IO[bytes]:
        return (self.root / name).open("rb")

    def close(self) -> None:
        pass


if TYPE_CHECKING:  # never evaluated: "|" between classes needs Python 3.10
    Package = ZipPackage | FolderPackage


# -- the checks --------------------------------------------------------------------------------


def verify(path: Path | str) -> Report:
    """Check the package at ``path`` (a zip file or an unpacked folder)."""
    report = Report(path=str(path))
    try:
        package = _open(Path(path))
        try:
            report.ignored = list(package.ignored)
            _check(package, report)
        finally:
            package.close()
    except Refused as exc:
        report.reason = str(exc)
    except Exception as exc:  # a hostile package must end in a verdict, never a traceback
        report.reason = f"the package cannot be read ({type(exc).__name__}: {shown(str(exc), 200)})"
    report.ok = not report.reason
    return report


def _open(path: Path) -> Package:
    if path.is_dir():
        return FolderPackage(path)
    if not path.is_file():
        raise Refused(f"{shown(str(path), 200)}: no such file or folder")
    return ZipPackage(path)


def _check(package: Package, report: Report) -> None:
    sizes = package.sizes()
    if MANIFEST not in sizes:
        raise Refused(f"{MANIFEST} is missing: this is not a dispute export package")
    if sizes[MANIFEST] > MAX_MANIFEST_BYTES:
        raise Refused(f"{MANIFEST} is {sizes[MANIFEST]:,} bytes, far more than a manifest")
    with package.open(MANIFEST) as fh:
        raw = _read_capped(fh, MAX_MANIFEST_BYTES)
    report.manifest_sha256 = hashlib.sha256(raw).hexdigest()
    manifest = _parse_manifest(raw)
    listed = _listed_files(manifest)
    for entry in listed:
        report.rows.append(_check_file(package, sizes, entry))
    names = {entry["name"] for entry in listed}
    for name in sorted(set(sizes) - names - set(UNLISTED)):
        report.rows.append(Row(name, "-", False, "not listed in the manifest"))
    verifier = _check_verifier(package, sizes, manifest)
    if verifier is not None:
        report.rows.append(verifier)
    bad = [row for row in report.rows if not row.ok]
    if bad:
        report.reason = f"{len(bad)} of {len(report.rows)} files do not match the manifest"


def _read_capped(fh: IO[bytes], limit: int) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"{MANIFEST} is larger than a manifest can be")
    return data


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise Refused(f"{MANIFEST} is not readable JSON ({shown(str(exc), 120)})") from None
    if not isinstance(manifest, dict):
        raise Refused(f"{MANIFEST} is not a manifest")
    if manifest.get("format") != FORMAT:
        found = shown(str(manifest.get("format")), 40)
        raise Refused(f"{MANIFEST} is of format {found}; this verifier reads {FORMAT}")
    return manifest


def _listed_files(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise Refused(f"{MANIFEST} lists no files")
    seen = set()
    for n, entry in enumerate(files, 1):
        why = _entry_problem(entry)
        if why:
            raise Refused(f"{MANIFEST}: file entry {n} {why}")
        if entry["name"] in seen or entry["name"] in UNLISTED:
            raise Refused(f"{MANIFEST}: {shown(entry['name'])} is listed twice or reserved")
        seen.add(entry["name"])
    return files


def _entry_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return "is not an object"
    name, role, digest, size = (entry.get(k) for k in ("name", "role", "sha256", "size"))
    if not isinstance(name, str) or name_problem(name):
        return "has no usable name"
    if role not in ROLES:
        return f"has an unknown role ({shown(str(role), 20)})"
    if not _is_sha256(digest):
        return "has no SHA-256"
    if type(size) is not int or size < 0:
        return "has no size"
    return None


def _is_sha256(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def _check_file(package: Package, sizes: dict[str, int], entry: dict[str, Any]) -> Row:
    name, role = entry["name"], entry["role"]
    if name not in sizes:
        return Row(name, role, False, "missing from the package")
    if sizes[name] != entry["size"]:
        return Row(name, role, False, f"{sizes[name]:,} bytes, the manifest says {entry['size']:,}")
    digest, count = _hash(package, name, entry["size"])
    if count != entry["size"]:
        return Row(name, role, False, f"{count:,} bytes read, the manifest says {entry['size']:,}")
    if digest != entry["sha256"]:
        return Row(name, role, False, "altered: its SHA-256 differs from the manifest's")
    return Row(name, role, True)


def _hash(package: Package, name: str, expected: int) -> tuple[str, int]:
    """The SHA-256 and length of a file, read no further than one chunk past ``expected``
    (a zip member may unpack to more than it claims)."""
    digest = hashlib.sha256()
    count = 0
    try:
        with package.open(name) as fh:
            while count <= expected:
                block = fh.read(CHUNK)
                if not block:
                    break
                digest.update(block)
                count += len(block)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:  # a CRC error, a truncated member
        raise Refused(f"{shown(name)} cannot be read whole ({shown(str(exc), 120)})") from None
    return digest.hexdigest(), count


def _check_verifier(
    package: Package, sizes: dict[str, int], manifest: dict[str, Any]
) -> Row | None:
    """The verify.py sent along, against the SHA-256 the manifest records for it: a package
    whose verifier was swapped is not the package that was sent."""
    recorded = manifest.get("verifier")
    if VERIFIER not in sizes or not isinstance(recorded, dict):
        return None
    if not _is_sha256(recorded.get("sha256")):
        return Row(VERIFIER, "verifier", False, "the manifest records no SHA-256 for it")
    digest, _ = _hash(package, VERIFIER, MAX_FILE_BYTES)
    if digest != recorded["sha256"]:
        return Row(VERIFIER, "verifier", False, "altered: not the verifier that was sent")
    return Row(VERIFIER, "verifier", True)


# -- the command -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="verify.py",
        description="Check a dispute export package (the zip, or its unpacked folder).",
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=str(Path(__file__).resolve().parent),
        help="the package's zip file or unpacked folder (default: the folder of verify.py)",
    )
    args = parser.parse_args(argv)
    report = verify(Path(args.path))
    sys.stdout.write("\n".join(report.lines()) + "\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
