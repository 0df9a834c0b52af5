"""Runs ``station run`` in-process on a data folder, restarts it once from the window after
changing the settings file (as the settings dialog does), then closes it; prints the title of
each window it saw. A child process: a finished Qt main loop leaves the application unable to
deliver queued events to later tests in the same process."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from station import app
from station.config import Settings, load_settings
from station.setup import config_file
from station.ui.main_window import MainWindow


def main(config: Path, data: Path) -> int:
    qapp = QApplication.instance() or QApplication(sys.argv)
    opened: list[str] = []

    def load() -> Settings:
        return load_settings(config, data_dir=data)

    def step() -> None:
        shown = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not shown or shown[0].windowTitle() in opened:
            return
        window = shown[0]
        opened.append(window.windowTitle())
        if len(opened) == 1:
            config_file.save(config, {"station_id": "ST-R2"})
            window.restart()
        else:
            window.close()
            qapp.quit()

    ticker = QTimer()
    ticker.timeout.connect(step)
    ticker.start(20)
    code = app.run_station(load, config_path=config)
    for title in opened:
        sys.stdout.write(f"window: {title}\n")
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
