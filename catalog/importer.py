"""Import a microdata file: Parquet under the catalog folder, Dataset and Variable rows in the store.

The Parquet file is written chunk by chunk (bounded memory) to a temporary name, then renamed. An
import that fails removes its folder and adds no rows; the rows of a good import are flushed, and
the caller's transaction commits them.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlmodel import Session

from catalog.errors import CatalogError
from catalog.reader import SourceMeta, chunk_rows, read_source
from catalog.roles import guess_role
from core.models import Dataset, Variable

DATA_FILE = "data.parquet"
Progress = Callable[[float], None]


def import_dataset(
    *,
    session: Session,
    path: Path,
    catalog_dir: Path,
    now: datetime,
    title: str | None = None,
    progress: Progress | None = None,
) -> Dataset:
    """Import `path` and return its flushed Dataset; on failure nothing is left and CatalogError is raised."""
    path = Path(path)
    folder = Path(catalog_dir) / uuid.uuid4().hex
    try:
        meta, rows = read_source(
            path, lambda meta, tables: (meta, _write_parquet(meta, tables, folder, progress))
        )
        dataset = _record(session=session, meta=meta, rows=rows, folder=folder, title=title, now=now)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, CatalogError) or not isinstance(exc, Exception):
            raise
        raise CatalogError("err_import_failed", name=path.name, detail=str(exc)) from exc
    if progress:
        progress(1.0)
    return dataset


def _write_parquet(
    meta: SourceMeta, tables: Iterator[pa.Table], folder: Path, progress: Progress | None
) -> int:
    """Write every chunk into one Parquet file and return the number of rows."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{DATA_FILE}.tmp"
    rows = 0
    step = chunk_rows(len(meta.columns))
    with pq.ParquetWriter(temporary, meta.schema, compression="zstd") as writer:
        for table in tables:
            writer.write_table(table)
            rows += table.num_rows
            if progress:
                progress(min(0.99, rows / (meta.n_rows or rows + step)))
    if rows == 0:
        raise CatalogError("err_import_no_rows", name=meta.path.name)
    os.replace(temporary, folder / DATA_FILE)
    return rows


def _record(
    *, session: Session, meta: SourceMeta, rows: int, folder: Path, title: str | None, now: datetime
) -> Dataset:
    dataset = Dataset(
        title=_clip(title or meta.path.stem, 300),
        source_name=_clip(meta.path.name, 300),
        file_label=_clip(meta.file_label, 500),
        parquet_path=f"{folder.name}/{DATA_FILE}",
        n_records=rows,
        n_variables=len(meta.columns),
        created_at=now,
    )
    session.add(dataset)
    session.flush()
    assert dataset.id is not None
    for position, column in enumerate(meta.columns, start=1):
        session.add(
            Variable(
                dataset_id=dataset.id,
                position=position,
                name=column.name,
                label=_clip(column.label, 1000),
                kind=column.kind,
                format=_clip(column.format, 32),
                role=guess_role(column.name, column.label),
                value_labels_json=json.dumps(column.value_labels, ensure_ascii=False),
                missing_json=json.dumps(column.missing, ensure_ascii=False),
            )
        )
    session.flush()
    return dataset


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
