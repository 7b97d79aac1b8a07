"""Shared fixtures: a migrated database, a data folder, real microdata from ../shared/data."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.db import make_engine, migrate

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("SILASTIK_SHARED_DATA", ROOT.parent / "shared" / "data"))
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def shared_file(relpath: str) -> Path:
    """A file from ../shared/data, or a skip that names the folder when it is missing."""
    path = SHARED_DATA / relpath
    if not path.exists():
        pytest.skip(f"real microdata not found: {path} (expected in {SHARED_DATA})")
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated once; each test gets a copy (the migration itself is tested too)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def engine(data_dir: Path, migrated_template: Path) -> Iterator[Engine]:
    target = data_dir / "test.db"
    shutil.copyfile(migrated_template, target)
    eng = make_engine(f"sqlite:///{target}")
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s
