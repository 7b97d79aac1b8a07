"""Synthetic samples: the order's columns, types and labels, but no real respondent row."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from catalog.errors import CatalogError
from catalog.extract import write_extract
from catalog.sample import synthesize, write_sample
from catalog.writers import ExtractResult
from tests.catalog.conftest import Imported
from tests.conftest import NOW


def sample(
    imported: Imported, variables: list[str], out: Path, fmt: str = "sav", seed: int = 0, rows: int = 20
) -> ExtractResult:
    with imported.session() as session:
        return write_sample(
            session=session,
            catalog_dir=imported.catalog_dir,
            dataset_id=imported.dataset_id,
            variables=variables,
            fmt=fmt,
            out_path=out,
            rows=rows,
            seed=seed,
        )


def source_columns(imported: Imported, count: int) -> list[str]:
    _, meta = pyreadstat.read_sav(str(imported.source), metadataonly=True)
    return list(meta.column_names[:count])


def as_row_keys(frame: pd.DataFrame) -> set[tuple[str, ...]]:
    return set(frame.astype("string").fillna("<NA>").itertuples(index=False, name=None))


def test_no_synthetic_row_equals_a_real_susenas_row(susenas: Imported, tmp_path: Path) -> None:
    columns = source_columns(susenas, 60)
    result = sample(susenas, columns, tmp_path / "contoh.sav", rows=50)
    synthetic, _ = pyreadstat.read_sav(str(result.path), user_missing=True)
    real, _ = pyreadstat.read_sav(str(susenas.source), usecols=columns, user_missing=True)
    assert len(synthetic) == 50
    assert as_row_keys(synthetic[columns]).isdisjoint(as_row_keys(real[columns]))


def test_every_synthetic_value_was_observed_in_its_own_column(susenas: Imported, tmp_path: Path) -> None:
    columns = ["R102", "R405", "R407", "R702_A"]
    synthetic, _ = pyreadstat.read_sav(str(sample(susenas, columns, tmp_path / "c.sav").path))
    real, _ = pyreadstat.read_sav(str(susenas.source), usecols=columns)
    for name in columns:
        assert set(synthetic[name].dropna()) <= set(real[name].dropna()), name


def test_sample_has_the_columns_types_and_labels_of_the_extract(susenas: Imported, tmp_path: Path) -> None:
    columns = ["R101", "R405", "R702_A", "FWT"]
    fake = sample(susenas, columns, tmp_path / "contoh.sav")
    with susenas.session() as session:
        real = write_extract(
            session=session,
            catalog_dir=susenas.catalog_dir,
            dataset_id=susenas.dataset_id,
            variables=columns,
            fmt="sav",
            out_path=tmp_path / "asli.sav",
            where="R102 = 1",
        )
    _, fake_meta = pyreadstat.read_sav(str(fake.path), metadataonly=True)
    _, real_meta = pyreadstat.read_sav(str(real.path), metadataonly=True)
    assert fake.columns == real.columns == columns
    assert fake_meta.column_labels == real_meta.column_labels
    assert fake_meta.readstat_variable_types == real_meta.readstat_variable_types
    assert fake.rows == 20
    assert "CONTOH SINTETIS" in str(fake_meta.file_label)


def test_the_same_seed_gives_the_same_sample_and_another_seed_another(
    susenas: Imported, tmp_path: Path
) -> None:
    columns = ["R407", "FWT"]
    first = pd.read_csv(sample(susenas, columns, tmp_path / "a.csv", fmt="csv", seed=7).path)
    again = pd.read_csv(sample(susenas, columns, tmp_path / "b.csv", fmt="csv", seed=7).path)
    other = pd.read_csv(sample(susenas, columns, tmp_path / "c.csv", fmt="csv", seed=8).path)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_synthesize_draws_each_column_on_its_own() -> None:
    pool = pd.DataFrame({"a": range(100), "b": range(100)})
    drawn = synthesize(pool, rows=200, seed=3)
    assert len(drawn) == 200
    assert (drawn["a"] != drawn["b"]).all(), "a drawn row equal to a real row (i, i) is drawn again"
    assert drawn["a"].nunique() > 50 and drawn["b"].nunique() > 50


def test_synthesize_handles_dates_times_and_missing_values() -> None:
    pool = pd.DataFrame(
        {
            "tanggal": pd.to_datetime(["2020-01-01", None, "2021-05-06"]).astype("datetime64[us]"),
            "jam": [time(10, 0), None, time(23, 59)],
            "teks": pd.Series(["a", None, "c"], dtype="str"),
        }
    )
    drawn = synthesize(pool, rows=30, seed=1)
    assert list(drawn.dtypes) == list(pool.dtypes)
    real = set(pool.astype("string").fillna("<NA>").itertuples(index=False, name=None))
    assert as_row_keys(drawn).isdisjoint(real)


def test_sample_size_is_bounded(susenas: Imported, tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="antara 1 dan 1000"):
        sample(susenas, ["R101"], tmp_path / "x.csv", fmt="csv", rows=5000)


def test_the_sample_draws_only_from_rows_the_orders_filter_keeps(session, catalog_dir, tmp_path) -> None:
    from catalog.demo import ensure_demo_catalog

    dataset = ensure_demo_catalog(
        session=session, catalog_dir=catalog_dir, work_dir=tmp_path / "demo", now=NOW
    )[0]
    result = write_sample(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=dataset.id or 0,
        variables=["R405", "R407"],
        fmt="csv",
        out_path=tmp_path / "s.csv",
        rows=50,
        where="R405 = 2 and R407 >= 60",
    )
    frame = pd.read_csv(result.path)
    assert len(frame) == 50
    assert set(frame["R405"]) == {2} and frame["R407"].min() >= 60


def test_a_filter_that_keeps_one_row_does_not_turn_the_sample_into_that_record(
    session, catalog_dir, tmp_path
):
    from catalog.demo import ensure_demo_catalog
    from catalog.query import select_frame

    dataset = ensure_demo_catalog(
        session=session, catalog_dir=catalog_dir, work_dir=tmp_path / "demo", now=NOW
    )[0]
    names = ["RENUM", "R405", "R407", "KAPITA"]
    everyone = select_frame(
        session=session, catalog_dir=catalog_dir, dataset_id=dataset.id or 0, variables=names
    )
    person = everyone.iloc[0]
    where = f"RENUM = {int(person.RENUM)} and KAPITA = {float(person.KAPITA)!r} and R407 = {int(person.R407)}"
    one = select_frame(
        session=session, catalog_dir=catalog_dir, dataset_id=dataset.id or 0, variables=names, where=where
    )
    assert len(one) == 1
    result = write_sample(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=dataset.id or 0,
        variables=names,
        fmt="csv",
        out_path=tmp_path / "one.csv",
        rows=10,
        where=where,
    )
    sample = pd.read_csv(result.path).astype(float)
    record = tuple(one.astype(float).iloc[0])
    assert not any(tuple(row) == record for row in sample.itertuples(index=False))
    assert sample["R407"].nunique() > 1  # drawn from the whole dataset, not from the one record
