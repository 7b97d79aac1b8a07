"""Searching variables across datasets and listing datasets."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from catalog.demo import PODES_TITLE, SUSENAS_TITLE, ensure_demo_catalog
from catalog.search import VariableHit, list_datasets, search_variables
from tests.conftest import NOW


def demo_catalog(session: Session, catalog_dir: Path, tmp_path: Path) -> None:
    ensure_demo_catalog(session=session, catalog_dir=catalog_dir, work_dir=tmp_path, now=NOW)
    session.commit()


def test_search_matches_labels_in_any_case_across_datasets(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    demo_catalog(session, catalog_dir, tmp_path)
    hits = search_variables(session=session, text="KECAMATAN")
    assert [(h.dataset_title, h.name, h.label) for h in hits] == [
        (SUSENAS_TITLE, "R103", "Kecamatan"),
        (PODES_TITLE, "R103", "Kecamatan"),
    ]


def test_search_matches_names_and_reports_the_kind(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    demo_catalog(session, catalog_dir, tmp_path)
    hits = search_variables(session=session, text="r104n")
    assert hits == [VariableHit(hits[0].dataset_id, PODES_TITLE, "R104N", "Nama desa/kelurahan", "string")]


def test_search_treats_like_wildcards_as_plain_text(
    session: Session, catalog_dir: Path, tmp_path: Path
) -> None:
    demo_catalog(session, catalog_dir, tmp_path)
    assert search_variables(session=session, text="%") == []
    assert search_variables(session=session, text="_") == []
    assert search_variables(session=session, text="") == []


def test_search_stops_at_the_limit(session: Session, catalog_dir: Path, tmp_path: Path) -> None:
    demo_catalog(session, catalog_dir, tmp_path)
    assert len(search_variables(session=session, text="R", limit=3)) == 3


def test_list_datasets_lists_oldest_first(session: Session, catalog_dir: Path, tmp_path: Path) -> None:
    assert list_datasets(session=session) == []
    demo_catalog(session, catalog_dir, tmp_path)
    assert [d.title for d in list_datasets(session=session)] == [SUSENAS_TITLE, PODES_TITLE]
