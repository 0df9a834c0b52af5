"""Translation catalogues: ``update`` re-extracts UI strings into resources/i18n/*.ts,
``check`` lists strings still untranslated in the Chinese catalogue (exit 1 if any),
``translate SOURCE CHINESE`` sets the Chinese for a source text wherever it is used,
``build`` compiles the .qm files the station loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
BIN = Path(sys.executable).parent
_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "station" / "ui").rglob("*.py"))


def known(ts: Path) -> dict[str, str]:
    """Finished translations by source text, whatever their context."""
    if not ts.exists():
        return {}
    return {
        source: translation.text
        for msg in ET.parse(ts).getroot().iter("message")
        if (source := msg.findtext("source"))
        and (translation := msg.find("translation")) is not None
        and translation.text
        and translation.get("type") != "unfinished"
    }


def _write(ts: Path, tree: ET.ElementTree) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f"{_HEADER}{body}\n", encoding="utf-8")


def translate(source: str, translation: str, ts: Path = I18N / "station_zh_CN.ts") -> int:
    """Set the translation of every message with this source text; how many there were."""
    tree = ET.parse(ts)
    found = 0
    for msg in tree.getroot().iter("message"):
        element = msg.find("translation")
        if msg.findtext("source") == source and element is not None:
            element.text = translation
            element.attrib.pop("type", None)
            found += 1
    if found:
        _write(ts, tree)
    return found


def reuse(ts: Path, translations: dict[str, str]) -> int:
    """Fill untranslated messages whose text was translated before (a string that moved to
    another class keeps its translation); how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        translation = msg.find("translation")
        source = msg.findtext("source")
        if (
            translation is None
            or translation.get("type") != "unfinished"
            or source not in translations
            or translation.text not in (None, "", translations[source])
        ):
            continue
        translation.text = translations[source]
        translation.attrib.pop("type", None)
        filled += 1
    _write(ts, tree)  # always: one layout, whichever tool wrote the file last
    return filled


def update() -> None:
    for language in LANGUAGES:
        ts = I18N / f"station_{language}.ts"
        before = known(ts)
        subprocess.run(
            [
                BIN / "pyside6-lupdate",
                *sources(),
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            check=True,
            cwd=ROOT,
        )
        reuse(ts, before)


def check() -> int:
    tree = ET.parse(I18N / "station_zh_CN.ts")
    missing = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
        if not (msg.findtext("translation") or "").strip()
        or msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    for line in missing:
        sys.stdout.write(f"untranslated: {line}\n")
    return 1 if missing else 0


def build() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run(
            [BIN / "pyside6-lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "build"
    if action == "update":
        update()
    elif action == "check":
        sys.exit(check())
    elif action == "translate":
        sys.exit(0 if translate(sys.argv[2], sys.argv[3]) else 1)
    else:
        build()
