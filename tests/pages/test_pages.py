"""Each page under AppTest: what it shows each role, and the clear message it gives on bad input."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from core.i18n import text
from core.models import CartItem, Dataset, User
from tests.conftest import shared_file
from tests.pages.apptest import click, db_session, follow_language, login, new_app, prepared_app_env, texts


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    return prepared_app_env(tmp_path, monkeypatch, demo=True)


def _count(model) -> int:
    with db_session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_visitor_sees_sign_in_register_and_the_catalog(app_env):
    at = new_app()
    at.run()
    assert [t.value for t in at.title] == ["Masuk"]
    at.switch_page("pages/umum/katalog.py").run()
    assert not at.exception
    assert "Masuk sebagai pelanggan untuk memesan data." in texts(at, "info")
    assert len(at.dataframe) == 2  # datasets and the chosen dataset's variables


def test_the_language_switch_shows_english_and_stays_on_other_pages(app_env):
    at = new_app()
    at.run()
    at.selectbox(key="lang").set_value("en").run()
    assert [t.value for t in at.title] == ["Sign in"]
    at.switch_page("pages/umum/katalog.py").run()
    assert [t.value for t in at.title] == ["Microdata catalog"]
    login(at.switch_page("pages/umum/masuk.py"), "pelanggan", "demo12345")
    at.switch_page("pages/pelanggan/permintaan_saya.py").run()
    assert [t.value for t in at.title] == ["My requests"]


def test_a_wrong_password_is_refused_and_counted_in_the_database(app_env):
    at = new_app()
    at.run()
    at.text_input[0].input("pelanggan")
    at.text_input[1].input("salah-sekali")
    at.button[0].click().run()
    assert "Nama pengguna atau kata sandi salah." in texts(at, "error")
    with db_session() as session:
        assert session.exec(select(User).where(User.username == "pelanggan")).one().failed_logins == 1


REGISTRATION_FIELDS = ("username", "email", "full_name", "institution", "npwp", "password")


def _register(at, lang="id", **overrides):
    """Fill the registration form (overrides keyed by the Indonesian label) in `lang` and submit it."""
    values = {
        "Nama pengguna": "budi.swasta",
        "Email": "budi@swasta.id",
        "Nama lengkap": "Budi",
        "Instansi": "PT Kopi",
        "NPWP": "013000666091000",
        "Kata sandi": "rahasia-123",
    }
    values.update(overrides)
    label_in_lang = {text("id", key): text(lang, key) for key in REGISTRATION_FIELDS}
    values = {label_in_lang[label]: value for label, value in values.items()}
    at.switch_page("pages/umum/daftar.py").run()
    for widget in at.text_input:
        if widget.label in values:
            widget.input(values[widget.label])
    at.selectbox(key="reg_segment").set_value("swasta")
    click(at, text(lang, "register_button"))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"NPWP": "013000667091000"}, "NPWP tidak valid (digit pemeriksa tidak cocok)."),
        ({"NPWP": ""}, "NPWP wajib diisi untuk segmen swasta."),
        ({"Email": "bukan-email"}, "Alamat email tidak valid: bukan-email"),
        ({"Email": "PELANGGAN@demo.silastik.id"}, "Email sudah terdaftar."),
        ({"Kata sandi": "pendek"}, "Kata sandi minimal 8 karakter."),
    ],
)
def test_registration_with_bad_input_says_why_and_creates_no_account(app_env, overrides, message):
    users_before = _count(User)
    at = new_app()
    at.run()
    _register(at, **overrides)
    assert message in texts(at, "error")
    assert _count(User) == users_before


def test_with_english_chosen_a_bad_npwp_is_refused_in_english(app_env, monkeypatch):
    users_before = _count(User)
    at = new_app()
    follow_language(at, monkeypatch)
    at.run()
    at.selectbox(key="lang").set_value("en").run()
    _register(at, lang="en", NPWP="013000667091000")
    assert "The NPWP is not valid (its check digit does not match)." in texts(at, "error")
    assert "NPWP tidak valid (digit pemeriksa tidak cocok)." not in texts(at, "error")
    assert _count(User) == users_before


def test_a_customer_cannot_open_officer_pages(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    with pytest.raises(Exception, match="tinjau"):
        at.switch_page("pages/petugas/tinjau.py").run()
    assert [p for p in ("Antrian", "Tinjau Permintaan") if p in str(at)] == []


def test_an_officer_page_stops_anyone_else_with_a_message(app_env):
    at = login(new_app(), "manajer", "demo12345")
    at.switch_page("pages/manajer/dasbor.py").run()
    assert [t.value for t in at.title] == ["Dasbor"]
    officer = login(new_app(), "petugas", "demo12345")
    officer.switch_page("pages/petugas/antrian.py").run()
    assert "Tidak ada permintaan." in texts(officer, "info")


def _cart_with_variables(at):
    pick = at.multiselect[0]
    pick.set_value(pick.options[:2]).run()
    click(at, "Simpan ke keranjang")
    at.switch_page("pages/pelanggan/keranjang.py").run()


def test_submitting_without_an_abstract_is_refused_and_the_cart_is_kept(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    _cart_with_variables(at)
    at.text_area[0].input("Analisis kemiskinan tingkat kecamatan untuk perencanaan daerah")
    at.checkbox[0].check()
    click(at, "Ajukan")
    assert "Abstraksi penggunaan data (PDF) belum diunggah." in texts(at, "error")
    assert _count(CartItem) == 1


def test_an_abstract_that_is_not_a_pdf_is_refused_by_its_content(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    _cart_with_variables(at)
    at.text_area[0].input("Analisis kemiskinan tingkat kecamatan untuk perencanaan daerah")
    at.file_uploader[0].set_value(("abstraksi.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"))
    at.checkbox[0].check()
    click(at, "Ajukan")
    assert "Abstraksi: isi berkas abstraksi.pdf bukan PDF." in texts(at, "error")


def test_a_bad_row_filter_gets_a_message_and_is_not_saved(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    _cart_with_variables(at)
    at.text_input[0].input("R999 = 1; drop table user").run()
    assert any(e.startswith("Filter tidak valid") for e in texts(at, "error"))
    assert "Filter ini tidak disimpan; yang berlaku tetap: -" in texts(at, "warning")
    with db_session() as session:
        assert session.exec(select(CartItem)).one().row_filter == ""


def test_a_typed_valid_filter_is_kept_without_a_save_button(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    _cart_with_variables(at)
    at.text_input[0].input("R405 = 1").run()
    assert "Filter disimpan." in texts(at, "caption")
    with db_session() as session:
        assert session.exec(select(CartItem)).one().row_filter == "R405 = 1"


def _row_count(at) -> int:
    caption = next(c for c in texts(at, "caption") if c.startswith("Jumlah baris terpilih"))
    return int(caption.split(": ")[1].replace(".", ""))


def test_a_good_row_filter_shows_the_live_row_count(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    _cart_with_variables(at)
    assert _row_count(at) == 2000
    at.text_input[0].input("R405 = 2").run()
    shown = _row_count(at)
    assert 0 < shown < 2000


def test_the_officer_imports_a_file_and_a_broken_one_is_refused(app_env):
    before = _count(Dataset)
    at = login(new_app(), "petugas", "demo12345")
    at.switch_page("pages/petugas/katalog_admin.py").run()
    at.file_uploader[0].set_value(("rusak.sav", b"\x00\x01 bukan spss", "application/octet-stream")).run()
    click(at, "Impor")
    assert texts(at, "error") and "rusak.sav" in texts(at, "error")[0]
    assert _count(Dataset) == before
    data = shared_file("formats/sample.zsav").read_bytes()
    at.file_uploader[0].set_value(("sample.zsav", data, "application/octet-stream")).run()
    click(at, "Impor")
    assert any(s.startswith("Dataset sample diimpor") for s in texts(at, "success")), texts(at, "error")
    assert _count(Dataset) == before + 1


def test_the_admin_sees_users_and_the_mail_outbox(app_env):
    at = login(new_app(), "admin", "demo12345")
    assert [t.value for t in at.title] == ["Pengguna"]
    assert len(at.dataframe[0].value) == 4
    at.switch_page("pages/admin/pengaturan.py").run()
    assert [t.value for t in at.title] == ["Pengaturan"]


def test_the_account_page_shows_the_customers_npwp(app_env):
    at = login(new_app(), "pelanggan", "demo12345")
    at.switch_page("pages/umum/akun.py").run()
    assert "**NPWP:** 0013000666091000" in [m.value for m in at.markdown]
