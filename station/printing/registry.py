"""The kinds of label printer, and the one place a printer setting is understood.

A setting is ``SCHEME:TARGET``: ``file:FOLDER``, ``cups:QUEUE[@HOST[:PORT]]``,
``zpl:HOST[:PORT]`` or ``qprinter:NAME``. Each scheme names a :class:`PrinterKind`: its backend
class, which builds itself from the target, lists the printers of its kind this computer knows
and checks its printer without printing; and the words the settings screen shows for it, in
both languages, so a new kind of printer is one entry here and appears there by itself.

The QPrinter backend is the one printing module with Qt: it is imported only when a
``qprinter:`` printer is built, listed or checked, never by the station's other printers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Self

from station.domain.labels import Language
from station.printing.backends import CupsBackend, PrinterCheck, PrintJob, RawTcpBackend
from station.printing.file_backend import FileBackend
from station.protocol.template import Text


class KindBackend(Protocol):
    """What a backend class offers the registry (besides printing)."""

    name: str

    @classmethod
    def from_target(cls, target: str, *, layouts: Path | None = None) -> Self:
        """Raises ValueError when ``target`` cannot be a printer of this kind."""
        ...

    @classmethod
    def choices(cls, timeout: float = 5.0) -> list[str]: ...

    def check(self, timeout: float = 3.0) -> PrinterCheck: ...

    def print_job(self, job: PrintJob) -> str: ...


@dataclass(frozen=True, slots=True)
class Words(Text):
    """A bilingual text the settings screen calls with its language."""

    def __call__(self, language: Language) -> str:
        return self.get(language)


@dataclass(frozen=True, slots=True)
class PrinterKind:
    scheme: str
    form: str  # the setting's shape, for error messages: "zpl:HOST[:PORT]"
    title: Words  # what the settings screen calls this kind
    target: Words  # what goes after the colon, as a hint in the empty field
    load: Callable[[], type[KindBackend]]  # the backend class, imported when first asked for
    browse_folder: bool = False  # the target is a folder the user may pick
    lists_choices: bool = False  # choices() names printers this computer knows

    def backend(self, target: str, *, layouts: Path | None = None) -> KindBackend:
        return self.load().from_target(target, layouts=layouts)

    def choices(self, timeout: float = 5.0) -> list[str]:
        return self.load().choices(timeout)


def _qprinter() -> type[KindBackend]:
    from station.printing.qprinter_backend import QPrinterBackend  # Qt: only when used

    return QPrinterBackend


# In the order the settings screen offers them.
KINDS: tuple[PrinterKind, ...] = (
    PrinterKind(
        "file",
        "file:FOLDER",
        Words("无打印机：标签存为文件夹中的 PDF", "No printer: file labels as PDF in a folder"),
        Words("文件夹", "folder"),
        lambda: FileBackend,
        browse_folder=True,
    ),
    PrinterKind(
        "cups",
        "cups:QUEUE[@HOST:PORT]",
        Words("CUPS 打印队列", "CUPS printer queue"),
        Words("队列名，例如 Zebra_ZD421", "queue name, e.g. Zebra_ZD421"),
        lambda: CupsBackend,
        lists_choices=True,
    ),
    PrinterKind(
        "zpl",
        "zpl:HOST[:PORT]",
        Words("网络 ZPL 打印机（端口 9100）", "ZPL printer on the network (port 9100)"),
        Words("地址，例如 10.0.0.7 或 10.0.0.7:9100", "address, e.g. 10.0.0.7 or 10.0.0.7:9100"),
        lambda: RawTcpBackend,
    ),
    PrinterKind(
        "qprinter",
        "qprinter:NAME",
        Words("系统打印机", "System printer"),
        Words("打印机名称", "printer name"),
        _qprinter,
        lists_choices=True,
    ),
)
SCHEMES: tuple[str, ...] = tuple(kind.scheme for kind in KINDS)


def kind_named(scheme: str) -> PrinterKind:
    for kind in KINDS:
        if kind.scheme == scheme:
            return kind
    raise ValueError(f"no printer kind {scheme!r}; expected one of {', '.join(SCHEMES)}")


def parse(spec: str) -> tuple[PrinterKind, str]:
    """The kind and the target of a printer setting; ValueError when it is neither."""
    scheme, _, target = spec.strip().partition(":")
    target = target.strip()
    kind = next((k for k in KINDS if k.scheme == scheme), None)
    if kind is None or not target:
        forms = ", ".join(k.form for k in KINDS[:-1]) + f" or {KINDS[-1].form}"
        raise ValueError(f"printer {spec!r}: expected {forms}")
    return kind, target


def backend_from_spec(spec: str, *, layouts: Path | None = None) -> KindBackend:
    """The backend for a printer setting; ValueError, naming the setting, if it cannot be."""
    kind, target = parse(spec)
    try:
        return kind.backend(target, layouts=layouts)
    except ValueError as exc:
        raise ValueError(f"printer {spec!r}: {exc}") from None
