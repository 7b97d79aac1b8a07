"""The whole service through the pages, with Streamlit's AppTest: registration to rating."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from core.models import DataRequest, Invoice, OutboxMail, Rating
from tests.factories import PDF_BYTES
from tests.pages.apptest import click, db_session, login, new_app, prepared_app_env, texts


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    return prepared_app_env(tmp_path, monkeypatch, demo=True)


def test_a_request_runs_from_registration_to_rating_through_the_pages(app_env):
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

    # It signs in, picks variables in the catalog and submits from the cart.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    assert [t.value for t in at.title] == ["Katalog data mikro"]
    pick = at.multiselect[0]
    pick.set_value(pick.options[:3]).run()
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

    # The officer approves, builds extract and sample, and issues invoice and SPPD.
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/tinjau.py").run()
    click(officer, "Setujui")
    click(officer, "Bangun ekstrak dan contoh data")
    click(officer, "Terbitkan invoice dan SPPD")
    assert _status() == "awaiting_payment"

    # The customer sees sample, invoice and SPPD to download.
    at = login(new_app(), "gayo.riset", "kopi-gayo-2026")
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["⬇️ Contoh data (v1)", "⬇️ Invoice (v1)", "⬇️ SPPD (v1)"]

    # The officer records billing code, payment (NTPN) and the SPPD originals, then delivers.
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/tinjau.py").run()
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
    assert "⬇️ Kuitansi (v1)" in labels and "⬇️ Data mikro (v1)" in labels
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
    assert "⬇️ Data mikro (v2)" in [b.label for b in at.get("download_button")]
    click(at, "Terima data (selesai)")
    assert _status() == "closed"
    at.slider(key="ikm_3").set_value(3)
    click(at, "Kirim penilaian")
    assert "Terima kasih atas penilaian Anda." in texts(at, "success")
    with db_session() as session:
        assert session.exec(select(Rating)).one().scores_json == "[4, 4, 3, 4, 4, 4, 4, 4, 4]"


def _status() -> str:
    with db_session() as session:
        return session.exec(select(DataRequest.status).where(DataRequest.status != "draft")).one()
