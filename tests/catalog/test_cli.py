"""`python -m catalog` run as a subprocess on a fresh DATA_DIR."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyreadstat

from tests.conftest import ROOT, shared_file


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["DATA_DIR"] = str(data_dir)
    env["DATABASE_URL"] = f"sqlite:///{data_dir / 'cli.db'}"
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_imports_lists_searches_and_extracts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    imported = run(
        data_dir, "import", str(shared_file("formats/sample_missing.sav")), "--title", "Contoh SPSS"
    )
    assert (imported.returncode, imported.stdout, imported.stderr) == (0, "1\n", "")
    assert len(list((data_dir / "catalog").glob("*/data.parquet"))) == 1

    listed = run(data_dir, "list")
    assert listed.stdout == "1\tContoh SPSS\t7\t7\n"

    found = run(data_dir, "search", "LABEL")
    assert found.stdout == "1\tmylabl\tlabeled\n"

    out = tmp_path / "keluar.sav"
    extracted = run(
        data_dir,
        "extract",
        "1",
        "--vars",
        "mychar,mylabl",
        "--format",
        "sav",
        "--out",
        str(out),
        "--where",
        "mylabl = 1",
        "--fingerprint",
        "PRM-0001",
    )
    assert extracted.returncode == 0, extracted.stderr
    frame, meta = pyreadstat.read_sav(str(out))
    assert list(frame["mychar"]) == ["a", "c", "e"]
    assert meta.column_labels == ["character", "labeled"]
    assert meta.file_label == "PRM-0001 | Contoh SPSS"

    refused = run(
        data_dir,
        "extract",
        "1",
        "--vars",
        "mychar",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "x.csv"),
        "--where",
        "mychar = 'a'; drop table dataset",
    )
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith("Galat: Filter tidak valid")
    assert not (tmp_path / "x.csv").exists()


def test_cli_reports_bad_input_in_indonesian_and_exits_2(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    garbage = tmp_path / "rusak.sav"
    garbage.write_bytes(b"bukan spss" * 100)
    failed = run(data_dir, "import", str(garbage))
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert failed.stderr.startswith("Galat: Berkas rusak.sav tidak dapat dibaca")
    assert "Traceback" not in failed.stderr
    assert run(data_dir, "list").stdout == ""

    unknown = run(
        data_dir, "extract", "1", "--vars", "x", "--format", "json", "--out", str(tmp_path / "x.json")
    )
    assert (unknown.returncode, unknown.stderr) == (
        2,
        "Galat: Format keluaran 'json' tidak dikenal; pilih salah satu: csv, sav, dta, parquet, xlsx.\n",
    )


BPS_FILES = [
    # file, variables to extract, format, (name, label) to search for, rows
    ("bps/SUSENAS2020.sav", ["R101", "R405", "FWT"], "sav", ("R407", "Umur"), 24_915),
    (
        "bps/SAKERNAS2020.dta",
        ["KODE_KAB", "NAMA_KAB", "FINAL_WEIG"],
        "dta",
        ("FINAL_WEIG", "Penimbang Official"),
        16_368,
    ),
    ("bps/PODES2019.sav", ["R101", "R102N", "R104N"], "csv", ("R102N", "NAMA Kabupaten atau Kota"), 1_562),
]


def test_cli_on_each_real_bps_file_keeps_labels_and_every_row(tmp_path: Path) -> None:
    """Only DATA_DIR is set: the database is then made inside it, as the settings table says."""
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"DATA_DIR": str(data_dir)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "catalog", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    for expected_id, (relpath, variables, fmt, (name, label), rows) in enumerate(BPS_FILES, start=1):
        source = shared_file(relpath)
        imported = cli("import", str(source))
        assert (imported.returncode, imported.stdout) == (0, f"{expected_id}\n"), imported.stderr
        found = cli("search", label)
        assert f"{expected_id}\t{name}\t{label}\n" in found.stdout
        out = tmp_path / f"out_{expected_id}.{fmt}"
        extracted = cli(
            "extract", str(expected_id), "--vars", ",".join(variables), "--format", fmt, "--out", str(out)
        )
        assert extracted.returncode == 0, extracted.stderr
        if fmt == "csv":
            frame = pd.read_csv(out)
            assert list(frame.columns) == variables and len(frame) == rows
            continue
        reader = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
        frame, meta = reader(str(out))
        original = (pyreadstat.read_sav if relpath.endswith(".sav") else pyreadstat.read_dta)(
            str(source), metadataonly=True
        )[1]
        assert list(frame.columns) == variables and len(frame) == rows
        assert [meta.column_names_to_labels[v] for v in variables] == [
            original.column_names_to_labels[v] for v in variables
        ]
    assert (data_dir / "silastik.db").exists()
    assert cli("list").stdout.count("\n") == 3
