"""Importing real microdata into Parquet and the catalog tables."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlmodel import Session, col, select

from catalog.errors import CatalogError
from catalog.importer import import_dataset
from core.models import Dataset, Variable
from tests.catalog.conftest import Imported
from tests.conftest import NOW, shared_file


def variables_of(session: Session, dataset_id: int) -> dict[str, Variable]:
    rows = session.exec(select(Variable).where(Variable.dataset_id == dataset_id)).all()
    return {v.name: v for v in rows}


def test_import_keeps_variable_labels_of_susenas(susenas: Imported) -> None:
    with susenas.session() as session:
        variables = variables_of(session, susenas.dataset_id)
    assert len(variables) == 299
    assert variables["R101"].label == "Provinsi"
    assert variables["R405"].label == "Jenis kelamin"
    assert variables["R407"].label == "Umur"
    assert variables["R702_A"].kind == "string"
    assert variables["R101"].format == "F8.2"
    assert sum(v.kind == "string" for v in variables.values()) == 105


def test_import_records_susenas_size_title_and_file_label(susenas: Imported) -> None:
    with susenas.session() as session:
        dataset = session.get(Dataset, susenas.dataset_id)
    assert dataset is not None
    assert (dataset.n_records, dataset.n_variables) == (24_915, 299)
    assert dataset.title == "SUSENAS2020"
    assert dataset.source_name == "SUSENAS2020.sav"
    assert dataset.file_label.startswith("SUSENAS2020 (BPS sample")
    assert dataset.created_at == NOW


def test_import_writes_susenas_parquet_with_all_rows_and_string_columns(susenas: Imported) -> None:
    with susenas.session() as session:
        dataset = session.get(Dataset, susenas.dataset_id)
    assert dataset is not None
    path = susenas.catalog_dir / dataset.parquet_path
    assert path.name == "data.parquet" and path.parent.parent == susenas.catalog_dir
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_rows == 24_915
    assert parquet.schema_arrow.field("R702_A").type == pa.string()
    assert parquet.schema_arrow.field("FWT").type == pa.float64()
    assert parquet.metadata.num_row_groups >= 2
    assert not list(path.parent.glob(".*tmp"))
    provinces = pq.read_table(path, columns=["R101"]).column("R101").to_pylist()
    assert set(provinces) == {15.0}


def test_import_guesses_weight_geography_and_identifiers_of_susenas(susenas: Imported) -> None:
    with susenas.session() as session:
        roles = {name: v.role for name, v in variables_of(session, susenas.dataset_id).items()}
    assert roles["FWT"] == "weight"
    assert (roles["R101"], roles["R102"], roles["R105"]) == ("geography", "geography", "geography")
    assert roles["RENUM"] == "identifier"
    assert roles["R407"] == ""


def test_import_keeps_sakernas_labels_and_counts(session: Session, catalog_dir: Path) -> None:
    dataset = import_dataset(
        session=session,
        path=shared_file("bps/SAKERNAS2020.dta"),
        catalog_dir=catalog_dir,
        now=NOW,
        title="Sakernas",
    )
    variables = variables_of(session, dataset.id or 0)
    assert (dataset.n_records, dataset.n_variables, dataset.title) == (16_368, 132, "Sakernas")
    assert variables["FINAL_WEIG"].label == "Penimbang Official"
    assert variables["FINAL_WEIG"].role == "weight"
    assert variables["NAMA_KAB"].kind == "string"
    assert variables["KODE_KAB"].role == "geography"


def test_import_keeps_podes_labels_whole_up_to_the_256_bytes_stored(
    session: Session, catalog_dir: Path
) -> None:
    # The README speaks of 267-character labels; the .sav itself stores at most 256 bytes of each.
    dataset = import_dataset(
        session=session, path=shared_file("bps/PODES2019.sav"), catalog_dir=catalog_dir, now=NOW
    )
    variables = variables_of(session, dataset.id or 0)
    assert (dataset.n_records, dataset.n_variables) == (1_562, 312)
    assert max(len(v.label) for v in variables.values()) == 256
    assert variables["R104N"].label == "NAMA Desa atau Kelurahan"
    assert variables["R104N"].role == "geography"
    assert [v.position for v in sorted(variables.values(), key=lambda v: v.position)][:3] == [1, 2, 3]


@pytest.mark.parametrize(
    ("relpath", "rows", "columns"),
    [
        ("formats/sample.zsav", 5, 7),
        ("formats/sample.por", 5, 7),
        ("formats/ACQ_G.xpt", 6_833, 6),
        ("formats/gss96.sas7bdat", 2_904, 22),
        ("formats/owner.sas7bdat", 27_570, 3),
        ("formats/stata-compat-104.dta", 3, 8),
        ("formats/stata-compat-108.dta", 3, 8),
        ("formats/stata-compat-114.dta", 3, 8),
        ("formats/stata-compat-118.dta", 3, 8),
        ("formats/stata-compat-be-118.dta", 3, 8),
        ("formats/stata14_119.dta", 5, 7),
        ("formats/tagged-na-double.dta", 8, 1),
        ("formats/umlauts.sav", 4, 1),
    ],
)
def test_import_reads_every_supported_format(
    session: Session, catalog_dir: Path, relpath: str, rows: int, columns: int
) -> None:
    dataset = import_dataset(session=session, path=shared_file(relpath), catalog_dir=catalog_dir, now=NOW)
    assert (dataset.n_records, dataset.n_variables) == (rows, columns)
    assert pq.ParquetFile(catalog_dir / dataset.parquet_path).metadata.num_rows == rows


def test_import_keeps_value_labels_and_user_missing_of_spss(session: Session, catalog_dir: Path) -> None:
    path = shared_file("formats/sample_missing.sav")
    dataset = import_dataset(session=session, path=path, catalog_dir=catalog_dir, now=NOW)
    variables = variables_of(session, dataset.id or 0)
    assert json.loads(variables["mylabl"].value_labels_json) == {
        "-1": "undetermined",
        "1": "Male",
        "2": "Female",
    }
    assert json.loads(variables["myord"].missing_json) == [
        {"lo": -1.0, "hi": -1.0},
        {"lo": -2.0, "hi": -2.0},
        {"lo": -3.0, "hi": -3.0},
    ]
    assert variables["mylabl"].label == "labeled"
    assert (variables["mydate"].kind, variables["mytime"].kind) == ("date", "time")


def test_import_keeps_the_unicode_file_label_of_stata_119(session: Session, catalog_dir: Path) -> None:
    dataset = import_dataset(
        session=session, path=shared_file("formats/stata14_119.dta"), catalog_dir=catalog_dir, now=NOW
    )
    assert dataset.file_label == "This is a  Ünicode data label"


def test_import_reports_progress_up_to_one(session: Session, catalog_dir: Path) -> None:
    seen: list[float] = []
    import_dataset(
        session=session,
        path=shared_file("formats/gss96.sas7bdat"),
        catalog_dir=catalog_dir,
        now=NOW,
        progress=seen.append,
    )
    assert seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) >= 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rusak.sav", b"\x7fELF garbage " * 400),
        ("kosong.sav", b""),
        ("data.csv", b"a,b\n1,2\n"),
        ("hilang.dta", None),
    ],
)
def test_a_failed_import_leaves_no_rows_and_no_parquet_folder(
    session: Session, catalog_dir: Path, tmp_path: Path, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CatalogError) as caught:
        import_dataset(session=session, path=path, catalog_dir=catalog_dir, now=NOW)
    assert name in str(caught.value)
    session.commit()
    assert session.exec(select(Dataset)).all() == []
    assert session.exec(select(Variable).where(col(Variable.id) > 0)).all() == []
    assert not catalog_dir.exists() or list(catalog_dir.iterdir()) == []
