"""`python -m catalog` run as a subprocess on a fresh DATA_DIR."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
