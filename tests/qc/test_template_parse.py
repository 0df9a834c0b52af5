from __future__ import annotations

from pathlib import Path

import pytest

from station.config import resources_dir
from station.protocol.enums import Category
from station.protocol.template import QuestionKind, Template
from station.protocol.template_parse import TemplateError, parse_template

CHECKLISTS = resources_dir() / "checklists"


def shipped() -> dict[str, Template]:
    return {
        p.stem: parse_template(p.read_text(encoding="utf-8"), p.name)
        for p in sorted(CHECKLISTS.glob("*.toml"))
    }


def test_every_category_has_a_template_and_there_is_a_fallback() -> None:
    templates = shipped()
    covered = {c for t in templates.values() for c in t.categories}
    assert covered == set(Category)
    assert "generic" in templates


def test_every_question_kind_is_used() -> None:
    kinds = {q.kind for t in shipped().values() for q in t.questions}
    assert kinds == set(QuestionKind)


@pytest.mark.parametrize(
    "template_id,findings",
    [
        (
            "apparel",
            {
                "tags_removed",
                "worn_light",
                "wash_marks",
                "stains",
                "odour",
                "packaging_damaged",
                "item_mismatch",
            },
        ),
        (
            "electronics",
            {
                "not_powering",
                "screen_damage",
                "accessories_missing",
                "serial_mismatch",
                "account_locked",
            },
        ),
        ("beauty", {"seal_broken", "hygiene_used"}),
        ("food", {"expired", "seal_broken"}),
    ],
)
def test_templates_cover_what_the_standard_asks(template_id: str, findings: set[str]) -> None:
    template = shipped()[template_id]
    produced = set().union(*(q.produces() for q in template.questions))
    assert findings <= produced


def test_texts_are_bilingual() -> None:
    for template in shipped().values():
        for q in template.questions:
            assert q.text.zh_CN and q.text.en
            assert any("\u4e00" <= ch <= "\u9fff" for ch in q.text.zh_CN)


GOOD = """\
id = "sample"
version = 2
categories = ["home"]
title = { zh_CN = "样例", en = "Sample" }

[[steps]]
id = "one"
title = { zh_CN = "第一步", en = "Step one" }

  [[steps.questions]]
  id = "damage"
  kind = "yes_no"
  good = false
  yes = ["item_damaged"]
  text = { zh_CN = "有破损？", en = "Damaged?" }

  [[steps.questions]]
  id = "how_bad"
  kind = "single_choice"
  show_if = { question = "damage", equals = true }
  text = { zh_CN = "程度", en = "How bad" }
  options = [
    { value = "light", text = { zh_CN = "轻", en = "Light" } },
    { value = "heavy", findings = ["worn_heavy"], text = { zh_CN = "重", en = "Heavy" } },
  ]
"""


def test_a_good_template_parses() -> None:
    template = parse_template(GOOD, "sample.toml")
    assert (template.id, template.version) == ("sample", 2)
    assert [q.id for q in template.questions] == ["damage", "how_bad"]
    assert template.body == GOOD


def refused(text: str) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        parse_template(text, "bad.toml")
    return info.value


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return lines[occurrence - 1]


def test_malformed_toml_names_the_line() -> None:
    text = GOOD.replace('kind = "yes_no"', 'kind = "yes_no', 1)
    error = refused(text)
    assert error.line == line_of(text, 'kind = "yes_no')
    assert "not valid TOML" in error.reason and str(error).startswith("bad.toml:")


def test_an_unknown_kind_names_its_line() -> None:
    text = GOOD.replace('kind = "single_choice"', 'kind = "essay"')
    error = refused(text)
    assert "unknown value 'essay'" in error.reason
    assert error.line == line_of(text, 'kind = "essay"')


def test_a_duplicate_id_points_at_the_second() -> None:
    text = GOOD.replace('id = "how_bad"', 'id = "damage"').replace(
        'question = "damage"', 'question = "x"'
    )
    error = refused(text)
    assert "duplicate question id 'damage'" in error.reason
    assert error.line == line_of(text, 'id = "damage"', 2)


def test_a_missing_translation_is_refused() -> None:
    text = GOOD.replace(
        'text = { zh_CN = "有破损？", en = "Damaged?" }', 'text = { zh_CN = "有破损？" }'
    )
    error = refused(text)
    assert "missing en translation" in error.reason
    assert error.line == line_of(text, 'text = { zh_CN = "有破损？" }')


def test_a_bad_reference_is_refused() -> None:
    error = refused(GOOD.replace('question = "damage"', 'question = "nowhere"'))
    assert "unknown question 'nowhere'" in error.reason


def test_an_unknown_finding_is_refused() -> None:
    error = refused(GOOD.replace('yes = ["item_damaged"]', 'yes = ["itme_damaged"]'))
    assert "unknown finding 'itme_damaged'" in error.reason


def test_a_cycle_of_conditions_is_refused() -> None:
    text = GOOD.replace(
        'good = false\n  yes = ["item_damaged"]',
        'good = false\n  yes = ["item_damaged"]\n  show_if = { finding_any = ["worn_heavy"] }',
    )
    error = refused(text)
    assert "cycle" in error.reason and "damage" in error.reason and "how_bad" in error.reason


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&#60;b&#62;", "坏\\u0007"],
)
def test_markup_and_control_characters_in_texts_are_refused(payload: str) -> None:
    error = refused(GOOD.replace("有破损？", payload))
    assert "markup" in error.reason or "control character" in error.reason


def test_a_hundred_thousand_questions_are_refused_quickly() -> None:
    question = (
        '\n  [[steps.questions]]\n  id = "q{n}"\n  kind = "yes_no"\n'
        '  text = {{ zh_CN = "问", en = "Q" }}\n'
    )
    text = GOOD + "".join(question.format(n=n) for n in range(100_000))
    error = refused(text)
    assert "larger than" in error.reason or "questions" in error.reason


def test_too_many_questions_within_the_size_limit_are_refused() -> None:
    question = (
        '\n  [[steps.questions]]\n  id = "q{n}"\n  kind = "yes_no"\n'
        '  text = {{ zh_CN = "问", en = "Q" }}\n'
    )
    text = GOOD + "".join(question.format(n=n) for n in range(250))
    assert "at most 200" in refused(text).reason


@pytest.mark.parametrize(
    "change,reason",
    [
        (("version = 2", "version = 0"), "version must be 1"),
        (('categories = ["home"]', 'categories = ["weapons"]'), "unknown category"),
        (("  good = false\n", '  good = false\n  colour = "red"\n'), "unknown key 'colour'"),
        (('id = "one"', 'id = "One Step"'), "lower_snake_case"),
        (('{ value = "light", text', '{ value = "heavy", text'), "option values repeat"),
    ],
)
def test_other_mistakes_are_refused_with_a_reason(change: tuple[str, str], reason: str) -> None:
    assert reason in refused(GOOD.replace(*change, 1)).reason


def test_an_empty_or_binary_file_is_refused() -> None:
    assert "missing" in refused("").reason
    with pytest.raises(TemplateError):
        parse_template(Path(__file__).read_bytes().decode("latin-1") + "\x00", "x.toml")
