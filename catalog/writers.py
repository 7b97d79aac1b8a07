"""Write a selected frame as CSV, SPSS .sav, Stata .dta, Parquet or Excel, atomically.

Names, labels and value labels are made to fit each format (see `catalog.names`); when a name has
to change, the original name is kept at the front of the variable label.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyreadstat

from catalog.errors import CatalogError
from catalog.names import spss_names, stata_names
from core.models import Variable

FORMATS = ("csv", "sav", "dta", "parquet", "xlsx")
SPSS_LABEL_BYTES = 255
SPSS_VALUE_LABEL_BYTES = 120
SPSS_FILE_LABEL_BYTES = 64
STATA_LABEL_CHARS = 80
EXCEL_MAX_ROWS = 1_048_575
_SPSS_NUMERIC_FORMAT = re.compile(r"^(F|N|E|COMMA|DOT|DOLLAR|PCT)\d+(\.\d+)?$")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_STATA_INT_LIMIT = 2_147_483_620


@dataclass(frozen=True)
class ExtractResult:
    """A written file: its path, row count, column names as written, and size in bytes."""

    path: Path
    rows: int
    columns: list[str]
    size: int


def check_format(fmt: str) -> str:
    normalized = (fmt or "").strip().lower().lstrip(".")
    if normalized not in FORMATS:
        raise CatalogError("err_extract_format_unknown", fmt=fmt, formats=", ".join(FORMATS))
    return normalized


def write_frame(
    frame: pd.DataFrame, variables: list[Variable], fmt: str, out_path: Path, file_label: str
) -> ExtractResult:
    """Write `frame` (columns named as `variables`) in `fmt` to `out_path` via a temporary file."""
    fmt = check_format(fmt)
    writer = {"csv": _csv, "sav": _sav, "dta": _dta, "parquet": _parquet, "xlsx": _xlsx}[fmt]
    out_path = Path(out_path)
    if fmt == "xlsx" and len(frame) > EXCEL_MAX_ROWS:
        raise CatalogError("err_extract_too_big_for_excel", rows=len(frame))
    with _atomic(out_path) as temporary:
        try:
            columns = writer(frame, variables, temporary, file_label)
        except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError, pa.ArrowException, ValueError) as exc:
            raise CatalogError(
                "err_extract_write_failed", name=out_path.name, fmt=fmt, detail=str(exc)
            ) from exc
    return ExtractResult(path=out_path, rows=len(frame), columns=columns, size=out_path.stat().st_size)


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` (same suffix) that replaces `path` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.tmp{path.suffix}")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def whole_numbers_as_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Float columns whose values are all whole numbers become nullable integers, so a CSV says 2, not 2.0."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_float_dtype(column):
            values = column.dropna()
            if (values == values.round()).all() and (values.abs() < 2**53).all():
                out[name] = column.astype("Int64")
    return out


def _csv(frame: pd.DataFrame, variables: list[Variable], path: Path, file_label: str) -> list[str]:
    whole_numbers_as_integers(frame).to_csv(path, index=False, encoding="utf-8")
    return list(frame.columns)


def _parquet(frame: pd.DataFrame, variables: list[Variable], path: Path, file_label: str) -> list[str]:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    schema = pa.schema(
        [pa.field(f.name, pa.string()) if pa.types.is_large_string(f.type) else f for f in table.schema]
    )
    table = table.cast(schema)
    labels = {v.name: v.label for v in variables}
    metadata = dict(table.schema.metadata or {})
    metadata[b"silastik.file_label"] = file_label.encode("utf-8")
    metadata[b"silastik.variable_labels"] = json.dumps(labels, ensure_ascii=False).encode("utf-8")
    pq.write_table(table.replace_schema_metadata(metadata), path, compression="zstd")
    return list(frame.columns)


def _xlsx(frame: pd.DataFrame, variables: list[Variable], path: Path, file_label: str) -> list[str]:
    data = frame.copy()
    for name in data.columns:
        if data[name].dtype == object or pd.api.types.is_string_dtype(data[name]):
            data[name] = data[name].map(lambda v: _EXCEL_ILLEGAL.sub("", v) if isinstance(v, str) else v)
    codebook = pd.DataFrame(
        {
            "variabel": [v.name for v in variables],
            "label": [_EXCEL_ILLEGAL.sub("", v.label) for v in variables],
        }
    )
    with pd.ExcelWriter(path, engine="openpyxl") as excel:
        data.to_excel(excel, sheet_name="data", index=False)
        codebook.to_excel(excel, sheet_name="variabel", index=False)
        excel.book.properties.title = _EXCEL_ILLEGAL.sub("", file_label)[:255]
    return list(frame.columns)


def _sav(frame: pd.DataFrame, variables: list[Variable], path: Path, file_label: str) -> list[str]:
    names = spss_names([v.name for v in variables])
    data = _plain_numbers(frame).rename(columns=names)
    labels: dict[str, str | None] = {}
    value_labels: dict[str, dict[Any, str]] = {}
    missing: dict[str, list[Any]] = {}
    formats: dict[str, str] = {}
    for variable in variables:
        new = names[variable.name]
        labels[new] = _cut_bytes(_label(variable, new), SPSS_LABEL_BYTES) or None
        coded = _codes(variable)
        if coded:
            value_labels[new] = {
                code: _cut_bytes(text, SPSS_VALUE_LABEL_BYTES) for code, text in coded.items()
            }
        ranges = _spss_missing(variable)
        if ranges:
            missing[new] = ranges
        if variable.kind == "numeric" and _SPSS_NUMERIC_FORMAT.match(variable.format):
            formats[new] = variable.format
    pyreadstat.write_sav(
        data,
        str(path),
        file_label=_cut_bytes(file_label, SPSS_FILE_LABEL_BYTES),
        column_labels=labels,
        variable_value_labels=value_labels or None,
        missing_ranges=missing or None,
        variable_format=formats or None,
    )
    return list(data.columns)


def _dta(frame: pd.DataFrame, variables: list[Variable], path: Path, file_label: str) -> list[str]:
    names = stata_names([v.name for v in variables])
    data = _plain_numbers(frame)
    labels: dict[str, str | None] = {}
    value_labels: dict[str, dict[Any, str]] = {}
    for variable in variables:
        new = names[variable.name]
        labels[new] = _label(variable, new)[:STATA_LABEL_CHARS] or None
        if variable.kind == "time":
            data[variable.name] = data[variable.name].map(
                lambda v: v.isoformat() if hasattr(v, "isoformat") else v
            )
        coded = _codes(variable)
        if coded and _integer_valued(data[variable.name], coded):
            value_labels[new] = {int(code): text[:STATA_LABEL_CHARS] for code, text in coded.items()}
    data = data.rename(columns=names)
    pyreadstat.write_dta(
        data,
        str(path),
        file_label=file_label[:STATA_LABEL_CHARS],
        column_labels=labels,
        variable_value_labels=value_labels or None,
    )
    return list(data.columns)


def _label(variable: Variable, new_name: str) -> str:
    if new_name == variable.name:
        return variable.label
    return f"{variable.name}: {variable.label}" if variable.label else variable.name


def _plain_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable integer columns (DuckDB's BIGINT with NULL) as float64, which both writers accept."""
    data = frame.copy()
    for name in data.columns:
        if isinstance(data[name].dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_numeric_dtype(
            data[name]
        ):
            data[name] = data[name].astype("float64")
    return data


def _codes(variable: Variable) -> dict[Any, str]:
    """Value labels with codes typed for the column: numbers for numeric columns, text for strings."""
    labels: dict[str, str] = json.loads(variable.value_labels_json or "{}")
    if variable.kind == "string":
        return dict(labels)
    if variable.kind != "numeric":
        return {}
    coded: dict[Any, str] = {}
    for code, text in labels.items():
        try:
            coded[float(code)] = text
        except ValueError:
            continue  # a Stata tagged missing (.a, .b...) has no numeric code to label
    return coded


def _integer_valued(series: pd.Series, coded: dict[Any, str]) -> bool:
    if not pd.api.types.is_numeric_dtype(series):
        return False
    values = pd.to_numeric(series, errors="coerce").dropna()
    codes = pd.Series(list(coded), dtype="float64")
    both = pd.concat([values, codes])
    return bool(((both % 1 == 0) & (both.abs() <= _STATA_INT_LIMIT)).all())


def _spss_missing(variable: Variable) -> list[Any]:
    """The user-missing definition in a form SPSS accepts, or [] when it cannot be kept."""
    items = json.loads(variable.missing_json or "[]")
    discrete = [item["lo"] for item in items if item.get("lo") == item.get("hi")]
    ranges = [item for item in items if item.get("lo") != item.get("hi")]
    if variable.kind == "string":
        fits = not ranges and len(discrete) <= 3 and all(len(str(v).encode("utf-8")) <= 8 for v in discrete)
        return [str(v) for v in discrete] if fits else []
    if variable.kind != "numeric":
        return []
    if len(ranges) > 1 or len(discrete) > (1 if ranges else 3):
        return []
    numeric_ranges = [{"lo": float(r["lo"]), "hi": float(r["hi"])} for r in ranges]
    return [*numeric_ranges, *(float(v) for v in discrete)]


def _cut_bytes(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
