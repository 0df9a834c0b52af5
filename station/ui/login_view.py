"""The login screen: scan or type a badge, enter the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.domain.records import UserView
from station.security.login import Authenticator
from station.security.users import BadCredentials, BadgeLocked, LoginError, StationLocked
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import push_button, set_tone, text_label, vbox


class LoginView(QWidget):
    logged_in = Signal(object)  # UserView

    def __init__(
        self,
        auth: Authenticator,
        runner: TaskRunner,
        *,
        station_id: str,
        demo_hint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginView")
        self._auth = auth
        self._runner = runner

        centred = Qt.AlignmentFlag.AlignCenter
        title = text_label(self.tr("Returns inspection station"), name="loginTitle", align=centred)
        self.station_label = text_label(arg(self.tr("Station %1"), station_id), align=centred)
        self.locked_label = text_label(name="lockedNotice", align=centred)
        self.locked_label.hide()

        self.badge = QLineEdit()
        self.badge.setObjectName("badgeField")
        self.badge.setPlaceholderText(self.tr("Scan your badge or type its number"))
        self.badge.setMaxLength(100)  # a badge id, or the code printed on the badge
        self.pin = QLineEdit()
        self.pin.setObjectName("pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setMaxLength(12)
        self.submit = push_button(self.tr("Log in"), name="loginButton", clicked=self.attempt)
        self.submit.setDefault(True)
        self.message = text_label(name="loginMessage", wrap=True, align=centred)

        form = QFormLayout()
        for caption, field in ((self.tr("Badge"), self.badge), (self.tr("PIN"), self.pin)):
            label = text_label(caption, align=Qt.AlignmentFlag.AlignVCenter)
            label.setMinimumHeight(field.sizeHint().height())  # level with the field's middle
            form.addRow(label, field)

        panel = QWidget()
        panel.setObjectName("loginPanel")
        panel.setMaximumWidth(600)  # the English demo hint on one line
        inner = vbox(title, self.station_label, self.locked_label, parent=panel)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.submit)
        inner.addWidget(self.message)
        if demo_hint:
            hint = text_label(
                self.tr("Demo: inspector badge I1001, PIN 1234 · supervisor S9001, PIN 9999"),
                name="demoHint",
                align=centred,
            )
            inner.addWidget(hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.badge.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.attempt)

    def reset(self, locked_user: UserView | None = None) -> None:
        """Show a fresh form; after an idle lock, say whose session was locked."""
        self.pin.clear()
        self.message.clear()
        self.submit.setEnabled(True)
        if locked_user is not None:
            self.locked_label.setText(
                arg(
                    self.tr("Locked after inactivity. %1, log in again to continue."),
                    locked_user.display_name,
                )
            )
            self.locked_label.show()
            if locked_user.badge is None:
                self.badge.setText(locked_user.badge_id)
                self.pin.setFocus()
            else:  # a badge central issued: scanned again, its secret is not kept on screen
                self.badge.clear()
                self.badge.setFocus()
        else:
            self.locked_label.hide()
            self.badge.clear()
            self.badge.setFocus()

    def badge_scanned(self, code: str) -> None:
        self.badge.setText(code.strip())
        self.pin.clear()
        self.pin.setFocus()

    def attempt(self) -> None:
        badge, pin = self.badge.text().strip(), self.pin.text()
        if not badge:
            self._show_error(self.tr("Scan or type your badge first."))
            self.badge.setFocus()
            return
        if not pin:
            self._show_error(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        self.submit.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self._runner.submit(lambda: self._auth.login(badge, pin), self._succeeded, self._failed)

    def _succeeded(self, user: UserView) -> None:
        self.submit.setEnabled(True)
        self.pin.clear()
        self.message.clear()
        self.logged_in.emit(user)

    def _failed(self, error: BaseException) -> None:
        self.submit.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        if isinstance(error, StationLocked):
            text = arg(
                self.tr("Too many wrong PINs at this station: logins resume at %1."),
                error.until.astimezone().strftime("%H:%M"),
            )
        elif isinstance(error, BadgeLocked):
            text = arg(
                self.tr("Badge locked until %1 after repeated wrong PINs."),
                error.until.astimezone().strftime("%H:%M"),
            )
        elif isinstance(error, BadCredentials):
            text = arg(self.tr("Wrong badge or PIN. %1 attempts left."), error.attempts_left)
        elif isinstance(error, LoginError):
            text = str(error)
        else:
            text = arg(self.tr("Login failed: %1"), error)
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        set_tone(self.message, "error")
