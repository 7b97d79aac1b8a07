"""Reading SPSS, Stata and SAS files in chunks with one Arrow schema."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyreadstat
import pytest

from catalog import reader
from catalog.errors import CatalogError
from catalog.reader import SourceMeta, read_source, temporal_kind, to_arrow
from tests.conftest import shared_file


def read_all(path: Path) -> tuple[SourceMeta, pa.Table]:
    return read_source(path, lambda meta, tables: (meta, pa.concat_tables(list(tables))))


def test_portable_spss_file_without_a_row_count_is_read_to_the_end() -> None:
    meta, table = read_all(shared_file("formats/sample.por"))
    assert meta.n_rows is None
    assert table.num_rows == 5
    assert table.column("MYCHAR").to_pylist() == ["a", "b", "c", "d", "e"]
    labels = {c.name: c.value_labels for c in meta.columns}
    assert labels["MYLABL"] == {"1": "Male", "2": "Female"}


def test_spss_dates_become_timestamps_and_times_become_times() -> None:
    meta, table = read_all(shared_file("formats/sample_missing.sav"))
    kinds = {c.name: c.kind for c in meta.columns}
    assert kinds == {
        "mychar": "string",
        "mynum": "numeric",
        "mydate": "date",
        "dtime": "date",
        "mylabl": "numeric",
        "myord": "numeric",
        "mytime": "time",
    }
    assert table.schema.field("mydate").type == pa.timestamp("us")
    assert str(table.column("mydate")[3].as_py()) == "1583-01-01 00:00:00"
    assert str(table.column("mytime")[1].as_py()) == "23:10:10"


def test_spss_user_missing_codes_are_kept_as_values_and_as_ranges() -> None:
    meta, table = read_all(shared_file("formats/sample_missing.sav"))
    missing = {c.name: c.missing for c in meta.columns}
    assert missing["mynum"] == [{"lo": 2000.0, "hi": 3000.0}, {"lo": -1.0, "hi": -1.0}]
    assert missing["mychar"] == []
    assert table.column("mylabl").to_pylist()[5] == -1.0


def test_stata_integer_columns_stay_integers_and_dates_are_converted() -> None:
    meta, table = read_all(shared_file("formats/stata13_dates.dta"))
    assert table.schema.field("week").type == pa.int64()
    assert table.schema.field("day").type == pa.timestamp("us")
    assert str(table.column("day")[0].as_py()) == "2006-11-21 00:00:00"
    assert {c.name: c.kind for c in meta.columns}["ms_fmt"] == "numeric"


@pytest.mark.parametrize(
    ("fmt", "family", "expected"),
    [
        ("EDATE10", "spss", "date"),
        ("DATETIME20", "spss", "datetime"),
        ("F8.2", "spss", ""),
        ("%td", "stata", "date"),
        ("%9.0g", "stata", ""),
        ("DATE9", "sas", "date"),
        ("TIME8", "sas", "time"),
    ],
)
def test_temporal_formats_follow_pyreadstat(fmt: str, family: str, expected: str) -> None:
    assert temporal_kind(fmt, family) == expected


def test_a_string_column_keeps_its_type_when_a_chunk_is_all_empty() -> None:
    empty = to_arrow(pd.Series([None, None], dtype="object"), pa.string())
    mixed = to_arrow(pd.Series(["a", 1, None], dtype="object"), pa.string())
    assert empty.type == pa.string() and empty.null_count == 2
    assert mixed.to_pylist() == ["a", "1", None]


def test_a_legacy_encoding_is_retried_with_a_fallback(tmp_path: Path) -> None:
    good = tmp_path / "good.sav"
    frame = pd.DataFrame({"kota": pd.Series(["Bénér Meriah", "Takengon"], dtype="str"), "x": [1.0, 2.0]})
    pyreadstat.write_sav(frame, str(good), column_labels={"kota": "Nama kota – é", "x": "angka"})
    legacy = tmp_path / "legacy.sav"
    legacy.write_bytes(good.read_bytes().replace(b"UTF-8", b"ASCII"))
    with pytest.raises(pyreadstat.ReadstatError, match="encoding"):
        pyreadstat.read_sav(str(legacy))
    meta, table = read_all(legacy)
    assert meta.encoding == "UTF-8"
    assert meta.columns[0].label == "Nama kota – é"
    assert table.column("kota").to_pylist() == ["Bénér Meriah", "Takengon"]


def test_chunks_share_one_schema_even_when_the_first_chunk_has_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chunks.sav"
    notes = [""] * 1500 + ["catatan"] * 1000
    amounts = [float("nan")] * 1500 + [5.0] * 1000
    pyreadstat.write_sav(
        pd.DataFrame({"catatan": pd.Series(notes, dtype="str"), "nilai": amounts}), str(path)
    )
    monkeypatch.setattr(reader, "CHUNK_CELLS", 1000)
    monkeypatch.setattr(reader, "MIN_CHUNK_ROWS", 500)
    meta, tables = read_source(path, lambda meta, tables: (meta, list(tables)))
    assert len(tables) == 5
    assert {t.schema for t in tables} == {meta.schema}
    assert tables[0].column("nilai").null_count == 500
    assert tables[-1].column("catatan").to_pylist()[-1] == "catatan"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("garbage.sav", b"\x00\x13not spss at all" * 50, "bukan berkas SPSS"),
        ("empty.dta", b"", "kosong"),
        ("data.xlsx", b"PK\x03\x04", "tidak didukung"),
    ],
)
def test_bad_files_give_a_catalog_error_that_names_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=message) as caught:
        read_all(path)
    assert name in str(caught.value)


def test_a_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="hilang.sav tidak ditemukan"):
        read_all(tmp_path / "hilang.sav")
