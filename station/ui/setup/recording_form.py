"""Unboxing clips: recording on or off, its quality and pre-roll, where the band goes, how
long clips are kept (per category too), the free-disk floor and the upload cap."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from station.ui.setup.form import SetupForm
from station.ui.widgets import select_data, text_label

QUALITIES = ("low", "standard", "high")
POSITIONS = ("bottom", "top")
_CATEGORY_DAYS = re.compile(r"\s*([a-z_]+)\s*=\s*(\d+)\s*")


def category_days_text(values: Mapping[str, int]) -> str:
    return ", ".join(f"{category}={days}" for category, days in sorted(values.items()))


def parse_category_days(text: str) -> dict[str, int] | None:
    """``electronics=180, luxury=365`` as a mapping; None when it does not read so."""
    found: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _CATEGORY_DAYS.fullmatch(part)
        if match is None:
            return None
        found[match.group(1)] = int(match.group(2))
    return found


class RecordingForm(SetupForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recording = QCheckBox()
        self.recording.toggled.connect(self.changed)
        self.add_row("recording", self.recording)
        self.quality = self.add_choices(
            "recording_quality", (("", q) for q in QUALITIES), self.changed
        )
        self.preroll = QDoubleSpinBox()
        self.preroll.setRange(0, 10)
        self.preroll.setSingleStep(0.5)
        self.preroll.valueChanged.connect(self.changed)
        self.add_row("recording_preroll_seconds", self.preroll)
        self.position = self.add_choices(
            "recording_overlay", (("", p) for p in POSITIONS), self.changed
        )
        self.retention = QSpinBox()
        self.retention.setRange(1, 3650)
        self.retention.valueChanged.connect(self.changed)
        self.add_row("recording_retention_days", self.retention)
        self.by_category = QLineEdit()
        self.by_category.setPlaceholderText("electronics=180")
        self.by_category.textEdited.connect(self.changed)
        self.add_row("recording_retention_by_category", self.by_category)
        self.floor = QDoubleSpinBox()
        self.floor.setRange(0.1, 10_000)
        self.floor.setDecimals(1)
        self.floor.valueChanged.connect(self.changed)
        self.add_row("recording_disk_floor_gib", self.floor)
        self.upload_cap = QSpinBox()
        self.upload_cap.setRange(0, 10_000_000)
        self.upload_cap.setSingleStep(500)
        self.upload_cap.valueChanged.connect(self.changed)
        self.add_row("upload_kbps", self.upload_cap)
        self.hint = text_label(name="setupHint", wrap=True)
        self.outer.addWidget(self.hint)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_captions(
            {
                "recording": self.tr("Record unboxing clips"),
                "recording_quality": self.tr("Quality"),
                "recording_preroll_seconds": self.tr("Seconds before the scan"),
                "recording_overlay": self.tr("Band with parcel and time"),
                "recording_retention_days": self.tr("Keep clips (days)"),
                "recording_retention_by_category": self.tr("Longer for categories"),
                "recording_disk_floor_gib": self.tr("Free disk to keep (GB)"),
                "upload_kbps": self.tr("Upload cap (kbit/s, 0 = none)"),
            }
        )
        self.recording.setText(self.tr("From the parcel's scan to its verdict"))
        for index, text in enumerate(
            (
                self.tr("Low (about 1.5 Mbit/s)"),
                self.tr("Standard (about 2.5 Mbit/s)"),
                self.tr("High (about 3 Mbit/s)"),
            )
        ):
            self.quality.setItemText(index, text)
        for index, text in enumerate((self.tr("At the bottom"), self.tr("At the top"))):
            self.position.setItemText(index, text)
        self.hint.setText(
            self.tr(
                "A clip is never deleted before the central service has it, nor while it is on "
                "hold for a dispute or its verdict was overridden or overturned. Below the free "
                "disk to keep, no clip is recorded; a warning comes at twice that."
            )
        )

    def values(self) -> dict[str, Any]:
        by_category = parse_category_days(self.by_category.text())
        values: dict[str, Any] = {
            "recording": self.recording.isChecked(),
            "recording_quality": self.quality.currentData(),
            "recording_preroll_seconds": round(self.preroll.value(), 1),
            "recording_overlay": self.position.currentData(),
            "recording_retention_days": self.retention.value(),
            # text that does not read as category=days goes to validation as it is, which
            # names the row's problem
            "recording_retention_by_category": (
                by_category if by_category is not None else self.by_category.text()
            ),
            "recording_disk_floor_gib": round(self.floor.value(), 1),
            "upload_kbps": self.upload_cap.value(),
        }
        return self.unlocked(values)

    def load(self, values: Mapping[str, Any]) -> None:
        self.recording.setChecked(bool(values.get("recording", True)))
        select_data(self.quality, values.get("recording_quality", "standard"))
        self.preroll.setValue(float(values.get("recording_preroll_seconds", 3.0)))
        select_data(self.position, values.get("recording_overlay", "bottom"))
        self.retention.setValue(int(values.get("recording_retention_days", 90)))
        by_category = values.get("recording_retention_by_category", {"electronics": 180})
        self.by_category.setText(
            category_days_text(by_category)
            if isinstance(by_category, Mapping)
            else str(by_category)
        )
        self.floor.setValue(float(values.get("recording_disk_floor_gib", 5.0)))
        self.upload_cap.setValue(int(values.get("upload_kbps", 0)))
