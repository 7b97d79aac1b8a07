"""Alembic migrations build exactly the models' schema, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

import core.models  # noqa: F401  (registers the tables)
from core.db import alembic_config, make_engine, migrate

TABLES = set(SQLModel.metadata.tables)


def differences(engine: Engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def test_the_models_define_the_tables_the_product_needs():
    assert TABLES >= {
        "user",
        "dataset",
        "variable",
        "datarequest",
        "cartitem",
        "storedfile",
        "document",
        "documentsequence",
        "invoice",
        "payment",
        "delivery",
        "revision",
        "rating",
        "message",
        "auditevent",
        "outboxmail",
    }


def test_upgrading_an_empty_sqlite_database_creates_every_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'kosong.db'}"
    migrate(url)
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
        assert current_revision(engine) == head_revision(url)
    finally:
        engine.dispose()


def test_the_migrations_match_the_models_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'banding.db'}"
    migrate(url)
    engine = make_engine(url)
    try:
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_migrating_twice_changes_nothing_and_downgrade_removes_every_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'ulang.db'}"
    migrate(url)
    migrate(url)
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
        command.downgrade(alembic_config(url), "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        assert current_revision(engine) is None
        migrate(url)
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_the_migrations_build_the_same_schema_on_postgresql(pg_url):
    migrate(pg_url)
    engine = make_engine(pg_url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
        assert current_revision(engine) == head_revision(pg_url)
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_a_plain_postgresql_url_as_the_readme_shows_can_be_migrated(pg_url):
    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    assert plain.startswith("postgresql://")
    migrate(plain)
    engine = make_engine(plain)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
    finally:
        engine.dispose()
