"""The first admin user: badge, name and PIN (twice)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from station.setup.first_run import AdminAnswer, FirstRunError, check_admin
from station.ui.setup.form import SetupForm
from station.ui.texts import arg
from station.ui.widgets import text_label


class AdminForm(SetupForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing: list[str] = []
        self.note = text_label(name="setupHint", wrap=True)
        self.rows.addRow(self.note)
        self.badge = QLineEdit()
        self.badge.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.pin = QLineEdit()
        self.pin_again = QLineEdit()
        for key, field in (
            ("badge", self.badge),
            ("name", self.name),
            ("pin", self.pin),
            ("pin_again", self.pin_again),
        ):
            if key.startswith("pin"):
                field.setEchoMode(QLineEdit.EchoMode.Password)
                field.setMaxLength(12)
            field.textChanged.connect(self.changed)
            self.add_row(key, field)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        if self.existing:
            self.note.setText(
                arg(
                    self.tr(
                        "This station already has an admin (%1). You may add another one here, "
                        "or leave the fields empty."
                    ),
                    ", ".join(self.existing),
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "The first admin user sets the station up and manages its users. The station "
                    "cannot be finished without one."
                )
            )
        self.set_captions(
            {
                "badge": self.tr("Badge"),
                "name": self.tr("Name"),
                "pin": self.tr("PIN (4–12 digits)"),
                "pin_again": self.tr("PIN again"),
            }
        )

    def set_existing(self, badges: list[str]) -> None:
        self.existing = badges
        self.retranslate()

    @property
    def filled(self) -> bool:
        return any(f.text() for f in (self.badge, self.name, self.pin, self.pin_again))

    def answer(self) -> AdminAnswer | None:
        """The admin to create, None when one exists and the fields are empty; FirstRunError
        (with the field) when what is typed cannot be an admin."""
        if self.existing and not self.filled:
            return None
        admin = AdminAnswer(self.badge.text().strip(), self.name.text().strip(), self.pin.text())
        check_admin(admin, self.pin_again.text())
        return admin

    def problem(self) -> str:
        """Why the typed admin is refused (translated), or "" when it is fine."""
        self.clear_problems()
        try:
            self.answer()
        except FirstRunError as exc:
            texts = {
                "badge": self.tr("A badge is 1–40 letters, digits, '-' or '_'."),
                "name": self.tr("A name is 1–80 characters."),
                "pin": self.tr("A PIN is 4–12 digits, the same both times."),
            }
            text = texts.get(exc.field, str(exc))
            self.show_problems({exc.field: text})
            return text
        return ""

    def values(self) -> dict[str, Any]:
        return {}

    def load(self, values: Mapping[str, Any]) -> None:
        pass
