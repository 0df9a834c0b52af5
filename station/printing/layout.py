"""Label layouts: data files in ``resources/labels``, loaded and checked before any printing.

A layout is ``{kind}_{width}x{height}.toml``: the page size and a list of elements placed in
millimetres from the top-left corner. Text elements are templates over the fields of
:func:`station.printing.data.label_fields` (``"RMA {rma_no}"``), optionally one per language;
barcodes name the field they carry. An element may be drawn only ``when`` a flag of the label
is set (:class:`~station.printing.data.LabelFlag`: pending review, corrected) or ``unless`` it
is; a kind whose labels can carry a flag must have an element that shows it. Anything a
renderer could not honour — an unknown element type or key, an element off the page, a field
the label kind does not have, a required field left out, type that cannot fit its box — is
refused with the file and the reason.
"""

from __future__ import annotations

import string
import threading
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from station.config import resources_dir
from station.domain.labels import LANGUAGES, Language
from station.printing.barcodes import CODE128_MAX_CHARS, QUIET_MODULES_CODE128, code128_modules
from station.printing.data import (
    KIND_FIELDS,
    KIND_FLAGS,
    KIND_REQUIRED_FIELDS,
    KIND_REQUIRED_FLAGS,
    MAX_CHARS,
    LabelFlag,
    LabelKind,
)
from station.printing.sizes import LabelSize, SizeError, parse_size
from station.printing.textfit import block_height
from station.protocol.textfiles import toml_loads

PT_MM = 25.4 / 72
CHECK_DPI = 203  # the coarsest printer the station drives: a layout must work there
_EPS = 0.01


class LayoutError(ValueError):
    """A layout file that cannot be used; the message starts with the file."""


Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Condition:
    """When an element is drawn: every flag of ``when`` set and none of ``unless``."""

    when: frozenset[LabelFlag] = frozenset()
    unless: frozenset[LabelFlag] = frozenset()

    def holds(self, flags: frozenset[LabelFlag]) -> bool:
        return self.when <= flags and not self.unless & flags

    @property
    def always(self) -> bool:
        return not self.when and not self.unless


ALWAYS = Condition()


@dataclass(frozen=True, slots=True)
class TextElement:
    box: Box
    template: dict[Language, str]
    size: float  # points
    min_size: float
    align: Align = "left"
    bold: bool = False
    lines: int = 1
    invert: bool = False  # white on black
    condition: Condition = ALWAYS

    def text(self, values: dict[str, str], language: Language) -> str:
        return self.template[language].format_map(values)


@dataclass(frozen=True, slots=True)
class Code128Element:
    box: Box
    field: str
    rotate: Literal[0, 90] = 0
    condition: Condition = ALWAYS


@dataclass(frozen=True, slots=True)
class QrElement:
    box: Box  # square
    field: str
    condition: Condition = ALWAYS


@dataclass(frozen=True, slots=True)
class RuleElement:
    """A filled rectangle: rules, bars, banner backgrounds."""

    box: Box
    condition: Condition = ALWAYS


Element = TextElement | Code128Element | QrElement | RuleElement


@dataclass(frozen=True, slots=True)
class Layout:
    kind: LabelKind
    size: LabelSize
    elements: tuple[Element, ...]
    source: Path

    def shown(self, flags: frozenset[LabelFlag]) -> tuple[Element, ...]:
        """The elements drawn on a label with ``flags``."""
        return tuple(e for e in self.elements if e.condition.holds(flags))


_TOP_KEYS = {"kind", "width_mm", "height_mm", "description", "element"}
_ANY_ELEMENT_KEYS = {"type", "when", "unless"}
# element type -> (required keys, optional keys)
_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "text": (
        {"x", "y", "w", "h", "text", "size"},
        {"min_size", "align", "bold", "lines", "invert"},
    ),
    "code128": ({"x", "y", "w", "h", "field"}, {"rotate"}),
    "qr": ({"x", "y", "size", "field"}, set()),
    "rule": ({"x", "y", "w", "h"}, set()),
}


class _Checker:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.where = ""

    def fail(self, reason: str) -> LayoutError:
        place = f" {self.where}" if self.where else ""
        return LayoutError(f"{self.source}:{place} {reason}")

    def number(self, table: dict[str, Any], key: str, low: float, high: float) -> float:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"'{key}' must be a number, got {value!r}")
        if not low <= value <= high:
            raise self.fail(f"'{key}' = {value} is outside {low}-{high}")
        return float(value)

    def flag(self, table: dict[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, got {value!r}")
        return value


def _fields_in(template: str, check: _Checker) -> set[str]:
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise check.fail(f"text {template!r}: {exc}") from exc
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise check.fail(f"text {template!r}: write fields as {{name}}, not {{{name}}}")
        names.add(name)
    return names


def _box(table: dict[str, Any], page: LabelSize, check: _Checker, square: bool = False) -> Box:
    x = check.number(table, "x", 0, page.width_mm)
    y = check.number(table, "y", 0, page.height_mm)
    if square:
        w = h = check.number(table, "size", 1, 300)
    else:
        w = check.number(table, "w", 0.1, 300)
        h = check.number(table, "h", 0.1, 300)
    if x + w > page.width_mm + _EPS or y + h > page.height_mm + _EPS:
        raise check.fail(
            f"reaches {x + w:g}x{y + h:g} mm, outside the {page} mm page "
            f"(x {x:g} + w {w:g}, y {y:g} + h {h:g})"
        )
    return Box(x, y, w, h)


def _text(table: dict[str, Any], page: LabelSize, check: _Checker) -> tuple[Element, set[str]]:
    box = _box(table, page, check)
    raw = table["text"]
    if isinstance(raw, str):
        template: dict[Language, str] = dict.fromkeys(LANGUAGES, raw)
    elif isinstance(raw, dict) and set(raw) == set(LANGUAGES):
        if not all(isinstance(v, str) for v in raw.values()):
            raise check.fail("'text' translations must be strings")
        template = {lang: raw[lang] for lang in LANGUAGES}
    else:
        raise check.fail(f"'text' must be a string or a table with keys {', '.join(LANGUAGES)}")
    used: set[str] = set()
    for value in template.values():
        used |= _fields_in(value, check)
    size = check.number(table, "size", 4, 300)
    min_size = check.number(table, "min_size", 4, size) if "min_size" in table else size * 0.6
    align = table.get("align", "left")
    if align not in ("left", "center", "right"):
        raise check.fail(f"'align' must be left, center or right, got {align!r}")
    lines = int(check.number(table, "lines", 1, 8)) if "lines" in table else 1
    needed = block_height(min_size, lines, PT_MM)
    if needed > box.h + _EPS:
        raise check.fail(
            f"{lines} line(s) of {min_size:g} pt text need {needed:.1f} mm, "
            f"the box is {box.h:g} mm high"
        )
    element = TextElement(
        box=box,
        template=template,
        size=size,
        min_size=min_size,
        align=align,
        bold=check.flag(table, "bold"),
        lines=lines,
        invert=check.flag(table, "invert"),
    )
    return element, used


def _field(table: dict[str, Any], check: _Checker) -> str:
    field = table["field"]
    if not isinstance(field, str) or not field.isidentifier():
        raise check.fail(f"'field' must be a field name, got {field!r}")
    return field


def _code128(table: dict[str, Any], page: LabelSize, check: _Checker) -> tuple[Element, set[str]]:
    box = _box(table, page, check)
    field = _field(table, check)
    rotate = table.get("rotate", 0)
    if rotate not in (0, 90):
        raise check.fail(f"'rotate' must be 0 or 90, got {rotate!r}")
    length = box.w if rotate == 0 else box.h
    longest = MAX_CHARS.get(field, CODE128_MAX_CHARS)
    if longest > CODE128_MAX_CHARS:
        raise check.fail(
            f"'{field}' can hold {longest} characters, a Code128 carries at most "
            f"{CODE128_MAX_CHARS}: use a qr element"
        )
    # The longest value the field can hold, in Code128's widest subset, at one dot per module.
    worst = code128_modules("~" * longest) + 2 * QUIET_MODULES_CODE128
    needed = worst * 25.4 / CHECK_DPI
    if needed > length + _EPS:
        raise check.fail(
            f"Code128 of '{field}' needs {needed:.1f} mm at {CHECK_DPI} dpi, "
            f"the box is {length:g} mm long"
        )
    return Code128Element(box=box, field=field, rotate=rotate), {field}


def _qr(table: dict[str, Any], page: LabelSize, check: _Checker) -> tuple[Element, set[str]]:
    box = _box(table, page, check, square=True)
    field = _field(table, check)
    return QrElement(box=box, field=field), {field}


def _rule(table: dict[str, Any], page: LabelSize, check: _Checker) -> tuple[Element, set[str]]:
    return RuleElement(box=_box(table, page, check)), set()


_BUILDERS = {"text": _text, "code128": _code128, "qr": _qr, "rule": _rule}


def _flags(
    table: dict[str, Any], key: str, kind: LabelKind, check: _Checker
) -> frozenset[LabelFlag]:
    raw = table.get(key, [])
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise check.fail(f"'{key}' must be a flag or a list of flags, got {raw!r}")
    allowed = KIND_FLAGS[kind]
    strange = sorted(set(names) - set(allowed))
    if strange:
        known = ", ".join(sorted(allowed)) or "none"
        raise check.fail(
            f"flag(s) {', '.join(strange)} not available on {kind.value} labels"
            f" (available: {known})"
        )
    return frozenset(LabelFlag(n) for n in names)


def _condition(table: dict[str, Any], kind: LabelKind, check: _Checker) -> Condition:
    condition = Condition(_flags(table, "when", kind, check), _flags(table, "unless", kind, check))
    if condition.when & condition.unless:
        raise check.fail("an element cannot be shown both when and unless the same flag is set")
    return condition


def parse_layout(text: str, source: Path) -> Layout:
    check = _Checker(source)
    try:
        doc = toml_loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise check.fail(f"not valid TOML: {exc}") from exc
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise check.fail(f"unknown key(s): {', '.join(unknown)}")
    for key in ("kind", "width_mm", "height_mm", "element"):
        if key not in doc:
            raise check.fail(f"'{key}' is missing")
    try:
        kind = LabelKind(doc["kind"])
    except ValueError:
        kinds = ", ".join(k.value for k in LabelKind)
        raise check.fail(f"kind {doc['kind']!r} is not one of {kinds}") from None
    page = LabelSize(
        int(check.number(doc, "width_mm", 20, 300)), int(check.number(doc, "height_mm", 20, 300))
    )
    expected_name = f"{kind.value}_{page}"
    if source.suffix == ".toml" and source.stem != expected_name:
        raise check.fail(f"describes a {kind.value} label at {page} mm: name it {expected_name}")
    raw_elements = doc["element"]
    if not isinstance(raw_elements, list) or not raw_elements:
        raise check.fail("needs at least one [[element]]")
    elements: list[Element] = []
    used: set[str] = set()
    marked: set[LabelFlag] = set()
    for n, table in enumerate(raw_elements, start=1):
        check.where = f"element {n}:"
        if not isinstance(table, dict):
            raise check.fail("must be a table")
        kind_name = table.get("type")
        if kind_name not in _KEYS:
            raise check.fail(f"unknown element type {kind_name!r} (known: {', '.join(_KEYS)})")
        check.where = f"element {n} ({kind_name}):"
        required, optional = _KEYS[kind_name]
        missing = sorted(required - set(table))
        if missing:
            raise check.fail(f"missing key(s): {', '.join(missing)}")
        extra = sorted(set(table) - required - optional - _ANY_ELEMENT_KEYS)
        if extra:
            raise check.fail(f"unknown key(s): {', '.join(extra)}")
        element, names = _BUILDERS[kind_name](table, page, check)
        condition = _condition(table, kind, check)
        element = replace(element, condition=condition)
        allowed = KIND_FIELDS[kind]
        strange = sorted(names - allowed)
        if strange:
            raise check.fail(
                f"field(s) {', '.join(strange)} not available on {kind.value} labels "
                f"(available: {', '.join(sorted(allowed))})"
            )
        elements.append(element)
        if condition.always:  # a field shown only sometimes is not always there
            used |= names
        marked.update(condition.when)
    check.where = ""
    left_out = sorted(KIND_REQUIRED_FIELDS[kind] - used)
    if left_out:
        raise check.fail(f"a {kind.value} label must show: {', '.join(left_out)}")
    unmarked = sorted(KIND_REQUIRED_FLAGS[kind] - marked)
    if unmarked:
        raise check.fail(
            f"a {kind.value} label must say when it is {', '.join(unmarked)}"
            " (an element with when = the flag)"
        )
    return Layout(kind=kind, size=page, elements=tuple(elements), source=source)


def load_layout(path: Path) -> Layout:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LayoutError(f"{path}: cannot be read: {exc}") from exc
    return parse_layout(text, path)


def layouts_dir() -> Path:
    return resources_dir() / "labels"


_cache: dict[Path, tuple[int, Layout]] = {}
_cache_lock = threading.Lock()


def layout_for(kind: LabelKind, size: LabelSize | str, directory: Path | None = None) -> Layout:
    """The layout for a kind and size; re-read when its file changes."""
    page = parse_size(size)
    path = (directory or layouts_dir()) / f"{kind.value}_{page}.toml"
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        sizes = ", ".join(str(s) for s in available_sizes(kind, directory)) or "none"
        raise SizeError(
            f"no {kind.value} layout at {page} mm ({path.name}); available: {sizes}"
        ) from None
    with _cache_lock:
        cached = _cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    layout = load_layout(path)
    with _cache_lock:
        _cache[path] = (stamp, layout)
    return layout


def available_sizes(kind: LabelKind, directory: Path | None = None) -> list[LabelSize]:
    sizes = []
    for path in sorted((directory or layouts_dir()).glob(f"{kind.value}_*.toml")):
        try:
            sizes.append(parse_size(path.stem.removeprefix(f"{kind.value}_")))
        except SizeError:
            continue
    return sorted(sizes)


def check_all(directory: Path | None = None) -> list[Layout]:
    """Load every layout file (for start-up and tests); the first bad one raises."""
    folder = directory or layouts_dir()
    return [load_layout(path) for path in sorted(folder.glob("*.toml"))]
