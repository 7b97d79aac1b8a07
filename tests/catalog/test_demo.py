"""The demo catalog: two synthetic Bener Meriah files, imported once."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyreadstat
from sqlmodel import Session, select

from catalog.demo import PODES_TITLE, SEED, SUSENAS_TITLE, ensure_demo_catalog, write_susenas_demo
from core.models import Dataset, Variable
from tests.conftest import NOW


def test_demo_catalog_imports_two_labelled_surveys(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    datasets = ensure_demo_catalog(
        session=session, catalog_dir=catalog_dir, work_dir=tmp_path / "demo", now=NOW
    )
    assert [d.title for d in datasets] == [SUSENAS_TITLE, PODES_TITLE]
    assert [(d.n_records, d.n_variables) for d in datasets] == [(2000, 11), (233, 10)]
    assert [d.unit for d in datasets] == ["individu", "desa"]
    kecamatan = session.exec(
        select(Variable).where(Variable.dataset_id == datasets[0].id, Variable.name == "R103")
    ).one()
    assert kecamatan.label == "Kecamatan"
    assert json.loads(kecamatan.value_labels_json)["10"] == "Timang Gajah"
    assert kecamatan.role == "geography"


def test_demo_catalog_marks_the_weight_and_the_user_missing_code(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    datasets = ensure_demo_catalog(session=session, catalog_dir=catalog_dir, work_dir=tmp_path, now=NOW)
    rows = session.exec(select(Variable).where(Variable.dataset_id == datasets[0].id)).all()
    variables = {v.name: v for v in rows}
    assert variables["FWT"].role == "weight"
    assert variables["RENUM"].role == "identifier"
    assert json.loads(variables["R614"].missing_json) == [{"lo": 99.0, "hi": 99.0}]


def test_demo_catalog_is_idempotent(session: Session, catalog_dir: Path, tmp_path: Path) -> None:
    first = ensure_demo_catalog(session=session, catalog_dir=catalog_dir, work_dir=tmp_path, now=NOW)
    session.commit()
    second = ensure_demo_catalog(session=session, catalog_dir=catalog_dir, work_dir=tmp_path, now=NOW)
    assert [d.id for d in second] == [d.id for d in first]
    assert len(session.exec(select(Dataset)).all()) == 2
    assert len([p for p in catalog_dir.iterdir() if (p / "data.parquet").exists()]) == 2


def test_demo_files_are_the_same_on_every_run(tmp_path: Path) -> None:
    first = write_susenas_demo(tmp_path / "a.sav", np.random.default_rng(SEED))
    second = write_susenas_demo(tmp_path / "b.sav", np.random.default_rng(SEED))
    frame, meta = pyreadstat.read_sav(str(first))
    assert frame.equals(pyreadstat.read_sav(str(second))[0])
    assert meta.file_label == "SUSENAS demo Bener Meriah (sintetis)"
    assert set(frame["R102"]) == {17.0}
    assert frame["FWT"].between(40, 160).all()
    assert frame["RENUM"].is_monotonic_increasing
