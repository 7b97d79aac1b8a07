"""The file store: atomic writes, recorded SHA-256 and size, safe names, hash checked on read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlmodel import Session

from core.errors import UserError
from core.files import atomic_write, read_checked, safe_name, sha256_of, store_bytes, store_path
from core.models import StoredFile
from tests.conftest import NOW
from tests.factories import PDF_BYTES


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".tmp-*"))


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\budi\\bukti transfer.pdf", "bukti_transfer.pdf"),
        ("laporan (final) #2.pdf", "laporan_final_2.pdf"),
        (".htaccess", "htaccess"),
        ("..", "berkas"),
        ("", "berkas"),
        ("///", "berkas"),
        ("abstraksi.pdf", "abstraksi.pdf"),
    ],
)
def test_safe_name_strips_folders_and_odd_characters(name, safe):
    assert safe_name(name) == safe


def test_safe_name_keeps_names_short():
    assert len(safe_name("a" * 500 + ".pdf")) <= 120


def test_safe_name_keeps_the_extension_of_a_long_name():
    name = "Abstraksi penggunaan data " * 6 + ".pdf"
    assert safe_name(name).endswith(".pdf")


def test_store_bytes_writes_the_file_and_records_its_hash_and_size(session: Session, tmp_path):
    files_dir = tmp_path / "files"
    record = store_bytes(
        session=session, files_dir=files_dir, data=PDF_BYTES, name="Abstraksi Saya.pdf", mime="x/y", now=NOW
    )
    path = files_dir / record.relpath
    assert path.read_bytes() == PDF_BYTES
    assert (record.size, record.sha256) == (len(PDF_BYTES), hashlib.sha256(PDF_BYTES).hexdigest())
    assert (record.original_name, record.mime, record.created_at) == ("Abstraksi_Saya.pdf", "x/y", NOW)
    assert record.relpath.startswith("2026/12/") and record.relpath.endswith("/Abstraksi_Saya.pdf")
    assert session.get(StoredFile, record.id).sha256 == sha256_of(path)
    assert leftovers(files_dir) == []


def test_store_bytes_keeps_a_hostile_name_inside_the_store(session: Session, tmp_path):
    files_dir = tmp_path / "files"
    record = store_bytes(
        session=session, files_dir=files_dir, data=b"x", name="../../etc/passwd", mime="text/plain", now=NOW
    )
    path = (files_dir / record.relpath).resolve()
    assert path.is_relative_to(files_dir.resolve())
    assert path.name == "passwd" and record.original_name == "passwd"
    assert not (tmp_path / "etc").exists()


def test_two_uploads_with_the_same_name_never_overwrite_each_other(session: Session, tmp_path):
    files_dir = tmp_path / "files"
    first = store_bytes(session=session, files_dir=files_dir, data=b"satu", name="a.pdf", mime="m", now=NOW)
    second = store_bytes(session=session, files_dir=files_dir, data=b"dua", name="a.pdf", mime="m", now=NOW)
    assert first.relpath != second.relpath
    assert (files_dir / first.relpath).read_bytes() == b"satu"
    assert (files_dir / second.relpath).read_bytes() == b"dua"


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "sub" / "data.bin"
    atomic_write(target, b"x" * 1000)
    atomic_write(target, b"pendek")
    assert target.read_bytes() == b"pendek"
    assert leftovers(tmp_path) == []


def test_a_failed_atomic_write_leaves_no_temporary_file_behind(tmp_path):
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "inside.txt").write_bytes(b"lama")
    with pytest.raises(OSError):
        atomic_write(target, b"baru")  # the rename onto a non-empty folder fails
    assert (target / "inside.txt").read_bytes() == b"lama"
    assert leftovers(tmp_path) == []


def test_store_path_moves_a_finished_file_in_and_records_it(session: Session, tmp_path):
    source = tmp_path / "work" / "extract.zip"
    source.parent.mkdir()
    source.write_bytes(b"PK\x03\x04" + b"z" * 100)
    files_dir = tmp_path / "files"
    record = store_path(
        session=session, files_dir=files_dir, source=source, name="REQ 1.zip", mime="application/zip", now=NOW
    )
    assert not source.exists()
    data = (files_dir / record.relpath).read_bytes()
    assert (record.size, record.sha256, record.original_name) == (
        104,
        hashlib.sha256(data).hexdigest(),
        "REQ_1.zip",
    )


def test_read_checked_returns_the_bytes_of_an_intact_file(session: Session, tmp_path):
    record = store_bytes(session=session, files_dir=tmp_path, data=PDF_BYTES, name="a.pdf", mime="m", now=NOW)
    assert read_checked(files_dir=tmp_path, record=record) == PDF_BYTES


def test_read_checked_detects_a_tampered_file(session: Session, tmp_path):
    record = store_bytes(session=session, files_dir=tmp_path, data=PDF_BYTES, name="a.pdf", mime="m", now=NOW)
    path = tmp_path / record.relpath
    path.write_bytes(PDF_BYTES.replace(b"1.4", b"1.7"))  # same size, other content
    with pytest.raises(UserError) as refused:
        read_checked(files_dir=tmp_path, record=record)
    assert str(refused.value) == "Berkas a.pdf rusak: hash tidak cocok dengan catatan."


def test_read_checked_reports_a_missing_file(session: Session, tmp_path):
    record = store_bytes(session=session, files_dir=tmp_path, data=PDF_BYTES, name="a.pdf", mime="m", now=NOW)
    os.remove(tmp_path / record.relpath)
    with pytest.raises(UserError) as refused:
        read_checked(files_dir=tmp_path, record=record)
    assert str(refused.value) == "Berkas a.pdf tidak ditemukan di penyimpanan."
