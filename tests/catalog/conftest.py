"""Catalog fixtures: a store of its own per module, with real SUSENAS imported once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalog.importer import import_dataset
from core.db import make_engine, migrate
from tests.conftest import NOW, shared_file


@dataclass(frozen=True)
class Imported:
    """A migrated database with one dataset imported and committed."""

    engine: Engine
    catalog_dir: Path
    dataset_id: int
    source: Path

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


def open_engine(folder: Path) -> Engine:
    url = f"sqlite:///{folder / 'catalog-test.db'}"
    migrate(url)
    return make_engine(url)


def import_into(folder: Path, source: Path) -> Imported:
    engine = open_engine(folder)
    catalog_dir = folder / "catalog"
    with Session(engine, expire_on_commit=False) as session:
        dataset = import_dataset(session=session, path=source, catalog_dir=catalog_dir, now=NOW)
        session.commit()
        assert dataset.id is not None
        return Imported(engine=engine, catalog_dir=catalog_dir, dataset_id=dataset.id, source=source)


@pytest.fixture(scope="module")
def susenas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    source = shared_file("bps/SUSENAS2020.sav")
    imported = import_into(tmp_path_factory.mktemp("susenas"), source)
    yield imported
    imported.engine.dispose()


@pytest.fixture
def catalog_dir(data_dir: Path) -> Path:
    return data_dir / "catalog"
