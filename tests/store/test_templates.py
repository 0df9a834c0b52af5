"""A checklist template version is kept once and never changed, whoever brings it."""

from __future__ import annotations

from datetime import UTC, datetime

from station import app
from station.protocol.template_parse import parse_template
from station.store.models import Template as TemplateRow
from station.store.templates import keep_template


def food(version: int, title_suffix: str = "") -> str:
    body = (app.resources_dir() / "checklists" / "food.toml").read_text(encoding="utf-8")
    body = body.replace("version = 1", f"version = {version}", 1)
    return body + title_suffix


def test_a_new_version_is_kept_with_its_category_and_time(station: app.Station) -> None:
    template = parse_template(food(7), "food@7")
    at = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert station.db.run(lambda s: keep_template(s, template, at=at))
    row = station.db.run(lambda s: s.get_one(TemplateRow, ("food", 7)))
    assert (row.body, row.category) == (template.body, "food")
    assert row.loaded_at.replace(tzinfo=UTC) == at


def test_the_same_version_again_is_fine_and_other_content_is_refused(
    station: app.Station,
) -> None:
    first = parse_template(food(8), "food@8")
    changed = parse_template(food(8, "\n# a comment makes it other content\n"), "food@8 again")
    assert station.db.run(lambda s: keep_template(s, first))
    assert station.db.run(lambda s: keep_template(s, first))
    assert not station.db.run(lambda s: keep_template(s, changed))
    kept = station.db.run(lambda s: s.get_one(TemplateRow, ("food", 8)).body)
    assert kept == first.body  # the first stays
