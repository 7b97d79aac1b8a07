"""The whole service through the pages, with Streamlit's AppTest: registration to rating."""

from __future__ import annotations

import zipfile
from datetime import date

import pyreadstat
import pytest
from sqlmodel import select

from catalog.importer import import_dataset
from core.clock import utcnow
from core.db import make_engine, session_scope
from core.models import DataRequest, Delivery, Invoice, OutboxMail, Rating, StoredFile
from core.settings import get_settings
from core.users import ensure_demo_users
from tests.conftest import shared_file
from tests.factories import PDF_BYTES
from tests.pages.apptest import click, db_session, login, new_app, prepared_app_env, texts

CHOSEN = ["R101", "R405", "R407"]


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """The app on a fresh SQLite database whose catalog holds the real Susenas 2020 sample."""
    susenas = shared_file("bps/SUSENAS2020.sav")
    data_dir = prepared_app_env(tmp_path, monkeypatch, demo=False)
    engine = make_engine(get_settings().db_url)
    with session_scope(engine) as session:
        ensure_demo_users(session=session, now=utcnow())
        import_dataset(session=session, path=susenas, catalog_dir=get_settings().catalog_dir, now=utcnow())
    engine.dispose()
    return data_dir


def test_a_request_runs_from_registration_to_rating_through_the_pages(app_env, tmp_path):
    # The customer registers (swasta, with NPWP) and opens the verification link.
    at = new_app()
    at.switch_page("pages/umum/daftar.py").run()
    fields = {w.label: w for w in at.text_input}
    fields["Nama pengguna"].input("gayo.riset")
    fields["Email"].input("riset@gayo.id")
    fields["Nama lengkap"].input("Rahmat Gayo")
    fields["Instansi"].input("CV Riset Gayo")
    fields["NPWP"].input("013000666091000")
    fields["Kata sandi"].input("kopi-gayo-2026")
    at.selectbox(key="reg_segment").set_value("swasta")
    click(at, "Daftar")
    assert any("Tautan verifikasi" in s for s in texts(at, "success")), texts(at, "error")
    with db_session() as session:
        token = session.exec(select(OutboxMail)).all()[-1].body.split("verify=")[1].split()[0]
    at = new_app()
    at.query_params["verify"] = token
    at.run()
    assert "Email Anda telah terverifikasi." in texts(at, "success")
    again = new_app()
    again.query_params["verify"] = token  # a used link says so
    again.run()
    assert "Tautan verifikasi tidak valid atau sudah dipakai." in texts(again, "error")

    # It signs in, picks variables in the catalog and submits from the cart.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    assert [t.value for t in at.title] == ["Katalog data mikro"]
    at.multiselect[0].set_value(CHOSEN).run()
    click(at, "Simpan ke keranjang")
    at.switch_page("pages/pelanggan/keranjang.py").run()
    at.text_area[0].input("Kajian pola konsumsi rumah tangga di Bener Meriah untuk skripsi")
    at.selectbox(key="cart_format").set_value("sav")
    at.file_uploader[0].set_value(("abstraksi.pdf", PDF_BYTES, "application/pdf"))
    at.checkbox[0].check()
    click(at, "Ajukan")
    assert not at.exception, at.exception
    with db_session() as session:
        req = session.exec(select(DataRequest).where(DataRequest.status != "draft")).one()
        assert req.status == "submitted"

    # The customer asks a question in the request's thread.
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()  # AppTest keeps the last page it was sent to
    at.text_area(key=f"message_{req.id}").input("Apakah data bisa dikirim minggu ini?")
    click(at, "Kirim pesan")
    assert "Pesan terkirim." in texts(at, "success")

    # The officer reads it, approves, builds extract and sample, and issues invoice and SPPD.
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/tinjau.py").run()
    assert "Apakah data bisa dikirim minggu ini?" in [m.value for m in officer.text]
    click(officer, "Setujui")
    click(officer, "Bangun ekstrak dan contoh data")
    click(officer, "Terbitkan invoice dan SPPD")
    assert _status() == "awaiting_payment"

    # The customer sees sample, invoice and SPPD to download.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Contoh data (v1)", "Invoice (v1)", "SPPD (v1)"]

    # The officer records billing code, payment (NTPN) and the SPPD originals, then delivers.
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/tinjau.py").run()
    officer.text_input[0].input("82026")
    click(officer, "Simpan kode billing")
    # the error stays on screen, not lost in a rerun
    assert "Kode billing SIMPONI harus 15 digit angka." in texts(officer, "error")
    officer.text_input[0].input("820261234567890")
    click(officer, "Simpan kode billing")
    with db_session() as session:
        amount = session.exec(select(Invoice)).one().amount_idr
    officer.text_input[1].input("0A1B2C3D4E5F6G7H")
    officer.date_input[0].set_value(date.today())
    officer.number_input[0].set_value(amount)
    click(officer, "Catat pembayaran")
    click(officer, "SPPD asli sudah diterima")
    assert _status() == "ready"
    click(officer, "Kirim kuitansi dan data")
    assert _status() == "delivered"

    # The customer downloads receipt and data, asks for a revision; the officer sends the fix.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()
    labels = [b.label for b in at.get("download_button")]
    assert "Kuitansi (v1)" in labels and "Data mikro (v1)" in labels
    at.text_area(key="revision_reason").input("Label variabel kedua terpotong")
    click(at, "Kirim permintaan perbaikan")
    assert _status() == "revision"
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/tinjau.py").run()
    click(officer, "Kirim data perbaikan")
    assert _status() == "delivered"

    # The customer accepts and rates the service.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()
    assert "Data mikro (v2)" in [b.label for b in at.get("download_button")]
    click(at, "Terima data (selesai)")
    assert _status() == "closed"
    at.slider(key="ikm_3").set_value(3)
    click(at, "Kirim penilaian")
    assert "Terima kasih atas penilaian Anda." in texts(at, "success")
    with db_session() as session:
        assert session.exec(select(Rating)).one().scores_json == "[4, 4, 3, 4, 4, 4, 4, 4, 4]"
    _assert_delivered_file_holds_the_order(tmp_path)


def _assert_delivered_file_holds_the_order(tmp_path):
    """The newest delivered package: exactly the chosen variables, every Susenas row, the labels."""
    with db_session() as session:
        delivery = session.exec(select(Delivery).order_by(Delivery.id.desc())).first()
        stored = session.get(StoredFile, delivery.data_file_id)
    with zipfile.ZipFile(get_settings().files_dir / stored.relpath) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".sav"))
        target = tmp_path / name
        target.write_bytes(archive.read(name))
    frame, meta = pyreadstat.read_sav(str(target))
    assert list(frame.columns) == CHOSEN and len(frame) == 24_915
    assert [meta.column_names_to_labels[c] for c in CHOSEN] == ["Provinsi", "Jenis kelamin", "Umur"]


def _status() -> str:
    with db_session() as session:
        return session.exec(select(DataRequest.status).where(DataRequest.status != "draft")).one()
