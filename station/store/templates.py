"""Checklist templates kept in the store, one row per id and version."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from station.protocol.template import Template
from station.store.models import Template as TemplateRow
from station.store.types import utcnow


def keep_template(session: Session, template: Template, *, at: datetime | None = None) -> bool:
    """Store ``template`` unless its version is stored already; False when that version is
    stored with other content (a version is never changed: the caller refuses it)."""
    stored = session.get(TemplateRow, (template.id, template.version))
    if stored is not None:
        return stored.body == template.body
    session.add(
        TemplateRow(
            template_id=template.id,
            version=template.version,
            category=sorted(template.categories)[0].value,  # the first, for a stable choice
            body=template.body,
            loaded_at=at or utcnow(),
        )
    )
    session.flush()
    return True
