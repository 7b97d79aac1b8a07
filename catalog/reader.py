"""Read SPSS, Stata and SAS files with pyreadstat, in chunks, as Arrow tables with one fixed schema.

The schema comes from the file's metadata, never from the values of a chunk, so every chunk has the
same Arrow types: strings stay strings even when a chunk is all empty, and dates stay timestamps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
import pyreadstat

from catalog.errors import CatalogError

T = TypeVar("T")

FALLBACK_ENCODINGS = ("UTF-8", "WINDOWS-1252", "LATIN1")
CHUNK_CELLS = 5_000_000  # cells per chunk: about 40 MB of doubles, whatever the width of the file
MIN_CHUNK_ROWS = 1_000
MAX_CHUNK_ROWS = 200_000


@dataclass(frozen=True)
class _Format:
    label: str
    family: str
    read: Callable[..., Any]
    options: dict[str, Any]
    takes_encoding: bool = True


FORMATS: dict[str, _Format] = {
    ".sav": _Format("SPSS", "spss", pyreadstat.read_sav, {"user_missing": True}),
    ".zsav": _Format("SPSS", "spss", pyreadstat.read_sav, {"user_missing": True}),
    ".por": _Format("SPSS portable", "spss", pyreadstat.read_por, {}, takes_encoding=False),
    ".dta": _Format("Stata", "stata", pyreadstat.read_dta, {}),
    ".sas7bdat": _Format("SAS", "sas", pyreadstat.read_sas7bdat, {}),
    ".xpt": _Format("SAS transport", "sas", pyreadstat.read_xport, {}),
}

# The same date, datetime and time formats pyreadstat converts (pyreadstat/_readstat_parser.pyx).
_FORMAT_NAME = re.compile(r"^([A-Z][A-Z0-9]+[A-Z])(\d+)?(?(2)(?:\.\d*)?$|\.?$)")
_DATE_FORMATS = {
    "sas": {
        "date": "WEEKDATE MMDDYY DDMMYY YYMMDD DATE DDMMYYB DDMMYYC DDMMYYD DDMMYYN DDMMYYP DDMMYYS "
        "MMDDYYB MMDDYYC MMDDYYD MMDDYYN MMDDYYP MMDDYYS WEEKDATX DTDATE IS8601DA E8601DA B8601DA "
        "YYMMDDB YYMMDDD YYMMDDN YYMMDDP YYMMDDS".split(),
        "datetime": "DATETIME E8601DT DATEAMPM MDYAMPM IS8601DT B8601DT B8601DN".split(),
        "time": "TIME HHMM TOD TIMEAMPM IS8601TM E8601TM B8601TM".split(),
    },
    "spss": {
        "date": "DATE ADATE EDATE JDATE SDATE".split(),
        "datetime": "DATETIME YMDHMS".split(),
        "time": "TIME DTIME".split(),
    },
    "stata": {
        "date": ["%td", "%d", "%tdD_m_Y", "%tdCCYY-NN-DD"],
        "datetime": ["%tC", "%tc"],
        "time": ["%tcHH:MM:SS", "%tcHH:MM"],
    },
}


@dataclass(frozen=True)
class Column:
    """One variable as the catalog stores it."""

    name: str
    label: str
    kind: str  # numeric, string, date (date or datetime) or time
    arrow_type: pa.DataType
    format: str
    value_labels: dict[str, str]
    missing: list[dict[str, Any]]


@dataclass(frozen=True)
class SourceMeta:
    """What the file says about itself, read before any data."""

    path: Path
    format_label: str
    columns: list[Column]
    n_rows: int | None
    file_label: str
    encoding: str | None  # the fallback in use; None when the file's own encoding worked

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type) for c in self.columns])


class _EncodingFailure(Exception):
    """The bytes did not decode with the encoding tried; the caller retries with another one."""


def read_source(path: Path, consume: Callable[[SourceMeta, Iterator[pa.Table]], T]) -> T:
    """Call `consume(meta, tables)`; after an encoding failure, call it again with a fallback encoding."""
    fmt = file_format(path)
    encodings: list[str | None] = [None, *FALLBACK_ENCODINGS] if fmt.takes_encoding else [None]
    for encoding in encodings:
        try:
            meta = _read_meta(path, fmt, encoding)
            return consume(meta, _iter_tables(path, fmt, meta))
        except _EncodingFailure:
            continue
    raise CatalogError("err_read_encoding", name=path.name, tried=", ".join(FALLBACK_ENCODINGS))


def file_format(path: Path) -> _Format:
    """The reader for this file, after checking that the file exists, is not empty and is supported."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise CatalogError("err_read_unsupported", name=path.name, known=known)
    if not path.is_file():
        raise CatalogError("err_read_not_found", name=path.name)
    if path.stat().st_size == 0:
        raise CatalogError("err_read_empty", name=path.name)
    return fmt


def chunk_rows(n_columns: int) -> int:
    return max(MIN_CHUNK_ROWS, min(MAX_CHUNK_ROWS, CHUNK_CELLS // max(n_columns, 1)))


def _reader(fmt: _Format, encoding: str | None) -> Callable[..., Any]:
    """The pyreadstat function with the format's options and the encoding already bound.

    Binding matters: read_file_in_chunks reads the metadata without passing our keyword arguments.
    """
    options = dict(fmt.options)
    if encoding:
        options["encoding"] = encoding
    return functools.partial(fmt.read, **options)


@contextmanager
def _translated_errors(path: Path, fmt: _Format) -> Iterator[None]:
    """pyreadstat failures as a retry signal (encoding) or a CatalogError naming the file."""
    try:
        yield
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError, UnicodeError, ValueError) as exc:
        if isinstance(exc, UnicodeError) or "encoding" in str(exc).lower():
            raise _EncodingFailure(str(exc)) from exc
        raise CatalogError("err_read_corrupt", name=path.name, kind=fmt.label, detail=str(exc)) from exc


def _read_meta(path: Path, fmt: _Format, encoding: str | None) -> SourceMeta:
    with _translated_errors(path, fmt):
        _, meta = _reader(fmt, encoding)(str(path), metadataonly=True)
    if not meta.column_names:
        raise CatalogError("err_read_no_variables", name=path.name)
    labels = meta.column_names_to_labels or {}
    columns = [
        _column(
            name=name,
            label=labels.get(name) or "",
            family=fmt.family,
            readstat_type=meta.readstat_variable_types.get(name, "double"),
            fmt=meta.original_variable_types.get(name) or "",
            value_labels=meta.variable_value_labels.get(name, {}),
            missing=(getattr(meta, "missing_ranges", None) or {}).get(name, []),
        )
        for name in meta.column_names
    ]
    return SourceMeta(
        path=path,
        format_label=fmt.label,
        columns=columns,
        n_rows=meta.number_rows if meta.number_rows and meta.number_rows > 0 else None,
        file_label=meta.file_label or "",
        encoding=encoding,
    )


def _column(
    *, name: str, label: str, family: str, readstat_type: str, fmt: str, value_labels: dict, missing: list
) -> Column:
    temporal = temporal_kind(fmt, family)
    if readstat_type == "string":
        kind, arrow_type = "string", pa.string()
    elif temporal == "time":
        kind, arrow_type = "time", pa.time64("us")
    elif temporal:
        kind, arrow_type = "date", pa.timestamp("us")
    elif readstat_type in ("int8", "int16", "int32"):
        kind, arrow_type = "numeric", pa.int64()
    else:
        kind, arrow_type = "numeric", pa.float64()
    return Column(
        name=name,
        label=label,
        kind=kind,
        arrow_type=arrow_type,
        format=fmt,
        value_labels={code_text(code): str(text) for code, text in value_labels.items()},
        missing=[dict(item) for item in missing],
    )


def temporal_kind(fmt: str, family: str) -> str:
    """'date', 'datetime', 'time', or '' when pyreadstat leaves the column as a number."""
    if family == "stata":
        key = fmt
    else:
        match = _FORMAT_NAME.match(fmt.upper())
        key = match.group(1) if match else ""
    for kind, names in _DATE_FORMATS[family].items():
        if key in names:
            return kind
    return ""


def code_text(code: object) -> str:
    """A value-label code as JSON key text: 1.0 -> '1', 1.5 -> '1.5', 'a' -> 'a'."""
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)


def _iter_tables(path: Path, fmt: _Format, meta: SourceMeta) -> Iterator[pa.Table]:
    size = chunk_rows(len(meta.columns))
    with _translated_errors(path, fmt):
        chunks = pyreadstat.read_file_in_chunks(_reader(fmt, meta.encoding), str(path), chunksize=size)
    while True:
        with _translated_errors(path, fmt):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield to_table(chunk[0], meta)


def to_table(frame: pd.DataFrame, meta: SourceMeta) -> pa.Table:
    """A chunk as an Arrow table with exactly the schema of the metadata."""
    arrays = []
    for column in meta.columns:
        try:
            arrays.append(to_arrow(frame[column.name], column.arrow_type))
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise CatalogError(
                "err_read_values", name=meta.path.name, variable=column.name, detail=str(exc)
            ) from exc
    return pa.Table.from_arrays(arrays, schema=meta.schema)


def to_arrow(series: pd.Series, arrow_type: pa.DataType) -> pa.Array:
    """One column as `arrow_type`, whatever pandas dtype the chunk gave it (str, object, float...)."""
    if bool(series.isna().all()):
        return pa.nulls(len(series), type=arrow_type)
    if pa.types.is_string(arrow_type):
        return pa.array(series.astype("str"), type=arrow_type, from_pandas=True)
    if pa.types.is_floating(arrow_type) or pa.types.is_integer(arrow_type):
        numbers = pd.to_numeric(series, errors="coerce").astype("float64")
        return pa.array(numbers, from_pandas=True).cast(arrow_type)
    return pa.array(series, from_pandas=True).cast(arrow_type)
