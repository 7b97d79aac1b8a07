"""A synthetic sample of an order: the same columns, types and labels, but no real respondent row.

Each column is drawn on its own from that column's observed values (a reservoir sample of real
rows read by DuckDB), so values are realistic while the combination in a row is random.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sqlmodel import Session

from catalog.errors import CatalogError
from catalog.extract import extract_label
from catalog.query import DatasetSource, connect, load_source, selection_sql
from catalog.writers import ExtractResult, check_format, write_frame

POOL_ROWS = 5_000
MIN_FILTERED_POOL = 200  # a filtered pool smaller than this could give real records away
MAX_SAMPLE_ROWS = 1_000
REDRAWS = 20


def write_sample(
    *,
    session: Session,
    catalog_dir: Path,
    dataset_id: int,
    variables: list[str],
    fmt: str,
    out_path: Path,
    rows: int = 20,
    seed: int = 0,
    where: str = "",
) -> ExtractResult:
    """`rows` synthetic rows of the chosen variables, drawn from the rows the order's filter keeps,
    written like an extract in `fmt`."""
    fmt = check_format(fmt)
    if not 1 <= rows <= MAX_SAMPLE_ROWS:
        raise CatalogError("err_sample_rows_range", max_rows=MAX_SAMPLE_ROWS)
    source = load_source(session=session, catalog_dir=catalog_dir, dataset_id=dataset_id)
    chosen = source.pick(variables)
    names = [v.name for v in chosen]
    pool = _real_pool(source, names, where, catalog_dir, seed)
    if len(pool) < MIN_FILTERED_POOL:  # too few rows to hide anyone: draw from the whole dataset
        pool = _real_pool(source, names, "", catalog_dir, seed)
    frame = synthesize(pool, rows=rows, seed=seed)
    label = extract_label("CONTOH SINTETIS", source.dataset.title)
    return write_frame(frame, chosen, fmt, Path(out_path), label)


def synthesize(pool: pd.DataFrame, *, rows: int, seed: int) -> pd.DataFrame:
    """`rows` rows where each column is drawn with replacement from its own column of `pool`.

    A drawn row equal to a row of `pool` is drawn again (a few times at most): with one or two
    columns some real combinations cannot be avoided, and they identify nobody.
    """
    if pool.empty:
        return pool.iloc[0:0]
    generator = np.random.default_rng(seed)
    picks = {name: generator.integers(0, len(pool), size=rows) for name in pool.columns}
    real_rows = set(_row_hashes(pool))
    frame = _take(pool, picks)
    for _ in range(REDRAWS):
        clash = np.fromiter((h in real_rows for h in _row_hashes(frame)), dtype=bool, count=rows)
        if not clash.any():
            break
        for name in pool.columns:
            picks[name][clash] = generator.integers(0, len(pool), size=int(clash.sum()))
        frame = _take(pool, picks)
    return frame


def _take(pool: pd.DataFrame, picks: dict[str, np.ndarray]) -> pd.DataFrame:
    return pd.DataFrame(
        {name: pool[name].iloc[index].reset_index(drop=True) for name, index in picks.items()}
    )


def _row_hashes(frame: pd.DataFrame) -> list[int]:
    return [int(h) for h in pd.util.hash_pandas_object(frame, index=False)]


def _real_pool(
    source: DatasetSource, columns: list[str], where: str, catalog_dir: Path, seed: int
) -> pd.DataFrame:
    """Up to POOL_ROWS real rows of the selection, chosen at random (repeatably) by DuckDB; never shown
    as rows."""
    inner, params = selection_sql(source, columns, where)
    sql = f"SELECT * FROM ({inner}) USING SAMPLE reservoir({POOL_ROWS} ROWS) REPEATABLE ({int(seed)})"
    with connect(catalog_dir) as connection:
        return connection.execute(sql, params).fetchdf()
