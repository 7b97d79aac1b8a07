"""DuckDB over a dataset's Parquet file: row counts, selected columns, frequencies.

Every call opens its own in-memory DuckDB connection (never module-level `duckdb.sql`), with a
memory limit and a spill folder, so Streamlit threads, the job CLI and an import never share one.
`where` is always text in the filter language of `catalog.filters`, never SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from sqlmodel import Session, col, select

from catalog.errors import CatalogError
from catalog.filters import parse_filter, quote_identifier
from catalog.reader import code_text
from core.models import Dataset, Variable

MEMORY_LIMIT = "1GB"
SPILL_FOLDER = ".duckdb-tmp"
SMALL_CELL = 3
MAX_CATEGORIES = 100


@dataclass(frozen=True)
class DatasetSource:
    """A dataset, its variables in file order, and its Parquet file."""

    dataset: Dataset
    variables: list[Variable]
    parquet: Path

    @property
    def kinds(self) -> dict[str, str]:
        return {v.name: v.kind for v in self.variables}

    def pick(self, names: list[str]) -> list[Variable]:
        """The variables named, in the order asked, once each; an unknown name is a CatalogError."""
        exact = {v.name: v for v in self.variables}
        folded = {v.name.lower(): v for v in self.variables}
        picked: dict[str, Variable] = {}
        for name in names:
            variable = exact.get(name.strip()) or folded.get(name.strip().lower())
            if variable is None:
                raise CatalogError("err_variable_not_in_dataset", name=name, dataset=self.dataset.title)
            picked.setdefault(variable.name, variable)
        if not picked:
            raise CatalogError("err_pick_a_variable_from", dataset=self.dataset.title)
        return list(picked.values())


@dataclass(frozen=True)
class FrequencyRow:
    """One category: `count` is None and `shown` is "<3" when the cell is too small to show."""

    value: str
    label: str
    count: int | None
    shown: str


def load_source(*, session: Session, catalog_dir: Path, dataset_id: int) -> DatasetSource:
    dataset = session.get(Dataset, dataset_id)
    if dataset is None:
        raise CatalogError("err_dataset_id_not_found", id=dataset_id)
    variables = session.exec(
        select(Variable).where(Variable.dataset_id == dataset_id).order_by(col(Variable.position))
    ).all()
    parquet = Path(catalog_dir) / dataset.parquet_path
    if not parquet.is_file():
        raise CatalogError("err_dataset_file_missing", dataset=dataset.title)
    return DatasetSource(dataset=dataset, variables=list(variables), parquet=parquet)


@contextmanager
def connect(catalog_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh in-memory connection with a memory limit and a spill folder beside the catalog."""
    spill = Path(catalog_dir) / SPILL_FOLDER
    connection = duckdb.connect()
    try:
        connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        connection.execute("SET temp_directory = ?", [str(spill)])
        yield connection
    finally:
        connection.close()


def selection_sql(source: DatasetSource, columns: list[str], where: str) -> tuple[str, list[Any]]:
    """SELECT of quoted known columns from the Parquet file, filtered by the parsed `where`."""
    condition, params = parse_filter(where, source.kinds)
    names = ", ".join(quote_identifier(c) for c in columns) if columns else "*"
    sql = f"SELECT {names} FROM read_parquet(?)"
    if condition:
        sql += f" WHERE {condition}"
    return sql, [str(source.parquet), *params]


def count_rows(*, session: Session, catalog_dir: Path, dataset_id: int, where: str = "") -> int:
    """How many rows of the dataset match the filter text."""
    source = load_source(session=session, catalog_dir=catalog_dir, dataset_id=dataset_id)
    inner, params = selection_sql(source, [], where)
    with connect(catalog_dir) as connection:
        row = connection.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()
    return int(row[0]) if row else 0


def select_frame(
    *, session: Session, catalog_dir: Path, dataset_id: int, variables: list[str], where: str = ""
) -> pd.DataFrame:
    """The chosen variables (in the order given) of the rows matching the filter text."""
    source = load_source(session=session, catalog_dir=catalog_dir, dataset_id=dataset_id)
    return fetch_frame(source, [v.name for v in source.pick(variables)], where, catalog_dir)


def fetch_frame(source: DatasetSource, columns: list[str], where: str, catalog_dir: Path) -> pd.DataFrame:
    sql, params = selection_sql(source, columns, where)
    with connect(catalog_dir) as connection:
        return connection.execute(sql, params).fetchdf()


def frequencies(
    *, session: Session, catalog_dir: Path, dataset_id: int, variable: str, where: str = ""
) -> list[FrequencyRow]:
    """Counts per category of a categorical variable, with labels; cells under 3 are shown as "<3"."""
    source = load_source(session=session, catalog_dir=catalog_dir, dataset_id=dataset_id)
    chosen = source.pick([variable])[0]
    inner, params = selection_sql(source, [chosen.name], where)
    target = quote_identifier(chosen.name)
    sql = f"SELECT {target}, count(*) FROM ({inner}) GROUP BY 1 ORDER BY 1 NULLS LAST LIMIT ?"
    with connect(catalog_dir) as connection:
        rows = connection.execute(sql, [*params, MAX_CATEGORIES + 1]).fetchall()
    if len(rows) > MAX_CATEGORIES:
        raise CatalogError("err_not_categorical", name=chosen.name, n=MAX_CATEGORIES)
    labels: dict[str, str] = json.loads(chosen.value_labels_json or "{}")
    return [_frequency_row(value, int(n), labels) for value, n in rows]


def _frequency_row(value: Any, count: int, labels: dict[str, str]) -> FrequencyRow:
    text = "" if value is None else code_text(value)
    label = "(tidak ada isian)" if value is None else labels.get(text, "")
    if count < SMALL_CELL:
        return FrequencyRow(value=text, label=label, count=None, shown=f"<{SMALL_CELL}")
    return FrequencyRow(value=text, label=label, count=count, shown=str(count))
