from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from central.db.migrate import current_revision, head_revision, upgrade
from central.db.models import Base
from central.db.session import make_engine
from tests.central.servers import create_database


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return create_database(request.getfixturevalue("postgres_url"))


def test_migrations_build_every_table_from_empty(empty_database: str) -> None:
    engine = make_engine(empty_database)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine) == "0001"
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        upgrade(engine)  # again: nothing to do
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()


def test_the_migrated_schema_is_the_models_schema(empty_database: str) -> None:
    """A model changed without a migration would show up here."""
    engine = make_engine(empty_database)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
