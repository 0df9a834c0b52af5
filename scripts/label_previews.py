"""Regenerate docs/screenshots/label_*.png: every label kind at every size, as a 203 dpi
printer would print it (the sample labels of ``station.printing.samples``).

    python scripts/label_previews.py [--language zh_CN|en] [--out docs/screenshots]

Needs ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from station.printing.data import LabelKind
from station.printing.layout import available_sizes
from station.printing.pdf import render_pdf
from station.printing.samples import sample

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.stderr.write("pdftoppm not found: install poppler-utils\n")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "zh_CN" else "_en"
    with tempfile.TemporaryDirectory() as folder:
        for kind in LabelKind:
            for size in available_sizes(kind):
                name = f"label_{kind.value}_{size}{suffix}"
                pdf = Path(folder) / f"{name}.pdf"
                pdf.write_bytes(render_pdf(sample(kind, args.language), size))
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "203",
                        "-gray",
                        "-png",
                        "-singlefile",
                        str(pdf),
                        str(args.out / name),
                    ],
                    check=True,
                )
                sys.stdout.write(f"{args.out / name}.png\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
