"""DuckDB queries over the catalog: counts, selected frames, frequencies with small cells hidden."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalog.demo import ensure_demo_catalog
from catalog.errors import CatalogError
from catalog.importer import import_dataset
from catalog.query import count_rows, frequencies, select_frame
from tests.catalog.conftest import open_engine
from tests.conftest import NOW, shared_file


@dataclass(frozen=True)
class Demo:
    engine: Engine
    catalog_dir: Path
    susenas_id: int
    podes_id: int
    source: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo")
    engine = open_engine(folder)
    with Session(engine, expire_on_commit=False) as session:
        datasets = ensure_demo_catalog(
            session=session, catalog_dir=folder / "catalog", work_dir=folder, now=NOW
        )
        session.commit()
    yield Demo(engine, folder / "catalog", datasets[0].id or 0, datasets[1].id or 0, folder)
    engine.dispose()


def real_frame(demo: Demo) -> pd.DataFrame:
    frame, _ = pyreadstat.read_sav(str(demo.source / "susenas_demo_bener_meriah.sav"), user_missing=True)
    return frame


def test_count_rows_without_a_filter_counts_every_record(demo: Demo) -> None:
    with Session(demo.engine) as session:
        assert count_rows(session=session, catalog_dir=demo.catalog_dir, dataset_id=demo.susenas_id) == 2000


def test_count_rows_applies_the_filter_like_pandas_does(demo: Demo) -> None:
    frame = real_frame(demo)
    expected = int(
        ((frame["R405"] == 2) & frame["R407"].between(15, 64) & frame["R103"].isin([10, 20])).sum()
    )
    with Session(demo.engine) as session:
        counted = count_rows(
            session=session,
            catalog_dir=demo.catalog_dir,
            dataset_id=demo.susenas_id,
            where="R405 = 2 and R407 between 15 and 64 and R103 in (10, 20)",
        )
    assert counted == expected
    assert 0 < counted < 2000


def test_select_frame_returns_the_chosen_columns_in_the_order_asked(demo: Demo) -> None:
    with Session(demo.engine) as session:
        frame = select_frame(
            session=session,
            catalog_dir=demo.catalog_dir,
            dataset_id=demo.podes_id,
            variables=["R104N", "r103", "R104N"],
            where="R403 = 3",
        )
    assert list(frame.columns) == ["R104N", "R103"]
    assert frame["R104N"].str.startswith("Kampung Demo").all()
    assert len(frame) == int((real_podes(demo)["R403"] == 3).sum())


def real_podes(demo: Demo) -> pd.DataFrame:
    return pyreadstat.read_sav(str(demo.source / "podes_demo_bener_meriah.sav"))[0]


def test_select_frame_refuses_an_unknown_variable(demo: Demo) -> None:
    with Session(demo.engine) as session, pytest.raises(CatalogError, match="Variabel NIK tidak ada"):
        select_frame(
            session=session, catalog_dir=demo.catalog_dir, dataset_id=demo.podes_id, variables=["NIK"]
        )


def test_an_unknown_dataset_is_a_catalog_error(demo: Demo) -> None:
    with (
        Session(demo.engine) as session,
        pytest.raises(CatalogError, match="Dataset nomor 999 tidak ditemukan"),
    ):
        count_rows(session=session, catalog_dir=demo.catalog_dir, dataset_id=999)


def test_frequencies_show_labels_and_counts(demo: Demo) -> None:
    with Session(demo.engine) as session:
        rows = frequencies(
            session=session, catalog_dir=demo.catalog_dir, dataset_id=demo.susenas_id, variable="R405"
        )
    expected = real_frame(demo)["R405"].value_counts()
    assert [(r.value, r.label) for r in rows] == [("1", "Laki-laki"), ("2", "Perempuan")]
    assert [r.count for r in rows] == [int(expected[1.0]), int(expected[2.0])]


def test_frequencies_hide_cells_smaller_than_three(demo: Demo) -> None:
    with Session(demo.engine) as session:
        rows = frequencies(
            session=session,
            catalog_dir=demo.catalog_dir,
            dataset_id=demo.susenas_id,
            variable="R614",
            where="R407 between 20 and 22 and R103 = 10",
        )
    small = [r for r in rows if r.shown == "<3"]
    assert small, "the filter was chosen to leave some tiny cells"
    assert all(r.count is None for r in small)
    assert all(r.count is not None and r.count >= 3 for r in rows if r.shown != "<3")


def test_frequencies_refuse_a_variable_with_too_many_values(demo: Demo) -> None:
    with Session(demo.engine) as session, pytest.raises(CatalogError, match="bukan variabel kategori"):
        frequencies(
            session=session, catalog_dir=demo.catalog_dir, dataset_id=demo.susenas_id, variable="KAPITA"
        )


def test_frequencies_show_a_missing_value_as_no_answer(session: Session, catalog_dir: Path) -> None:
    dataset = import_dataset(
        session=session, path=shared_file("formats/sample_missing.sav"), catalog_dir=catalog_dir, now=NOW
    )
    rows = frequencies(
        session=session, catalog_dir=catalog_dir, dataset_id=dataset.id or 0, variable="mylabl"
    )
    assert [(r.value, r.label, r.shown) for r in rows] == [
        ("-1", "undetermined", "<3"),
        ("1", "Male", "3"),
        ("2", "Female", "<3"),
        ("", "(tidak ada isian)", "<3"),
    ]
