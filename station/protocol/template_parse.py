"""Parsing and validating checklist templates; a broken template is refused with file, line
and reason, never half-loaded."""

from __future__ import annotations

import graphlib
import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any, NoReturn, TypeVar

from station.protocol.enums import Category, PhotoKind, ReturnReason
from station.protocol.errors import Locator, QcFileError
from station.protocol.findings import FINDINGS
from station.protocol.template import (
    MatchField,
    Option,
    OrderDetail,
    PhotoRule,
    PhotoWhen,
    Question,
    QuestionKind,
    ShowIf,
    Step,
    Template,
    Text,
    Threshold,
)
from station.protocol.textfiles import toml_loads

MAX_BYTES = 256 * 1024
MAX_STEPS = 30
MAX_QUESTIONS = 200
MAX_OPTIONS = 12
MAX_TEXT = 300

_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?\w+;")
T = TypeVar("T")


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.body, self.source = text, source
        self.where = Locator(text)
        self.path: tuple[tuple[str, int], ...] = ()

    def fail(self, reason: str, key: str | None = None) -> NoReturn:
        raise TemplateError(self.source, self.where.line(self.path, key), reason)

    def keys(self, table: Mapping[str, Any], allowed: set[str], required: set[str]) -> None:
        for key in table:
            if key not in allowed:
                self.fail(f"unknown key {key!r}", key)
        for key in sorted(required - table.keys()):
            self.fail(f"missing {key!r}")

    def typed(self, table: Mapping[str, Any], key: str, kind: type[T], default: T) -> T:
        value = table.get(key, default)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(f"{key} must be {kind.__name__}", key)
        return value

    def ident(self, table: Mapping[str, Any], key: str = "id") -> str:
        value = table.get(key)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.fail(f"{key} must be lower_snake_case, 1-40 characters", key)
        return value

    def text(self, table: Mapping[str, Any], key: str) -> Text:
        value = table.get(key)
        if not isinstance(value, dict):
            self.fail(f"{key} must be a table with zh_CN and en", key)
        parts = {}
        for language in ("zh_CN", "en"):
            item = value.get(language)
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}: missing {language} translation", key)
            if len(item) > MAX_TEXT:
                self.fail(f"{key}.{language} is longer than {MAX_TEXT} characters", key)
            if any(not ch.isprintable() for ch in item):
                self.fail(f"{key}.{language} contains a control character", key)
            if _MARKUP.search(item):
                self.fail(f"{key}.{language} contains markup; texts are plain text", key)
            parts[language] = item.strip()
        extra = set(value) - {"zh_CN", "en"}
        if extra:
            self.fail(f"{key}: unknown language {sorted(extra)[0]!r}", key)
        return Text(parts["zh_CN"], parts["en"])

    def findings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{key} must be a list of findings", key)
        for code in value:
            if code not in FINDINGS:
                self.fail(f"{key}: unknown finding {code!r}", key)
        return tuple(value)

    def enum(self, table: Mapping[str, Any], key: str, kind: Callable[[str], T]) -> T:
        value = table.get(key)
        try:
            return kind(value)  # type: ignore[arg-type]
        except ValueError:
            self.fail(f"{key}: unknown value {value!r}", key)

    # -- structure --------------------------------------------------------------------------

    def template(self) -> Template:
        if len(self.body.encode()) > MAX_BYTES:
            raise TemplateError(self.source, None, f"larger than {MAX_BYTES // 1024} KB")
        try:
            data = toml_loads(self.body)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+)", str(exc))
            raise TemplateError(
                self.source, int(found.group(1)) if found else None, f"not valid TOML: {exc}"
            ) from exc
        self.keys(
            data,
            {"id", "version", "categories", "title", "steps", "photos"},
            {"id", "version", "categories", "title", "steps"},
        )
        template_id = self.ident(data)
        version = self.typed(data, "version", int, 0)
        if version < 1:
            self.fail("version must be 1 or more", "version")
        categories = self.typed(data, "categories", list, [])
        if not categories:
            self.fail("categories must name at least one category", "categories")
        cats = set()
        for name in categories:
            try:
                cats.add(Category(name))
            except ValueError:
                self.fail(f"categories: unknown category {name!r}", "categories")
        steps_data = self.typed(data, "steps", list, [])
        if not steps_data or len(steps_data) > MAX_STEPS:
            self.fail(f"a template has 1-{MAX_STEPS} steps", "steps")
        seen: set[str] = set()
        steps = tuple(self.step(s, n, seen) for n, s in enumerate(steps_data))
        self.path = ()
        total = sum(len(s.questions) for s in steps)
        if total > MAX_QUESTIONS:
            self.fail(f"{total} questions; at most {MAX_QUESTIONS}")
        photos = tuple(self.photo(p, n) for n, p in enumerate(self.typed(data, "photos", list, [])))
        template = Template(
            template_id,
            version,
            frozenset(cats),
            self.text(data, "title"),
            steps,
            photos,
            self.source,
            self.body,
        )
        self.references(template)
        return template

    def step(self, data: Any, index: int, seen: set[str]) -> Step:
        self.path = (("steps", index),)
        if not isinstance(data, dict):
            self.fail("a step is a table")
        self.keys(data, {"id", "title", "questions"}, {"id", "title", "questions"})
        step_id = self.ident(data)
        title = self.text(data, "title")
        questions = self.typed(data, "questions", list, [])
        if not questions:
            self.fail("a step has at least one question", "questions")
        built = []
        for n, q in enumerate(questions):
            self.path = (("steps", index), ("steps.questions", n))
            built.append(self.question(q, seen))
        return Step(step_id, title, tuple(built))

    def question(self, data: Any, seen: set[str]) -> Question:
        if not isinstance(data, dict):
            self.fail("a question is a table")
        common = {"id", "kind", "text", "required", "show_if", "shows"}
        kind = self.enum(data, "kind", QuestionKind)
        extra = {
            QuestionKind.YES_NO: {"yes", "no", "good"},
            QuestionKind.CHOICE: {"options"},
            QuestionKind.COUNT: {"min", "max", "at_least", "good"},
            QuestionKind.NUMERIC: {"min", "max", "unit", "below", "good"},
            QuestionKind.SCAN_MATCH: {"match", "on_mismatch"},
            QuestionKind.PHOTO: {"photo_kind"},
        }[kind]
        self.keys(data, common | extra, {"id", "kind", "text"})
        qid = self.ident(data)
        if qid in seen:
            self.fail(f"duplicate question id {qid!r}", "id")
        seen.add(qid)
        base: dict[str, Any] = {
            "id": qid,
            "kind": kind,
            "text": self.text(data, "text"),
            "required": self.typed(data, "required", bool, True),
            "show_if": self.show_if(data.get("show_if")),
            "shows": self.enum(data, "shows", OrderDetail) if "shows" in data else None,
        }
        match kind:
            case QuestionKind.YES_NO:
                base |= {
                    "yes": self.findings(data, "yes"),
                    "no": self.findings(data, "no"),
                    "good": self.typed(data, "good", bool, True),
                }
            case QuestionKind.CHOICE:
                base |= self.choice(data)
            case QuestionKind.COUNT | QuestionKind.NUMERIC:
                base |= self.number(data, kind)
            case QuestionKind.SCAN_MATCH:
                field = self.enum(data, "match", MatchField)
                default = ["serial_mismatch" if field is MatchField.SERIAL else "item_mismatch"]
                base |= {
                    "match": field,
                    "on_mismatch": self.findings({"m": data.get("on_mismatch", default)}, "m"),
                }
            case QuestionKind.PHOTO:
                base |= {"photo_kind": self.enum(data, "photo_kind", PhotoKind)}
        return Question(**base)

    def choice(self, data: Mapping[str, Any]) -> dict[str, Any]:
        raw = self.typed(data, "options", list, [])
        if not 2 <= len(raw) <= MAX_OPTIONS:
            self.fail(f"single_choice has 2-{MAX_OPTIONS} options", "options")
        options = []
        for item in raw:
            if not isinstance(item, dict):
                self.fail("an option is a table", "options")
            self.keys(item, {"value", "text", "findings", "good"}, {"value", "text"})
            options.append(
                Option(
                    self.ident(item, "value"),
                    self.text(item, "text"),
                    self.findings(item, "findings"),
                    self.typed(item, "good", bool, False),
                )
            )
        values = [o.value for o in options]
        if len(set(values)) != len(values):
            self.fail("option values repeat", "options")
        good = [o.value for o in options if o.good]
        if len(good) > 1:
            self.fail("at most one option is the good one", "options")
        return {"options": tuple(options), "good": good[0] if good else None}

    def number(self, data: Mapping[str, Any], kind: QuestionKind) -> dict[str, Any]:
        low = self.typed(data, "min", float, 0.0)
        high = self.typed(data, "max", float, 1e6)
        if low > high:
            self.fail("min is greater than max", "min")
        key = "at_least" if kind is QuestionKind.COUNT else "below"
        table = self.typed(data, key, dict, {})
        thresholds = []
        for limit, findings in table.items():
            try:
                value = float(limit)
            except ValueError:
                self.fail(f"{key}: {limit!r} is not a number", key)
            thresholds.append(Threshold(value, self.findings({key: findings}, key)))
        good_default = 0.0 if kind is QuestionKind.COUNT and low <= 0 else None
        good = data.get("good", good_default)
        if good is not None and (not isinstance(good, int | float) or not low <= good <= high):
            self.fail("good must be a number between min and max", "good")
        return {
            "minimum": low,
            "maximum": high,
            "unit": str(data.get("unit", ""))[:10],
            key: tuple(sorted(thresholds, key=lambda t: t.value)),
            "good": good,
        }

    def show_if(self, data: Any) -> ShowIf | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            self.fail("show_if must be a table", "show_if")
        self.keys(data, {"question", "equals", "finding_any", "reason_any"}, set())
        question = data.get("question")
        if question is not None and not isinstance(question, str):
            self.fail("show_if.question must be a question id", "show_if")
        if question is not None and "equals" not in data:
            self.fail("show_if.question needs equals", "show_if")
        findings = self.findings({"show_if": data.get("finding_any", [])}, "show_if")
        reasons = data.get("reason_any", [])
        if not isinstance(reasons, list):
            self.fail("show_if.reason_any must be a list of return reasons", "show_if")
        for reason in reasons:
            self.enum({"show_if": reason}, "show_if", ReturnReason)
        if question is None and not findings and not reasons:
            self.fail("show_if needs a question, finding_any or reason_any", "show_if")
        return ShowIf(question, data.get("equals"), findings, tuple(reasons))

    def photo(self, data: Any, index: int) -> PhotoRule:
        self.path = (("photos", index),)
        if not isinstance(data, dict):
            self.fail("a photo requirement is a table")
        self.keys(data, {"kind", "when", "findings"}, {"kind"})
        when = self.enum({"when": data.get("when", "always")}, "when", PhotoWhen)
        findings = self.findings(data, "findings")
        if (when is PhotoWhen.FINDING) != bool(findings):
            self.fail('findings go with when = "finding" (and only there)', "when")
        return PhotoRule(self.enum(data, "kind", PhotoKind), when, findings)

    def references(self, template: Template) -> None:
        """Every show_if names an existing question, and the conditions form no cycle."""
        by_id = {q.id: q for q in template.questions}
        graph: dict[str, set[str]] = {}
        for q in template.questions:
            self.path = self._path_of(template, q.id)
            deps: set[str] = set()
            if q.show_if is not None:
                if q.show_if.question is not None:
                    if q.show_if.question not in by_id:
                        self.fail(
                            f"show_if refers to unknown question {q.show_if.question!r}", "show_if"
                        )
                    deps.add(q.show_if.question)
                wanted = set(q.show_if.finding_any)
                deps.update(o.id for o in by_id.values() if o.produces() & wanted)
            graph[q.id] = deps
        try:
            tuple(graphlib.TopologicalSorter(graph).static_order())
        except graphlib.CycleError as exc:
            cycle = " → ".join(exc.args[1])
            self.path = self._path_of(template, exc.args[1][0])
            self.fail(f"show_if conditions form a cycle: {cycle}", "show_if")

    def _path_of(self, template: Template, question_id: str) -> tuple[tuple[str, int], ...]:
        for s, step in enumerate(template.steps):
            for n, q in enumerate(step.questions):
                if q.id == question_id:
                    return (("steps", s), ("steps.questions", n))
        return ()


class TemplateError(QcFileError):
    """A checklist template that cannot be used."""


def parse_template(text: str, source: str) -> Template:
    """A validated template, or :class:`TemplateError` naming the file, line and reason."""
    return _Parser(text, source).template()
