"""Time the catalog's extract path (DuckDB over Parquet) against a naive pandas path on SUSENAS2020.sav.

    .venv/bin/python bench/bench_extract.py

The naive path reads the whole .sav with pyreadstat, then filters and selects in pandas. The catalog
path imports once (timed separately), then lets DuckDB select and filter the Parquet file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyreadstat  # noqa: E402
from sqlmodel import Session  # noqa: E402

from catalog.importer import import_dataset  # noqa: E402
from catalog.query import count_rows, select_frame  # noqa: E402
from core.db import make_engine, migrate  # noqa: E402

SHARED_DATA = Path(os.environ.get("SILASTIK_SHARED_DATA", ROOT.parent / "shared" / "data"))
SOURCE = SHARED_DATA / "bps" / "SUSENAS2020.sav"
VARIABLES = ["R101", "R102", "R105", "R405", "R407", "FWT"]
FILTER = "R102 = 71 and R407 between 15 and 64"
REPEATS = 3


def best_of(repeats: int, action: Callable[[], Any]) -> tuple[float, Any]:
    timings, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def naive_pandas() -> int:
    frame, _ = pyreadstat.read_sav(str(SOURCE), user_missing=True)
    chosen = frame.loc[(frame["R102"] == 71) & frame["R407"].between(15, 64), VARIABLES]
    return len(chosen)


def main() -> int:
    if not SOURCE.exists():
        print(f"Lewati: data nyata tidak ditemukan di {SOURCE} (folder {SHARED_DATA}).")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        migrate(url)
        engine = make_engine(url)
        catalog_dir = Path(folder) / "catalog"
        with Session(engine, expire_on_commit=False) as session:
            started = time.perf_counter()
            dataset = import_dataset(
                session=session, path=SOURCE, catalog_dir=catalog_dir, now=datetime.now(UTC)
            )
            session.commit()
            import_seconds = time.perf_counter() - started
            assert dataset.id is not None
            query = {
                "session": session,
                "catalog_dir": catalog_dir,
                "dataset_id": dataset.id,
                "where": FILTER,
            }
            duck_seconds, frame = best_of(REPEATS, lambda: select_frame(variables=VARIABLES, **query))
            count_seconds, counted = best_of(REPEATS, lambda: count_rows(**query))
        engine.dispose()
    pandas_seconds, pandas_rows = best_of(REPEATS, naive_pandas)
    print(f"Sumber: {SOURCE.name} ({SOURCE.stat().st_size / 1e6:.1f} MB), filter: {FILTER}")
    print(f"impor sekali ke Parquet          : {import_seconds:8.3f} s")
    print(f"DuckDB select+filter ({len(frame):>5} baris): {duck_seconds:8.3f} s")
    print(f"DuckDB hitung baris  ({counted:>5} baris): {count_seconds:8.3f} s")
    print(f"pandas baca .sav + filter ({pandas_rows:>5}) : {pandas_seconds:8.3f} s")
    print(f"percepatan select+filter         : {pandas_seconds / duck_seconds:8.1f}x")
    if len(frame) != pandas_rows or counted != pandas_rows:
        print("PERINGATAN: jumlah baris kedua jalur berbeda")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
