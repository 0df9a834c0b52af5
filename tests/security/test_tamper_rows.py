"""Rows the audit log records, edited on the bench PC's disk: photo rows pointed at another
file, moved, re-timed, marked deleted after completion, forged or removed; a refund changed; a
supervisor's decision undone; an event waiting to be sent rewritten. ``station audit verify``
and ``station verify-evidence`` name the row and fail."""

from __future__ import annotations

import json

import pytest

from tests.security.conftest import Bench, payload_of, station_cli


def assert_reported(
    bench: Bench,
    capsys: pytest.CaptureFixture[str],
    *needles: str,
    commands: tuple[tuple[str, ...], ...] = (("audit", "verify"), ("verify-evidence",)),
) -> None:
    for command in commands:
        code, out = station_cli(bench, *command, capsys=capsys)
        assert code == 1, (command, out)
        for needle in needles:
            assert needle in out, (command, needle, out)
        assert (
            "changed outside the station" in out
            or "not written by the station" in out
            or ("removed outside the station" in out)
        ), out


def test_a_photo_pointed_at_another_file_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    victim, other = bench.photos_of(bench.plain)
    bench.sql(
        "UPDATE evidence_items SET sha256 = (SELECT sha256 FROM evidence_items WHERE id = ?)"
        " WHERE id = ?",
        (other, victim),
    )
    # the file it points at is intact, so only the audit log can tell
    assert_reported(bench, capsys, f"photo {victim} (inspection {bench.plain})", "file")


def test_a_photo_moved_to_another_inspection_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = bench.photos_of(bench.plain)[0]
    bench.sql(
        "UPDATE evidence_items SET inspection_id = ? WHERE id = ?", (bench.overridden, victim)
    )
    assert_reported(bench, capsys, f"photo {victim} (inspection {bench.overridden})")


def test_a_retimed_photo_is_reported(bench: Bench, capsys: pytest.CaptureFixture[str]) -> None:
    victim = bench.photos_of(bench.overridden)[0]
    bench.sql(
        "UPDATE evidence_items SET taken_at = datetime(taken_at, '-2 days') WHERE id = ?",
        (victim,),
    )
    assert_reported(bench, capsys, f"photo {victim}")


def test_a_photo_marked_deleted_after_completion_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = bench.photos_of(bench.plain)[1]
    bench.sql(
        "UPDATE evidence_items SET deleted_at = '2026-11-21 08:00:00.000000' WHERE id = ?",
        (victim,),
    )
    assert_reported(bench, capsys, f"photo {victim}", "deleted mark")


def test_a_deleted_photo_undeleted_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    dropped = bench.one(
        "SELECT id FROM evidence_items WHERE deleted_at IS NOT NULL AND inspection_id = ?",
        (bench.still_open,),
    )
    bench.sql("UPDATE evidence_items SET deleted_at = NULL WHERE id = ?", (dropped,))
    assert_reported(bench, capsys, f"photo {dropped}")


def test_a_forged_photo_row_is_reported(bench: Bench, capsys: pytest.CaptureFixture[str]) -> None:
    columns = (
        "sha256, media, inspection_id, unmatched_id, kind, size_bytes, width, height,"
        " duration_ms, sharpness, exposure, quality_flags, kept, station_id, inspector_id,"
        " taken_at, deleted_at, uploaded_at"
    )
    source = bench.photos_of(bench.still_open)[0]
    bench.sql(
        f"INSERT INTO evidence_items ({columns}) SELECT {columns.replace('inspection_id', '?')}"
        " FROM evidence_items WHERE id = ?",
        (bench.plain, source),
    )
    forged = bench.one("SELECT max(id) FROM evidence_items")
    assert_reported(bench, capsys, f"photo {forged} (inspection {bench.plain})", "no audit entry")


def test_a_removed_photo_row_is_reported(bench: Bench, capsys: pytest.CaptureFixture[str]) -> None:
    victim = bench.photos_of(bench.overridden)[-1]
    bench.sql("DELETE FROM evidence_items WHERE id = ?", (victim,))
    assert_reported(bench, capsys, f"evidence {victim}", "is not in the store")


def test_an_edited_refund_is_reported(bench: Bench, capsys: pytest.CaptureFixture[str]) -> None:
    bench.sql("UPDATE inspections SET refund_fen = refund_fen + 50000 WHERE id = ?", (bench.plain,))
    assert_reported(bench, capsys, f"inspection {bench.plain}", "verdict or refund")


def test_an_overturned_verdict_put_back_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    """The supervisor's decision is the newest record of the inspection: its grade was B."""
    assert bench.one("SELECT grade FROM inspections WHERE id = ?", (bench.overridden,)) == "B"
    bench.sql("UPDATE inspections SET grade = 'C' WHERE id = ?", (bench.overridden,))
    assert_reported(bench, capsys, f"inspection {bench.overridden}")


def test_an_override_hidden_from_review_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    bench.sql(
        "UPDATE inspections SET overridden = 0, needs_review = 0, override_reason = ''"
        " WHERE id = ?",
        (bench.overridden,),
    )
    assert_reported(bench, capsys, f"inspection {bench.overridden}")


def test_an_unsent_event_edited_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = bench.one(
        "SELECT event_id FROM outbox WHERE kind = 'inspection.completed' AND sent_at IS NULL"
        " AND json_extract(payload, '$.inspection_id') = ?",
        (bench.plain,),
    )
    payload = payload_of(bench, event_id)
    payload["verdict"]["refund_fen"] += 50000
    bench.sql(
        "UPDATE outbox SET payload = ? WHERE event_id = ?",
        (json.dumps(payload, ensure_ascii=False), event_id),
    )
    assert_reported(
        bench,
        capsys,
        f"outbox event {event_id} (inspection.completed, not sent yet)",
        commands=(("audit", "verify"),),
    )


def test_an_unsent_decision_edited_is_reported(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = bench.one("SELECT event_id FROM outbox WHERE kind = 'decision.made'")
    bench.sql(
        "UPDATE outbox SET payload = json_set(payload, '$.grade', 'A') WHERE event_id = ?",
        (event_id,),
    )
    assert_reported(bench, capsys, f"outbox event {event_id}", commands=(("audit", "verify"),))


def test_the_station_keeps_working_and_verifying_after_each_kind_of_write(
    bench: Bench, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening the store again (the seal, the marker) changes nothing that verifies."""
    for _ in range(2):
        code, out = station_cli(bench, "audit", "verify", capsys=capsys)
        assert code == 0 and "intact" in out, out
