"""The first-run wizard: language, station, central service (or offline for now), camera,
printer, first admin. It cannot finish without an admin user; finishing creates the admin and
writes the settings file on a worker, and a refusal sends the user back to the page at fault."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station.config import Settings
from station.setup.config_file import InvalidSettings, validate
from station.setup.first_run import FirstRunAnswers, FirstRunError
from station.setup.services import SetupServices
from station.ui.owned_tasks import submit
from station.ui.setup.admin_form import AdminForm
from station.ui.setup.camera_form import CameraForm
from station.ui.setup.central_form import CentralForm
from station.ui.setup.form import SetupForm
from station.ui.setup.printer_form import PrinterForm
from station.ui.setup.station_form import StationForm
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import set_tone, text_label


class _Page(QWizardPage):
    """A page holding one form; its title and subtitle follow the language."""

    def __init__(self, form: SetupForm | None = None) -> None:
        super().__init__()
        self.form = form
        self.problem = text_label(name="fieldProblem", wrap=True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        if form is not None:
            layout.addWidget(form, 1)
            form.changed.connect(self._changed)
        layout.addWidget(self.problem)
        self.retranslate()

    def _changed(self) -> None:
        self.problem.hide()
        self.completeChanged.emit()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        set_tone(self.problem, "error")
        self.problem.show()

    def retranslate(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(_Page):
    def __init__(self, switch_language: Callable[[str], None]) -> None:
        super().__init__()
        self._switch = switch_language
        self.choices = QButtonGroup(self)
        column = QVBoxLayout()
        for code, text in (("zh_CN", "中文（简体）"), ("en", "English")):
            button = QRadioButton(text)
            button.setObjectName(f"language_{code}")
            button.setProperty("code", code)
            self.choices.addButton(button)
            column.addWidget(button)
        column.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, column)
        self.choices.buttons()[0].setChecked(True)
        self.choices.buttonToggled.connect(self._toggled)

    @property
    def language(self) -> str:
        button = self.choices.checkedButton()
        return str(button.property("code")) if button is not None else "zh_CN"

    def choose(self, code: str) -> None:
        for button in self.choices.buttons():
            if button.property("code") == code:
                button.setChecked(True)

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self._switch(str(button.property("code")))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome · 欢迎"))
        self.setSubTitle(
            self.tr("This bench PC becomes a returns-inspection station. Choose its language.")
        )


class _SettingsPage(_Page):
    """A page whose form's values are settings: Next only once they would load."""

    form: SetupForm

    def validatePage(self) -> bool:
        try:
            validate(self.form.values())
        except InvalidSettings as exc:
            self.form.show_problems(exc.problems)
            return False
        return True


class StationPage(_SettingsPage):
    form: StationForm

    def __init__(self, data_folder: str) -> None:
        self.data_folder = data_folder  # named in the subtitle, which is set as the page is built
        super().__init__(StationForm(with_data_dir=False, with_language=False))

    def isComplete(self) -> bool:
        return bool(self.form.station_id.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("This station"))
        self.setSubTitle(
            arg(
                self.tr("Its id appears on labels and in every record. Data is kept in %1."),
                self.data_folder,
            )
        )


class CentralPage(_SettingsPage):
    form: CentralForm

    def isComplete(self) -> bool:
        return self.form.offline.isChecked() or bool(self.form.url.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Central service"))
        self.setSubTitle(
            self.tr(
                "Verdicts and photos go there. Without it the station works offline and "
                "delivers everything once it is set."
            )
        )


class CameraPage(_Page):
    form: CameraForm

    def retranslate(self) -> None:
        self.setTitle(self.tr("Bench camera"))
        self.setSubTitle(
            self.tr("Hold a parcel label under it in the preview: the code it reads shows below.")
        )

    def cleanupPage(self) -> None:
        self.stop()

    def validatePage(self) -> bool:
        self.stop()
        return True

    def stop(self) -> None:
        self.form.stop_preview()


class PrinterPage(_Page):
    def retranslate(self) -> None:
        self.setTitle(self.tr("Label printer"))
        self.setSubTitle(self.tr("A test print shows the station can reach it."))


class AdminPage(_Page):
    form: AdminForm

    def __init__(self) -> None:
        super().__init__(AdminForm())

    def isComplete(self) -> bool:
        return bool(self.form.existing) or all(
            f.text() for f in (self.form.badge, self.form.name, self.form.pin, self.form.pin_again)
        )

    def validatePage(self) -> bool:
        problem = self.form.problem()
        return not problem

    def retranslate(self) -> None:
        self.setTitle(self.tr("First admin user"))
        self.setSubTitle(self.tr("Needed to change settings and to manage users."))


class FirstRunWizard(QWizard):
    """Emits ``finished_setup`` with the settings written once the user finishes."""

    finished_setup = Signal(object)  # Settings
    first_painted = Signal()

    def __init__(
        self,
        services: SetupServices,
        runner: TaskRunner,
        *,
        switch_language: Callable[[str], None],
        devices: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(860, 700)  # tall enough for the camera page's preview: no jump on it
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            button.setObjectName("secondaryButton")
            button.style().polish(button)  # QWizard polished its buttons already
        self._services, self._runner = services, runner
        self._painted = False
        self.settings: Settings | None = None
        self.language_page = LanguagePage(switch_language)
        self.station_page = StationPage(str(services.paths.root))
        self.central_page = CentralPage(CentralForm(services, runner, station_id=self._station_id))
        self.camera_page = CameraPage(CameraForm(services, runner, devices=devices))
        self.printer_page = PrinterPage(PrinterForm(services, runner))
        self.admin_page = AdminPage()
        self.pages: list[_Page] = [
            self.language_page,
            self.station_page,
            self.central_page,
            self.camera_page,
            self.printer_page,
            self.admin_page,
        ]
        for page in self.pages:
            self.addPage(page)
        current = services.settings.model_dump(mode="json")
        current.update(services.file_values())
        for page in self.pages[1:]:
            assert page.form is not None
            page.form.load(current)
        if current.get("language") in ("zh_CN", "en"):
            self.language_page.choose(str(current["language"]))
        self.retranslate()

    def _station_id(self) -> str:
        return self.station_page.form.station_id.text().strip().upper()

    def set_existing_admins(self, badges: list[str]) -> None:
        self.admin_page.form.set_existing(badges)
        self.admin_page.completeChanged.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up the returns-inspection station"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # -- finishing -----------------------------------------------------------------------------

    def answers(self) -> FirstRunAnswers:
        values: dict[str, object] = {"language": self.language_page.language}
        for page in self.pages[1:5]:
            assert page.form is not None
            values.update(page.form.values())
        values.pop("idle_lock_minutes", None)
        admin = self.admin_page.form.answer()
        return FirstRunAnswers(
            language=str(values["language"]),
            station_id=str(values.get("station_id", "")),
            central_url=str(values.get("central_url", "")),
            central_enrolment_code=str(values.get("central_enrolment_code", "")),
            central_token=str(values.get("central_token", "")),
            camera=str(values.get("camera", "")),
            decoder=str(values.get("decoder", "zxing")),
            label_printer=str(values.get("label_printer", "")),
            label_size=str(values.get("label_size", "100x150")),
            admin=admin,
        )

    def accept(self) -> None:
        """Finish on a worker; close only once the admin and the settings are written."""
        if not self.validateCurrentPage():  # QWizard.accept() would; this override must too
            return
        try:
            answers = self.answers()
        except FirstRunError as exc:
            self._back_to(exc)
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.admin_page.show_problem(self.tr("Setting the station up…"))
        set_tone(self.admin_page.problem, "info")

        def done(settings: Settings) -> None:
            self.settings = settings
            self.finished_setup.emit(settings)
            super(FirstRunWizard, self).accept()

        def failed(exc: BaseException) -> None:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            if isinstance(exc, FirstRunError):
                self._back_to(exc)
            else:
                self.admin_page.show_problem(
                    arg(self.tr("The station could not be set up: %1"), exc)
                )

        submit(self._runner, self, lambda: self._services.finish_first_run(answers), done, failed)

    def _back_to(self, exc: FirstRunError) -> None:
        pages = {
            "station_id": self.station_page,
            "central_url": self.central_page,
            "central_token": self.central_page,
            "central_enrolment_code": self.central_page,
            "camera": self.camera_page,
            "decoder": self.camera_page,
            "label_printer": self.printer_page,
            "label_size": self.printer_page,
        }
        page = pages.get(exc.field, self.admin_page)
        while self.currentPage() is not page and self.currentId() > 0:
            self.back()
        if page is self.admin_page and self.admin_page.form.problem():
            return  # shown on its row, in the user's language
        page.show_problem(str(exc))
        if page.form is not None:
            page.form.show_problems({exc.field: str(exc)})

    def done(self, result: int) -> None:
        self.camera_page.stop()
        super().done(result)
