"""Render the first-run wizard and the settings dialog into docs/screenshots/first-run-<lang>.png
and docs/screenshots/settings-<lang>.png.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/setup_screenshots.py [zh_CN|en]

Both run on a new data folder in a temporary directory. The wizard is filled in up to its last
page (the first admin user); the settings dialog is shown on its Camera tab with the live
preview reading the demo camera's clip, caught on a frame with a code outlined.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station import app
from station.config import Settings, load_settings
from station.demo.orders import generate_orders
from station.demo.video import write_demo_video
from station.domain.labels import Language
from station.setup import config_file
from station.setup.services import SetupServices
from station.ui.application import apply_look
from station.ui.setup.first_run_wizard import FirstRunWizard
from station.ui.setup.settings_dialog import SettingsDialog
from station.ui.tasks import TaskRunner
from station.ui.translations import install_translation

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DEMO_DAY = date(2026, 11, 20)
STATION_ID = "WH1-B07"
WIZARD_SIZE = (760, 560)
DIALOG_SIZE = (860, 640)
ADMIN = {"zh_CN": ("A0001", "赵立新"), "en": ("A0001", "Zhao Lixin")}
DEMO_CAMERA = {"zh_CN": "演示摄像头（演示视频）", "en": "Demo camera (demo clip)"}


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(ready: Callable[[], bool], timeout_ms: int = 20_000) -> bool:
    """Run the event loop until ``ready()`` holds (checked every 20 ms) or the time is up."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if ready() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not ready():
        loop.exec()
    poll.stop()
    return ready()


def services_for(root: Path, values: dict[str, object]) -> SetupServices:
    """The setup services of a station whose settings file holds ``values`` (none: no file)."""
    root.mkdir(parents=True, exist_ok=True)
    config = root / "station.toml"
    if values:
        config_file.save(config, values)
    data = root / "data"

    def load() -> Settings:
        return load_settings(config, data_dir=data)

    return app.setup_services(load(), config_path=config, reload=load)


def save(widget: QWidget, name: str) -> Path:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    return path


def shoot_wizard(qapp: QApplication, language: Language, root: Path) -> Path:
    """The wizard filled in up to the first admin user, the page it cannot finish without."""
    services = services_for(root, {})
    runner = TaskRunner(qapp, workers=2)
    wizard = FirstRunWizard(
        services,
        runner,
        switch_language=lambda code: install_translation(qapp, code),  # type: ignore[arg-type]
        devices=[],
    )
    wizard.language_page.choose(language)
    wizard.set_existing_admins(services.admin_badges())
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    wizard.station_page.form.station_id.setText(STATION_ID)
    central = wizard.central_page.form
    central.offline.setChecked(False)
    central.url.setText("http://central.wh1.lan:8765")
    central.key.setText("wh1-enrol-2026")
    while wizard.currentPage() is not wizard.admin_page:
        before = wizard.currentId()
        wizard.next()
        if wizard.currentId() == before:
            raise RuntimeError(f"the wizard stays on page {before}")
    badge, name = ADMIN[language]
    admin = wizard.admin_page.form
    admin.badge.setText(badge)
    admin.name.setText(name)
    admin.pin.setText("260417")
    admin.pin_again.setText("260417")
    wizard.resize(*WIZARD_SIZE)  # the camera page, passed on the way, made it taller
    settle()
    path = save(wizard, f"first-run-{language}.png")
    wizard.reject()
    runner.shutdown()
    return path


def film_demo_clip(path: Path) -> None:
    """The demo camera's clip: parcels the demo store expects, as the demo station films them."""
    orders = generate_orders(200, today=DEMO_DAY)
    parcels = [row for row in orders if row["state"] == "in_transit"][:3]
    write_demo_video(path, [str(row["rma_no"]) for row in parcels], orders=parcels)


def shoot_settings(qapp: QApplication, language: Language, root: Path) -> Path:
    """The Camera tab with the live preview reading the demo clip, a code outlined."""
    clip = root / "demo-camera.avi"
    film_demo_clip(clip)
    camera = f"video:{clip}"
    services = services_for(
        root,
        {
            "station_id": STATION_ID,
            "language": language,
            "camera": camera,
            "camera_width": 1280,
            "camera_height": 720,
            "central_url": "http://central.wh1.lan:8765",
        },
    )
    runner = TaskRunner(qapp, workers=2)
    dialog = SettingsDialog(services, runner, devices=[(DEMO_CAMERA[language], camera)])
    dialog.resize(*DIALOG_SIZE)
    dialog.tabs.setCurrentWidget(dialog.camera)
    dialog.show()
    form = dialog.camera
    form.preview_button.setChecked(True)
    caught = wait_until(lambda: bool(form.preview.outlines) and bool(form.read_line.text()))
    if not caught:
        raise RuntimeError("the preview read no code from the demo clip within 20 s")
    path = save(dialog, f"settings-{language}.png")
    form.detach_preview()()
    dialog.tabs.setCurrentWidget(dialog.recording)
    save(dialog, f"settings-recording-{language}.png")
    dialog.reject()
    runner.shutdown()
    return path


def main() -> int:
    chosen = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    if chosen not in ("zh_CN", "en"):
        sys.stderr.write(f"usage: {sys.argv[0]} [zh_CN|en]\n")
        return 2
    language: Language = "en" if chosen == "en" else "zh_CN"
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    install_translation(qapp, language)
    apply_look(qapp)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        written = [
            shoot_wizard(qapp, language, root / "first-run"),
            shoot_settings(qapp, language, root / "settings"),
        ]
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
