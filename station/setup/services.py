"""What the settings dialog and the first-run wizard can ask for, in one object the
composition root builds. Every method may block (network, devices, disk): call them on a
worker."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from station.capture.frames import FrameSource, open_source
from station.capture.live import LiveScanner, LiveSettings
from station.config import DataPaths, Settings
from station.printing.backends import PrinterBackend
from station.printing.registry import kind_named
from station.setup import checks, config_file, first_run, support
from station.setup.checks import Check

RESTART_EXIT = 0x5253  # the window closed so that the station starts again (new settings)


@dataclass(frozen=True, slots=True)
class SetupServices:
    config_path: Path
    paths: DataPaths
    settings: Settings  # in force in this process
    reload: Callable[[], Settings]  # what the next start would run with (file, env, options)
    printer_backend: Callable[[str], PrinterBackend]
    # what an empty camera setting means here: the demo camera in demo mode, else camera 0
    default_camera: Callable[[], FrameSource] | None = None

    # -- settings file -----------------------------------------------------------------------

    def file_values(self) -> dict[str, Any]:
        return config_file.read_values(self.config_path)

    def save(self, changes: Mapping[str, Any]) -> list[str]:
        """Write the changes (all or nothing); the keys that need a restart to apply."""
        config_file.save(self.config_path, changes)
        return config_file.needs_restart(self.settings, self.reload())

    def environment_overrides(self) -> dict[str, str]:
        return config_file.environment_overrides()

    # -- checks ------------------------------------------------------------------------------

    def check_central(self, url: str, *, station_id: str, enrolment_code: str, token: str) -> Check:
        return checks.check_central(
            url,
            station_id=station_id,
            token_file=self.paths.root / "central-token",
            token=token,
            enrolment_code=enrolment_code,
            ca_file=self.settings.central_ca_file,
        )

    def check_camera(self, spec: str, width: int, height: int) -> Check:
        default = self.default_camera() if self.default_camera else None
        return checks.check_camera(spec, width=width, height=height, default=default)

    def check_printer(self, spec: str) -> Check:
        return checks.check_printer(spec, default_folder=self.paths.labels)

    def printer_choices(self, scheme: str) -> list[str]:
        """The printers of that kind this computer knows (CUPS queues, system printers)."""
        return kind_named(scheme).choices()

    def test_print(self, spec: str, size: str, language: str) -> Check:
        try:
            backend = self.printer_backend(spec)
        except ValueError as exc:
            return Check(checks.Outcome.BAD_VALUE, str(exc))
        return checks.print_check_label(backend, size, language)

    def preview_scanner(self, spec: str, width: int, height: int, decoder: str) -> LiveScanner:
        """A live scanner on ``spec`` for the camera check (ValueError / SourceError if the
        spec cannot be a camera)."""
        source: FrameSource
        if not spec and self.default_camera is not None:
            source = self.default_camera()
        else:
            source = open_source(spec or "camera:0", width=width, height=height)
        return LiveScanner(source, settings=LiveSettings(decoder=decoder))

    # -- first run and support ---------------------------------------------------------------

    def admin_badges(self) -> list[str]:
        """The store's active admins (none in a new data folder)."""
        return first_run.admin_badges(self.paths)

    def finish_first_run(self, answers: first_run.FirstRunAnswers) -> Settings:
        return first_run.finish(answers, config_path=self.config_path, paths=self.paths)

    def support_bundle(self, out: Path) -> support.BundleReport:
        return support.write_support_bundle(
            out,
            settings=self.settings,
            config_path=self.config_path,
            paths=self.paths,
            now=datetime.now(UTC),
        )
