"""A "printer" that files each label as a PDF in a folder: for benches without a label
printer yet, for the demo, and for sending labels to a print server by shared folder."""

from __future__ import annotations

from pathlib import Path
from typing import Self

from station.printing.backends import PrinterCheck, PrintError, PrintJob, Readiness, render_job_pdf
from station.store.files import write_atomically


class FileBackend:
    def __init__(self, folder: Path, *, layouts: Path | None = None) -> None:
        self.folder = folder
        self.name = f"file:{folder}"
        self._layouts = layouts

    @classmethod
    def from_target(cls, target: str, *, layouts: Path | None = None) -> Self:
        return cls(Path(target), layouts=layouts)

    @classmethod
    def choices(cls, timeout: float = 5.0) -> list[str]:
        return []  # any folder; the settings screen offers to browse for one

    def check(self, timeout: float = 3.0) -> PrinterCheck:
        """Can labels be filed there: the folder made if need be, and written to."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / ".station-write-check"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            return PrinterCheck(Readiness.NOT_READY, f"{self.folder}: {exc.strerror or exc}")
        return PrinterCheck(Readiness.READY, f"labels are filed as PDF in {self.folder}")

    def print_job(self, job: PrintJob) -> str:
        pdf = render_job_pdf(job, layouts=self._layouts)
        target = self.folder / f"{job.job_title}.pdf"
        try:
            write_atomically(target, pdf, replace=lambda _: True)
        except OSError as exc:
            raise PrintError(f"cannot write {target}: {exc.strerror}") from exc
        return str(target)
