"""Extracts in every format, read back with pyreadstat, pandas and pyarrow."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pyreadstat
import pytest
from sqlmodel import Session

from catalog.errors import CatalogError
from catalog.extract import ExtractResult, write_extract
from catalog.importer import import_dataset
from catalog.query import count_rows
from tests.catalog.conftest import Imported
from tests.conftest import NOW, shared_file

CHOSEN = ["R101", "R102", "R105", "R405", "R407", "R702_A", "FWT", "RENUM"]
FILTER = "R102 = 71 and R407 between 15 and 64"


def extract(
    imported: Imported, out: Path, fmt: str, where: str = "", variables: list[str] = CHOSEN
) -> ExtractResult:
    with imported.session() as session:
        return write_extract(
            session=session,
            catalog_dir=imported.catalog_dir,
            dataset_id=imported.dataset_id,
            variables=variables,
            fmt=fmt,
            out_path=out,
            where=where,
            fingerprint="PRM-1117-2026-0042",
        )


def filtered_count(imported: Imported) -> int:
    with imported.session() as session:
        return count_rows(
            session=session, catalog_dir=imported.catalog_dir, dataset_id=imported.dataset_id, where=FILTER
        )


def test_sav_extract_of_susenas_keeps_all_rows_the_chosen_columns_and_labels(
    susenas: Imported, tmp_path: Path
) -> None:
    result = extract(susenas, tmp_path / "susenas.sav", "sav")
    frame, meta = pyreadstat.read_sav(str(result.path))
    assert frame.shape == (24_915, len(CHOSEN))
    assert list(frame.columns) == CHOSEN == result.columns
    assert meta.column_names_to_labels["R405"] == "Jenis kelamin"
    assert meta.column_names_to_labels["FWT"] == "Penimbang"
    assert str(meta.file_label).startswith("PRM-1117-2026-0042")
    assert result.rows == 24_915 and result.size == result.path.stat().st_size


def test_sav_extract_values_match_the_source_file(susenas: Imported, tmp_path: Path) -> None:
    result = extract(susenas, tmp_path / "susenas.sav", "sav")
    written, _ = pyreadstat.read_sav(str(result.path))
    original, _ = pyreadstat.read_sav(str(susenas.source), usecols=CHOSEN, user_missing=True)
    pd.testing.assert_frame_equal(written[CHOSEN], original[CHOSEN], check_dtype=False)


def test_dta_extract_keeps_filtered_rows_and_labels(susenas: Imported, tmp_path: Path) -> None:
    result = extract(susenas, tmp_path / "susenas.dta", "dta", FILTER)
    frame, meta = pyreadstat.read_dta(str(result.path))
    assert len(frame) == filtered_count(susenas) == result.rows
    assert set(frame["R102"]) == {71.0}
    assert frame["R407"].between(15, 64).all()
    assert meta.column_names_to_labels["R407"] == "Umur"
    assert str(meta.file_label).startswith("PRM-1117-2026-0042")


def test_csv_extract_round_trips_through_pandas(susenas: Imported, tmp_path: Path) -> None:
    result = extract(susenas, tmp_path / "susenas.csv", "csv", FILTER)
    frame = pd.read_csv(result.path, keep_default_na=False, dtype={"R702_A": str})
    assert list(frame.columns) == CHOSEN
    assert len(frame) == filtered_count(susenas)
    assert set(frame["R702_A"]) <= {"", "A"}


def test_parquet_extract_keeps_types_and_labels_in_metadata(susenas: Imported, tmp_path: Path) -> None:
    result = extract(susenas, tmp_path / "susenas.parquet", "parquet", FILTER)
    table = pq.read_table(result.path)
    assert table.column_names == CHOSEN
    assert table.num_rows == filtered_count(susenas)
    assert str(table.schema.field("R702_A").type) == "string"
    metadata = table.schema.metadata
    assert b"PRM-1117-2026-0042" in metadata[b"silastik.file_label"]
    assert "Jenis kelamin" in metadata[b"silastik.variable_labels"].decode("utf-8")


def test_xlsx_extract_has_a_data_sheet_and_a_variable_sheet(susenas: Imported, tmp_path: Path) -> None:
    result = extract(susenas, tmp_path / "susenas.xlsx", "xlsx", FILTER)
    sheets = pd.read_excel(result.path, sheet_name=None)
    assert list(sheets) == ["data", "variabel"]
    assert list(sheets["data"].columns) == CHOSEN
    assert len(sheets["data"]) == filtered_count(susenas)
    assert sheets["variabel"].set_index("variabel").loc["R105", "label"] == "Tipe daerah"


def test_an_unknown_format_or_variable_writes_nothing(susenas: Imported, tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="Format keluaran 'json' tidak dikenal"):
        extract(susenas, tmp_path / "x.json", "json")
    with pytest.raises(CatalogError, match="Variabel NIK tidak ada"):
        extract(susenas, tmp_path / "x.sav", "sav", variables=["R101", "NIK"])
    assert list(tmp_path.iterdir()) == []


def test_sav_extract_keeps_value_labels_missing_ranges_and_string_labels(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    missing = import_dataset(
        session=session, path=shared_file("formats/sample_missing.sav"), catalog_dir=catalog_dir, now=NOW
    )
    alltypes = import_dataset(
        session=session, path=shared_file("formats/simple_alltypes.sav"), catalog_dir=catalog_dir, now=NOW
    )
    first = write_extract(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=missing.id or 0,
        variables=["mynum", "mylabl", "mydate"],
        fmt="sav",
        out_path=tmp_path / "a.sav",
    )
    second = write_extract(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=alltypes.id or 0,
        variables=["ca_subvar_1", "z"],
        fmt="sav",
        out_path=tmp_path / "b.sav",
    )
    frame, meta = pyreadstat.read_sav(str(first.path), user_missing=True)
    assert meta.missing_ranges["mynum"] == [{"lo": 2000.0, "hi": 3000.0}, {"lo": -1.0, "hi": -1.0}]
    assert meta.variable_value_labels["mylabl"] == {-1.0: "undetermined", 1.0: "Male", 2.0: "Female"}
    assert str(frame["mydate"][0]) == "2018-05-06 00:00:00"
    _, meta = pyreadstat.read_sav(str(second.path), user_missing=True)
    assert meta.variable_value_labels["ca_subvar_1"] == {"a": "a", "b": "b", "c": "c", "d": "d"}
    assert meta.missing_ranges["z"] == [{"lo": -999.0, "hi": 0.0}, {"lo": 999.0, "hi": 999.0}]


def test_dta_extract_labels_only_integer_valued_columns(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    dataset = import_dataset(
        session=session, path=shared_file("formats/simple_alltypes.sav"), catalog_dir=catalog_dir, now=NOW
    )
    result = write_extract(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=dataset.id or 0,
        variables=["x", "z", "ca_subvar_1"],
        fmt="dta",
        out_path=tmp_path / "c.dta",
    )
    frame, meta = pyreadstat.read_dta(str(result.path))
    assert meta.variable_value_labels == {"x": {1: "red", 2: "green", 3: "blue"}}
    assert frame["z"].iloc[2] == pytest.approx(1.234)
    assert list(frame["ca_subvar_1"]) == ["a", "a", "b", "b", "a", "b"]


def test_csv_writes_whole_numbers_without_decimals_and_keeps_fractions() -> None:
    from catalog.writers import whole_numbers_as_integers

    frame = pd.DataFrame(
        {"umur": [2.0, 29.0, None], "kapita": [1956200.0, 0.5, 3.0], "nama": ["a", "b", "c"]}
    )
    converted = whole_numbers_as_integers(frame)
    assert converted.to_csv(index=False).splitlines() == [
        "umur,kapita,nama",
        "2,1956200.0,a",
        "29,0.5,b",
        ",3.0,c",
    ]
