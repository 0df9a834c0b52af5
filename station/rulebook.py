"""The rulebook in force: checklist templates and the after-sales policy.

Templates come from ``resources/checklists/*.toml`` (and, later, from the central service).
Every version that loads cleanly is kept in the ``templates`` table, so

- an inspection can always be re-evaluated with the exact version it was started with, and
- a template file that breaks is refused with its file, line and reason while the station keeps
  using the last good version of it.

The policy file works the same way, its last good copy kept in the data folder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.protocol.enums import Category
from station.protocol.errors import QcFileError
from station.protocol.template import Template
from station.protocol.template_parse import MAX_BYTES, TemplateError, parse_template
from station.protocol.textfiles import read_text
from station.qc.policy import QcPolicy, parse_policy
from station.store.files import write_atomically
from station.store.models import Template as TemplateRow
from station.store.templates import keep_template

log = logging.getLogger(__name__)

FALLBACK = "generic"


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    message: str


@dataclass(slots=True)
class Rulebook:
    templates: dict[str, Template]  # the current version of each template, by id
    policy: QcPolicy
    problems: list[Problem] = field(default_factory=list)
    _versions: dict[tuple[str, int], Template] = field(default_factory=dict)

    def for_category(self, category: Category) -> Template:
        for template in sorted(self.templates.values(), key=lambda t: t.id):
            if category in template.categories:
                return template
        if FALLBACK in self.templates:
            return self.templates[FALLBACK]
        raise LookupError(f"no checklist template for {category} and no {FALLBACK!r} template")

    def adopt(self, template: Template) -> None:
        """A newer version (pulled from central) becomes the current one."""
        self._versions[(template.id, template.version)] = template
        current = self.templates.get(template.id)
        if current is None or template.version > current.version:
            self.templates[template.id] = template

    def version(self, session: Session, template_id: str, version: int) -> Template:
        """The exact template version an inspection used, from memory or the store."""
        current = self.templates.get(template_id)
        if current is not None and current.version == version:
            return current
        key = (template_id, version)
        if key not in self._versions:
            row = session.get(TemplateRow, key)
            if row is None:
                raise LookupError(f"template {template_id} version {version} is not stored")
            self._versions[key] = parse_template(row.body, f"{template_id}@{version}")
        return self._versions[key]


def read_sources(folder: Path) -> list[SourceFile]:
    """The template files in ``folder``; unreadable ones come back as empty text."""
    sources = []
    for path in sorted(folder.glob("*.toml")):
        try:
            sources.append(SourceFile(path.name, read_text(path, most=MAX_BYTES + 1)))
        except (OSError, UnicodeDecodeError) as exc:
            sources.append(SourceFile(path.name, f"\x00unreadable: {exc}"))
    return sources


def load_templates(
    session: Session, sources: list[SourceFile]
) -> tuple[dict[str, Template], list[Problem]]:
    """Parse the files, store new good versions, fall back to stored ones for broken files."""
    templates: dict[str, Template] = {}
    problems: list[Problem] = []
    for source in sources:
        expected_id = Path(source.name).stem
        try:
            if source.text.startswith("\x00unreadable"):
                raise TemplateError(source.name, None, source.text[1:])
            template = parse_template(source.text, source.name)
            if template.id != expected_id:
                raise TemplateError(
                    source.name, None, f"id {template.id!r} differs from the file name"
                )
            _store(session, template)
            templates[template.id] = template
        except QcFileError as exc:
            problems.append(Problem(source.name, str(exc)))
            log.error("checklist template refused: %s", exc)
            stored = _latest(session, expected_id)
            if stored is not None:
                templates[stored.id] = stored
                log.warning("keeping %s version %d", stored.id, stored.version)
    return templates, problems


def _store(session: Session, template: Template) -> None:
    if not keep_template(session, template):
        raise TemplateError(
            template.source,
            None,
            f"version {template.version} was changed without a new version number",
        )


def _latest(session: Session, template_id: str) -> Template | None:
    row = session.scalar(
        select(TemplateRow)
        .where(TemplateRow.template_id == template_id)
        .order_by(TemplateRow.version.desc())
        .limit(1)
    )
    return None if row is None else parse_template(row.body, f"{template_id}@{row.version}")


def load_policy(path: Path, keep: Path) -> tuple[QcPolicy, list[Problem]]:
    """The policy file if it is good (keeping a copy), else the last good copy, else defaults."""
    try:
        text = read_text(path, most=MAX_BYTES)
        policy = parse_policy(text, path.name)
    except (OSError, UnicodeDecodeError, QcFileError) as exc:
        problem = Problem(path.name, str(exc))
        log.error("policy refused: %s", exc)
        if keep.exists():
            return parse_policy(keep.read_text(encoding="utf-8"), keep.name), [problem]
        return QcPolicy(), [problem]
    if not keep.exists() or keep.read_text(encoding="utf-8") != text:
        # whole or not at all: a torn copy would fail exactly when it is needed
        write_atomically(keep, text.encode("utf-8"), replace=lambda _: True)
    return policy, []
