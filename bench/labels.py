"""Label rendering and printing (targets: render median < 30 ms; print request to the job
accepted by CUPS < 500 ms).

    python bench/labels.py [--renders 50] [--prints 30]

Renders every kind at every size as PDF and as ZPL, then prints through a private CUPS server
with the cups-pdf printer (the same one the tests start; needs root): straight through the
CUPS backend, and through the print queue from ``submit`` (label row, audit entry) to the
queue's ``printed`` event, which fires when CUPS has accepted the job.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import summary_ms, table
from station.printing.backends import CupsBackend, PrintJob
from station.printing.data import LabelKind, new_label_id
from station.printing.layout import available_sizes
from station.printing.pdf import render_pdf
from station.printing.queue import PrintEvent, PrintEventKind, PrintQueue
from station.printing.samples import sample
from station.printing.zpl import render_zpl
from station.store.database import Database
from tests.printing.cups_server import QUEUE, CupsServer, unavailable_reason


def time_renders(count: int) -> None:
    render_pdf(sample(LabelKind.DISPOSITION), "100x150")  # font loading is start-up, not per label
    render_zpl(sample(LabelKind.DISPOSITION), "100x150")
    rows = []
    for kind in LabelKind:
        for size in available_sizes(kind):
            data = sample(kind)
            for name, render in (("PDF", render_pdf), ("ZPL", render_zpl)):
                samples, length = [], 0
                for _ in range(count):
                    t0 = time.perf_counter()
                    length = len(render(data, str(size)))
                    samples.append(time.perf_counter() - t0)
                median, p95, worst = summary_ms(samples)
                rows.append(
                    [kind.value, str(size), name, f"{length / 1024:.1f}", median, p95, worst]
                )
    table(
        f"Rendering one label, {count} renders each (ms; zh_CN, ZPL with Chinese as graphics)",
        ["kind", "size", "format", "KiB", "median", "p95", "max"],
        rows,
    )


class _Printed:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.done: dict[str, float] = {}

    def __call__(self, event: PrintEvent) -> None:
        if event.kind is PrintEventKind.PRINTED:
            with self.cond:
                self.done[event.label_id] = time.perf_counter()
                self.cond.notify_all()

    def wait(self, label_id: str) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: label_id in self.done, 30):
                raise TimeoutError(f"label {label_id} was not printed")
            return self.done[label_id]


def time_prints(count: int) -> None:
    reason = unavailable_reason()
    if reason is not None:
        print(f"\n(printing not measured: {reason})")
        return
    server = CupsServer().start()
    try:
        server.add_pdf_printer()
        backend = CupsBackend(QUEUE, server=server.server)
        rows = []
        for kind, size in ((LabelKind.DISPOSITION, "100x150"), (LabelKind.HOLDING, "60x40")):
            accepted, completed = [], []
            for n in range(count):
                title = server.title(f"bench-{kind.value}-{n}")
                t0 = time.perf_counter()
                job = backend.print_job(PrintJob(sample(kind), size, title=title))
                accepted.append(time.perf_counter() - t0)
                server.wait_for_output(title, job)
                completed.append(time.perf_counter() - t0)
            for stage, samples in (("accepted by CUPS", accepted), ("PDF written", completed)):
                rows.append([f"{kind.value} {size}", "CUPS backend", stage, *summary_ms(samples)])
        rows.append(
            ["holding 60x40", "print queue", "accepted by CUPS", *queue_prints(server, count)]
        )
        table(
            f"Print request to printer, {count} labels each, private cupsd + cups-pdf (ms)",
            ["label", "path", "until", "median", "p95", "max"],
            rows,
        )
    finally:
        server.close()


def queue_prints(server: CupsServer, count: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.db")
        printed = _Printed()
        queue = PrintQueue(db, {"bench": CupsBackend(QUEUE, server=server.server)})
        queue.events.connect(printed)
        queue.start()
        samples, titles = [], []
        try:
            for _ in range(count):
                data = dataclasses.replace(
                    sample(LabelKind.HOLDING), label_id=new_label_id(), unmatched_id=""
                )
                t0 = time.perf_counter()
                view = queue.submit(data, printer="bench", size="60x40", actor="bench")
                samples.append(printed.wait(view.id) - t0)
                titles.append(f"label-{view.id}")
            queue.wait_idle(30)
        finally:
            queue.stop()
            db.close()
        for title in titles:  # the queue's own titles: remove exactly those outputs
            server.wait_for_output(title).unlink()
        return summary_ms(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--prints", type=int, default=30)
    args = parser.parse_args()
    time_renders(args.renders)
    time_prints(args.prints)
    return 0


if __name__ == "__main__":
    sys.exit(main())
