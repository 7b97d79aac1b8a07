"""Write an extract: DuckDB selects and filters the Parquet file, then the chosen format is written."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from catalog.query import fetch_frame, load_source
from catalog.writers import ExtractResult, check_format, write_frame

__all__ = ["ExtractResult", "write_extract", "extract_label"]


def write_extract(
    *,
    session: Session,
    catalog_dir: Path,
    dataset_id: int,
    variables: list[str],
    fmt: str,
    out_path: Path,
    where: str = "",
    fingerprint: str = "",
) -> ExtractResult:
    """Every row matching `where`, exactly the chosen variables, written atomically to `out_path`.

    `fingerprint` (the request number) goes into the file label, so a leaked file names its buyer.
    """
    fmt = check_format(fmt)
    source = load_source(session=session, catalog_dir=catalog_dir, dataset_id=dataset_id)
    chosen = source.pick(variables)
    frame = fetch_frame(source, [v.name for v in chosen], where, catalog_dir)
    label = extract_label(fingerprint, source.dataset.title)
    return write_frame(frame, chosen, fmt, Path(out_path), label)


def extract_label(fingerprint: str, title: str) -> str:
    """The file label: the fingerprint first, so that cutting the label to a format's limit keeps it."""
    return f"{fingerprint} | {title}" if fingerprint else title
