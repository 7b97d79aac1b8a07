"""Variable names made to fit SPSS and Stata, with the original names kept as labels."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat
from sqlmodel import Session

from catalog.extract import write_extract
from catalog.importer import import_dataset
from catalog.names import spss_names, stata_names
from tests.conftest import NOW

LONG_A = "pengeluaran_makanan_per_kapita_sebulan_rupiah"
LONG_B = "pengeluaran_makanan_per_kapita_sebulan_dolar"


def test_spss_names_avoid_reserved_words_in_any_case() -> None:
    assert spss_names(["ALL", "by", "With", "UMUR"]) == {
        "ALL": "ALL_",
        "by": "by_",
        "With": "With_",
        "UMUR": "UMUR",
    }


def test_spss_names_are_cut_to_64_bytes_not_64_characters() -> None:
    fixed = spss_names(["é" * 40, "x" * 70])
    assert fixed["é" * 40] == "é" * 32
    assert fixed["x" * 70] == "x" * 64
    assert all(len(name.encode("utf-8")) <= 64 for name in fixed.values())


def test_spss_names_start_with_a_letter_and_keep_only_allowed_characters() -> None:
    assert spss_names(["1x", "a b", "_n", "akhir."]) == {
        "1x": "V1x",
        "a b": "a_b",
        "_n": "V_n",
        "akhir.": "akhir",
    }


def test_stata_names_are_cut_to_32_characters_and_deduplicated() -> None:
    fixed = stata_names([LONG_A, LONG_B, "R101", "r101"])
    assert fixed[LONG_A] == LONG_A[:32]
    assert fixed[LONG_B] == LONG_A[:30] + "_2"
    assert fixed["r101"] == "r101_2"
    assert len(set(fixed.values())) == 4


def test_stata_names_avoid_reserved_words_and_non_ascii() -> None:
    assert stata_names(["_n", "in", "umur_é", "2020"]) == {
        "_n": "_n_",
        "in": "in_",
        "umur_é": "umur__",
        "2020": "v2020",
    }


def test_a_spss_file_with_long_names_becomes_a_stata_file_with_the_old_names_as_labels(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "panjang.sav"
    frame = pd.DataFrame({LONG_A: [1.0, 2.0], LONG_B: [3.0, 4.0]})
    pyreadstat.write_sav(frame, str(source), column_labels={LONG_A: "Pengeluaran (Rp)", LONG_B: ""})
    dataset = import_dataset(session=session, path=source, catalog_dir=catalog_dir, now=NOW)
    result = write_extract(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=dataset.id or 0,
        variables=[LONG_A, LONG_B],
        fmt="dta",
        out_path=tmp_path / "panjang.dta",
    )
    written, meta = pyreadstat.read_dta(str(result.path))
    assert list(written.columns) == [LONG_A[:32], LONG_A[:30] + "_2"] == result.columns
    assert meta.column_labels == [f"{LONG_A}: Pengeluaran (Rp)", LONG_B]
    assert list(written[LONG_A[:30] + "_2"]) == [3.0, 4.0]


def test_a_stata_file_with_spss_reserved_names_becomes_a_valid_sav(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "cadangan.dta"
    pyreadstat.write_dta(pd.DataFrame({"ALL": [1, 2], "BY": [3, 4], "umur": [30, 40]}), str(source))
    dataset = import_dataset(session=session, path=source, catalog_dir=catalog_dir, now=NOW)
    result = write_extract(
        session=session,
        catalog_dir=catalog_dir,
        dataset_id=dataset.id or 0,
        variables=["ALL", "BY", "umur"],
        fmt="sav",
        out_path=tmp_path / "cadangan.sav",
    )
    written, meta = pyreadstat.read_sav(str(result.path))
    assert list(written.columns) == ["ALL_", "BY_", "umur"]
    assert meta.column_labels == ["ALL", "BY", None]
    assert list(written["BY_"]) == [3.0, 4.0]
