"""The printer backends against a real CUPS server (cups-pdf) and a ZPL printer on loopback."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from station.printing.backends import (
    CupsBackend,
    PrintError,
    PrintJob,
    RawTcpBackend,
    parse_host_status,
    print_test_label,
)
from station.printing.data import LabelKind
from station.printing.samples import TEST_LABEL_ID, sample
from station.printing.zpl import render_zpl
from tests.printing.conftest import assert_reads, page_size_mm, pdf_text, rasterise
from tests.printing.cups_server import QUEUE, CupsServer
from tests.printing.fake_zebra import FakeZebra, closed_port, status_reply
from tests.printing.zpl_reader import fields


def cups_backend(cups: CupsServer) -> CupsBackend:
    return CupsBackend(QUEUE, server=cups.server, timeout=10)


@pytest.mark.parametrize(
    "kind,size,qr_field,expect_text",
    [
        (
            LabelKind.DISPOSITION,
            "100x150",
            "inspection_id",
            ["售后单号", "针织开衫外套", "质检员 WJ"],
        ),
        (LabelKind.HOLDING, "60x40", "scanned_code", ["质检员 WJ", "SF1402318765432"]),
        (
            LabelKind.RETURN_TO_CUSTOMER,
            "100x150",
            "inspection_id",
            ["拒收原因", "无线蓝牙降噪耳机"],
        ),
    ],
)
def test_a_label_printed_through_cups_reads_back(
    cups: CupsServer,
    tmp_path: Path,
    kind: LabelKind,
    size: str,
    qr_field: str,
    expect_text: list[str],
) -> None:
    data = sample(kind, "zh_CN")
    title = cups.title(kind.value)
    job = cups_backend(cups).print_job(PrintJob(data, size, title=title))
    assert re.fullmatch(rf"{QUEUE}-\d+", job)
    printed = cups.wait_for_output(title, job)
    width, height = (float(n) for n in size.split("x"))
    assert page_size_mm(printed) == pytest.approx((width, height), abs=0.5)
    text = pdf_text(printed)
    for expected in expect_text:
        assert expected in text
    (page,) = rasterise(printed, tmp_path)
    assert_reads(page, code128=data.label_id, qr=getattr(data, qr_field))


def test_the_test_print_says_which_printer_it_came_from(cups: CupsServer, tmp_path: Path) -> None:
    title = cups.title("test-print")
    job = print_test_label(cups_backend(cups), "60x40", title=title)
    printed = cups.wait_for_output(title, job)
    assert "测试TESTcups:LabelPDF" in "".join(pdf_text(printed).split())
    (page,) = rasterise(printed, tmp_path)
    assert_reads(page, code128=TEST_LABEL_ID, qr="测试 TEST cups:LabelPDF")


def test_a_stopped_printer_is_reported_and_nothing_is_left_in_cups(cups: CupsServer) -> None:
    cups.disable(reason="paper jam")
    with pytest.raises(PrintError, match="printer LabelPDF is stopped: paper jam") as caught:
        cups_backend(cups).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))
    assert caught.value.retryable
    assert cups.pending_jobs() == []


def test_a_queue_that_rejects_jobs_is_reported(cups: CupsServer) -> None:
    cups.reject(reason="queue full")
    with pytest.raises(PrintError, match='Destination "LabelPDF" is not accepting jobs') as caught:
        cups_backend(cups).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))
    assert caught.value.retryable


def test_cups_not_running_is_reported_as_such(cups: CupsServer) -> None:
    cups.stop()
    with pytest.raises(PrintError, match=f"CUPS print service is not running on {cups.server}"):
        cups_backend(cups).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))


def test_an_unknown_queue_is_reported(cups: CupsServer) -> None:
    with pytest.raises(PrintError, match='Invalid destination name in list "Nowhere"'):
        CupsBackend("Nowhere", server=cups.server).print_job(
            PrintJob(sample(LabelKind.HOLDING), "60x40")
        )


def test_a_label_that_cannot_render_is_not_worth_retrying(cups: CupsServer) -> None:
    with pytest.raises(
        PrintError, match="cannot be rendered: no holding layout at 80x50"
    ) as caught:
        cups_backend(cups).print_job(PrintJob(sample(LabelKind.HOLDING), "80x50"))
    assert not caught.value.retryable


@pytest.mark.parametrize("queue", ["", "-o evil", "a b", "q;rm", "x" * 200])
def test_queue_names_cannot_become_options(queue: str) -> None:
    with pytest.raises(ValueError, match="not a CUPS queue name"):
        CupsBackend(queue)


# -- raw TCP / ZPL ------------------------------------------------------------------------------


def tcp(port: int, **options: object) -> RawTcpBackend:
    settings: dict[str, object] = {"connect_timeout": 2.0, "io_timeout": 2.0, **options}
    return RawTcpBackend("127.0.0.1", port, **settings)  # type: ignore[arg-type]


def test_zpl_arrives_whole_between_two_status_queries(zebra: FakeZebra) -> None:
    data = sample(LabelKind.DISPOSITION)
    tcp(zebra.port).print_job(PrintJob(data, "60x40", copies=2))
    (stream,) = zebra.wait_connections(1)
    assert stream.startswith(b"~HS\r\n") and stream.endswith(b"~HS\r\n")
    assert zebra.wait_labels(1) == [render_zpl(data, "60x40", copies=2).rstrip(b"\n")]


@pytest.mark.parametrize("code", ["^XA^IDR:*.*^XZ", "~JR", "A" * 200, "a\x1db"])
def test_hostile_payloads_reach_the_printer_escaped(zebra: FakeZebra, code: str) -> None:
    data = dataclasses.replace(sample(LabelKind.HOLDING, "en"), scanned_code=code)
    tcp(zebra.port).print_job(PrintJob(data, "100x150"))
    (stream,) = zebra.wait_connections(1)
    label = stream.removeprefix(b"~HS\r\n").removesuffix(b"~HS\r\n").decode("ascii")
    assert label.count("^XA") == 1 and label.count("^XZ") == 1 and "~" not in label
    assert "^ID" not in label and "\x1d" not in label
    qr = [f for f in fields(label) if "^BQ" in f.commands]
    assert [f.data for f in qr] == ["MA," + code]


@pytest.mark.parametrize(
    "state,reason",
    [
        ({"paper_out": True}, "paper out"),
        ({"paused": True}, "paused"),
        ({"head_open": True}, "print head open"),
    ],
)
def test_a_printer_that_cannot_print_is_not_sent_the_label(
    zebra: FakeZebra, state: dict[str, bool], reason: str
) -> None:
    for name, value in state.items():
        setattr(zebra, name, value)
    with pytest.raises(PrintError, match=f"printer 127.0.0.1:{zebra.port}: {reason}"):
        tcp(zebra.port).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))
    assert zebra.wait_connections(1) == [b"~HS\r\n"]
    assert zebra.labels() == []


def test_a_refused_connection_is_reported() -> None:
    port = closed_port()
    with pytest.raises(PrintError, match=f"printer 127.0.0.1:{port} refused the connection"):
        tcp(port).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))


def test_a_connection_dropped_mid_label_is_reported(zebra: FakeZebra) -> None:
    zebra.drop_after = 600
    with pytest.raises(PrintError, match="dropped the connection"):
        tcp(zebra.port).print_job(PrintJob(sample(LabelKind.DISPOSITION), "100x150"))
    (partial,) = zebra.wait_connections(1)
    assert len(partial) == 600 and zebra.labels() == []


def test_a_printer_that_stops_answering_times_out(zebra: FakeZebra) -> None:
    zebra.answer_status = False
    with pytest.raises(PrintError, match=r"stopped answering \(no reply within 0.3 s\)"):
        tcp(zebra.port, io_timeout=0.3).print_job(PrintJob(sample(LabelKind.HOLDING), "60x40"))


def test_without_status_queries_the_label_is_still_delivered(zebra: FakeZebra) -> None:
    zebra.answer_status = False
    data = sample(LabelKind.HOLDING)
    tcp(zebra.port, status_query=False).print_job(PrintJob(data, "60x40"))
    (stream,) = zebra.wait_connections(1)
    assert stream == render_zpl(data, "60x40")


@pytest.mark.parametrize("raw", [b"", b"garbage", b"\x02only one\x03", b"\x02a,b\x03\x02c\x03" * 3])
def test_an_unreadable_status_is_an_error_not_a_guess(raw: bytes) -> None:
    with pytest.raises(PrintError, match="unreadable status"):
        parse_host_status(raw)


def test_status_flags_are_read_from_their_positions() -> None:
    assert parse_host_status(status_reply(paper_out=True)).problems() == ["paper out"]
    assert parse_host_status(status_reply(head_open=True, paused=True)).problems() == [
        "paused",
        "print head open",
    ]
    assert parse_host_status(status_reply()).problems() == []
