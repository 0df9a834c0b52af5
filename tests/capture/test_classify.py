from __future__ import annotations

import pytest

from station.capture.classify import Command, ScanKind, classify, command_payload
from station.capture.scan_text import BadScan
from station.protocol.enums import Carrier


@pytest.mark.parametrize(
    "raw,kind,carrier",
    [
        ("RMA20261120000001", ScanKind.RMA, None),
        ("rma20261120000001", ScanKind.RMA, None),
        ("SF1402318765432", ScanKind.TRACKING, Carrier.SF),
        ("JDVB12345678901", ScanKind.TRACKING, Carrier.JD),
        ("YT7512345678901", ScanKind.TRACKING, Carrier.YTO),
        ("735012345678", ScanKind.TRACKING, Carrier.ZTO),
        ("7712345678901", ScanKind.TRACKING, Carrier.STO),
        ("EA123456785CN", ScanKind.TRACKING, Carrier.EMS),
        ("261118093412345678", ScanKind.ORDER_NO, None),
        ("6901234567892", ScanKind.EAN, None),
        ("036000291452", ScanKind.EAN, None),
        ("SN4821937465", ScanKind.OTHER, None),
        ("AP-TS-01-M", ScanKind.OTHER, None),
    ],
)
def test_real_codes_are_told_apart(raw: str, kind: ScanKind, carrier: Carrier | None) -> None:
    code = classify(raw)
    assert (code.kind, code.carrier) == (kind, carrier)


@pytest.mark.parametrize("command", list(Command))
def test_command_cards(command: Command) -> None:
    code = classify(command_payload(command), source="camera")
    assert code.kind is ScanKind.COMMAND and code.command is command
    assert code.source == "camera"
    assert classify(command_payload(command).lower()).command is command


@pytest.mark.parametrize(
    "raw", ["RSCMD-PASS", "rscmd-pass", "RSCMD_PASS", "RSCMDPASS", "RSCMD PASS", "]C1RSCMD-PASS"]
)
def test_a_command_card_is_read_however_the_scanner_typed_its_prefix(raw: str) -> None:
    assert classify(raw).command is Command.PASS


@pytest.mark.parametrize(
    "raw,kind",
    [
        ("]C1RMA20261120000001", ScanKind.RMA),
        ("]E06901234567892", ScanKind.EAN),
        ("]Q1SF1402318765432", ScanKind.TRACKING),
        ("]d2AP-TS-01-M", ScanKind.OTHER),
    ],
)
def test_an_aim_symbology_prefix_is_dropped(raw: str, kind: ScanKind) -> None:
    code = classify(raw)
    assert code.kind is kind and code.text.upper() == raw[3:].upper()


@pytest.mark.parametrize("word", ["PASS", "fail", "Photo", "NEXT", "BACK", "PRINT", "CANCEL"])
def test_a_command_word_without_its_card_prefix_is_never_an_item_code(word: str) -> None:
    with pytest.raises(BadScan, match="part of a command card"):
        classify(word)


@pytest.mark.parametrize(
    "raw,reason",
    [
        ("RSCMD-SELFDESTRUCT", "unknown command card"),
        ("RMA\x00", "unprintable"),
        ("A" * 4096, "too long"),
        ("", "empty"),
    ],
)
def test_hostile_payloads_are_refused(raw: str, reason: str) -> None:
    with pytest.raises(BadScan, match=reason):
        classify(raw)


@pytest.mark.parametrize(
    "raw", ["^XA^IDR:*.*^XZ", "~JR", "../../etc/passwd", "'; DROP TABLE returns; --"]
)
def test_printer_commands_paths_and_sql_are_just_unknown_text(raw: str) -> None:
    code = classify(raw)
    assert code.kind in (ScanKind.OTHER, ScanKind.TEXT) and code.text == raw  # inert text


@pytest.mark.parametrize(
    "raw",
    [
        "https://m.example-express.cn/t?no=SF1234567890123",  # a waybill's QR: its tracking link
        "weixin://dl/business/?t=abc",
        '{"no":"SF1234567890123"}',
        "[SF1234567890123]",
        "<w>SF1234567890123</w>",
        "退货 请联系客服",
        "RMA20261120000001 x2",
        "PA SS",  # a command word, split: still nothing
        "A" * 65,
    ],
)
def test_text_is_told_from_a_parcels_number(raw: str) -> None:
    code = classify(raw)
    assert code.kind is ScanKind.TEXT and not code.kind.names_a_parcel
    assert code.text == raw


@pytest.mark.parametrize(
    "raw",
    [
        "A" * 64,
        "0109501101020917\x1d21ABC123",  # GS1: a GS separates fields, it is not a space
        "ZT-0031-X9",
        "www.example.cn",  # no scheme: could be anything, so it stays a code
    ],
)
def test_codes_that_could_be_a_parcels_stay_codes(raw: str) -> None:
    assert classify(raw).kind is ScanKind.OTHER


@pytest.mark.parametrize(
    "raw",
    [
        "JDVA12345678901-1-1-",  # piece 1 of 1, no sorting code
        "jdva12345678901-2-3-A12",  # piece 2 of 3, a sorting code, typed in lower case
        "JDVA12345678901-1-1",
        "JDVA12345678901N1S1",  # the older form
        "JDVA12345678901N2S2H7",
    ],
)
def test_a_jd_pieces_barcode_is_read_as_its_waybill(raw: str) -> None:
    code = classify(raw)
    assert (code.kind, code.carrier, code.text) == (
        ScanKind.TRACKING,
        Carrier.JD,
        "JDVA12345678901",
    )


@pytest.mark.parametrize(
    "raw",
    [
        "RMA٢٠٢٦١١٢٠٠٠٠٠٠١",  # Arabic-Indic digits: no scanner sends them, no order has them
        "٦٩٠١٢٣٤٥٦٧٨٩٢",
        "SF١٢٣٤٥٦٧٨٩٠١٢٣",
    ],
)
def test_digits_of_other_scripts_make_no_number(raw: str) -> None:
    assert classify(raw).kind is ScanKind.OTHER


@pytest.mark.parametrize(
    "raw", ["JDVA12345678901-0-1-", "JDVA12345678901-1-", "SF1234567890123-1-1-", "JDVA1-1-1-"]
)
def test_what_only_looks_like_a_piece_stays_as_scanned(raw: str) -> None:
    code = classify(raw)
    assert code.kind is ScanKind.OTHER and code.text == raw


@pytest.mark.parametrize(
    ("typed", "kind", "text"),
    [
        ("SF 1234 5678 9012 3", ScanKind.TRACKING, "SF1234567890123"),  # as the label groups it
        ("rma 2026 1120 0000 01", ScanKind.RMA, "RMA20261120000001"),
        ("6901234 567892", ScanKind.EAN, "6901234567892"),
        ("4000 1234 5678 9012 34", ScanKind.ORDER_NO, "400012345678901234"),
    ],
)
def test_a_number_typed_in_the_groups_its_label_prints_is_that_number(
    typed: str, kind: ScanKind, text: str
) -> None:
    code = classify(typed)
    assert (code.kind, code.text) == (kind, text)
