"""Accounts: registration rules, NPWP, passwords, email verification, demo accounts, credentials."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from core.errors import UserError
from core.models import SEGMENTS, OutboxMail, User
from core.settings import get_settings
from core.users import (
    DEMO_PASSWORD,
    Registration,
    check_password,
    create_user,
    credentials,
    ensure_demo_users,
    get_by_username,
    normalise_npwp,
    record_failed_logins,
    register_customer,
    verify_email,
)
from tests.conftest import NOW
from tests.factories import make_user as _make_user

BASE_URL = "https://silastik.example.id"
VALID_NPWP15 = "01.300.066.6-091.000"


def make_user(session: Session, *, username: str, now, email: str | None = None, **extra: object) -> User:
    """tests.factories.make_user, with a chosen email (and its counter primed for a given name)."""
    session.info.setdefault("n", 0)
    user = _make_user(session, username=username, now=now, **extra)
    if email is not None:
        user.email = email
        session.add(user)
        session.flush()
    return user


def a_form(**changes: str) -> Registration:
    values = {
        "username": "dewi",
        "email": "dewi@contoh.id",
        "name": "Dewi Lestari",
        "password": "rahasia-kuat-1",
        "institution": "Universitas Gajah Putih",
        "segment": "perorangan",
        "domicile": "ID",
        "npwp": "",
    }
    return Registration(**{**values, **changes})


def register(session: Session, **changes: str) -> User:
    return register_customer(session=session, form=a_form(**changes), now=NOW, base_url=BASE_URL)


def test_a_new_customer_is_stored_lowercased_unverified_and_with_a_bcrypt_hash(session):
    user = register(session, username="  Dewi.Lestari_1 ", email="Dewi.Lestari@Contoh.ID", name=" Dewi ")
    stored = session.get(User, user.id)
    assert (stored.username, stored.email, stored.name) == (
        "dewi.lestari_1",
        "dewi.lestari@contoh.id",
        "Dewi",
    )
    assert (stored.role, stored.email_verified, stored.created_at) == ("customer", False, NOW)
    assert stored.password_hash.startswith("$2b$")
    assert check_password("rahasia-kuat-1", stored.password_hash)
    assert not check_password("rahasia-kuat-2", stored.password_hash)


@pytest.mark.parametrize("username", ["ab", "a" * 33, "dewi lestari", "dewi!", "dewi@contoh", "", "dëwi"])
def test_a_username_outside_the_pattern_is_refused(session, username):
    with pytest.raises(UserError, match="Nama pengguna 3-32 karakter"):
        register(session, username=username)
    assert session.exec(select(User)).all() == []


@pytest.mark.parametrize("username", ["abc", "a" * 32, "dewi.l-1_x"])
def test_a_username_inside_the_pattern_is_accepted(session, username):
    assert register(session, username=username).username == username


@pytest.mark.parametrize(
    "email", ["bukan-email", "dewi@", "@contoh.id", "dewi@contoh", "dewi @contoh.id", "dewi@@contoh.id"]
)
def test_an_invalid_email_is_refused_with_the_address_in_the_message(session, email):
    with pytest.raises(UserError) as refused:
        register(session, email=email)
    assert str(refused.value) == f"Alamat email tidak valid: {email}"


def test_usernames_are_unique_whatever_their_case(session):
    make_user(session, username="Dewi", now=NOW, email="lain@contoh.id")
    with pytest.raises(UserError, match="Nama pengguna sudah dipakai"):
        register(session, username="DEWI")
    with pytest.raises(UserError, match="Nama pengguna sudah dipakai"):
        register(session, username="dewi")


def test_emails_are_unique_whatever_their_case(session):
    make_user(session, username="lain", now=NOW, email="Dewi@Contoh.id")
    with pytest.raises(UserError, match="Email sudah terdaftar"):
        register(session, email="DEWI@CONTOH.ID")
    register(session, username="dewi2", email="dewi2@contoh.id")
    with pytest.raises(UserError, match="Email sudah terdaftar"):
        register(session, username="dewi3", email="Dewi2@contoh.id")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Nama lengkap wajib diisi"),
        ("segment", "bumn", "Segmen pengguna tidak dikenal"),
        ("domicile", "SG", "Domisili harus Indonesia atau luar negeri"),
    ],
)
def test_a_blank_name_an_unknown_segment_or_domicile_is_refused(session, field, value, message):
    with pytest.raises(UserError, match=message):
        register(session, **{field: value})


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        (VALID_NPWP15, "0013000666091000"),
        ("013000666091000", "0013000666091000"),
        ("0013000666091000", "0013000666091000"),
        ("3171011501900001", "3171011501900001"),  # NPWP16 as a NIK
        (" 01 300 066 6 091 000 ", "0013000666091000"),
    ],
)
def test_a_private_customer_needs_an_npwp_stored_as_16_digits(session, raw, stored):
    user = register(session, segment="swasta", npwp=raw)
    assert session.get(User, user.id).npwp == stored


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "NPWP wajib diisi untuk segmen swasta"),
        ("01.300.066.7-091.000", "digit pemeriksa tidak cocok"),  # Luhn digit changed
        ("0013000667091000", "digit pemeriksa tidak cocok"),
        ("3171013201900001", "digit pemeriksa tidak cocok"),  # NIK with day 32
        ("01.300.066.6-091.00A", "15 atau 16 digit angka"),
        ("NPWP013000666091", "15 atau 16 digit angka"),
        ("01300066609100", "15 atau 16 digit angka"),
        ("00013000666091000", "15 atau 16 digit angka"),
    ],
)
def test_a_missing_malformed_or_wrong_npwp_is_refused_for_swasta(session, raw, message):
    with pytest.raises(UserError, match=message):
        register(session, segment="swasta", npwp=raw)
    assert session.exec(select(User)).all() == []


@pytest.mark.parametrize("segment", [s for s in SEGMENTS if s != "swasta"])
def test_other_segments_register_without_an_npwp(session, segment):
    user = register(session, segment=segment, npwp="")
    assert (user.segment, user.npwp) == (segment, None)


def test_normalise_npwp_can_be_called_alone():
    assert normalise_npwp("01.312.166.0-091.000") == "0013121660091000"


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("1234567", False),
        ("12345678", True),
        ("x" * 72, True),
        ("x" * 73, False),
        ("é" * 36, True),  # 36 characters, 72 bytes
        ("é" * 37, False),  # 37 characters, 74 bytes: bcrypt 5 would raise
    ],
)
def test_passwords_need_8_characters_and_at_most_72_bytes(session, password, accepted):
    if accepted:
        user = register(session, password=password)
        assert check_password(password, user.password_hash)
    else:
        with pytest.raises(UserError, match="Kata sandi (minimal 8 karakter|maksimal 72 byte)"):
            register(session, password=password)


def test_checking_a_password_over_72_bytes_answers_no_instead_of_raising(session):
    user = register(session, password="x" * 72)
    assert check_password("x" * 73, user.password_hash) is False


def test_registration_queues_a_verification_mail_with_the_link(session):
    user = register(session, email="Dewi@Contoh.id")
    mail = session.exec(select(OutboxMail)).one()
    assert (mail.to, mail.subject, mail.created_at, mail.sent_at) == (
        "dewi@contoh.id",
        "Verifikasi email Silastik Mikro",
        NOW,
        None,
    )
    assert f"{BASE_URL}/?verify={user.verify_token}" in mail.body
    assert mail.body.startswith("Halo Dewi Lestari,")


def test_the_verification_link_has_no_double_slash_when_the_base_url_ends_with_one(session):
    user = register_customer(session=session, form=a_form(), now=NOW, base_url=BASE_URL + "/")
    mail = session.exec(select(OutboxMail)).one()
    assert f"{BASE_URL}/?verify={user.verify_token}\n" in mail.body


def test_without_a_base_url_the_link_points_at_the_configured_app(session):
    user = register_customer(session=session, form=a_form(), now=NOW)
    mail = session.exec(select(OutboxMail)).one()
    assert f"{get_settings().base_url.rstrip('/')}/?verify={user.verify_token}" in mail.body


def test_the_verification_token_works_once(session):
    user = register(session)
    token = user.verify_token
    assert token and len(token) >= 32
    verified = verify_email(session=session, token=token)
    assert (verified.id, verified.email_verified, verified.verify_token) == (user.id, True, None)
    with pytest.raises(UserError, match="tidak valid atau sudah dipakai"):
        verify_email(session=session, token=token)
    with pytest.raises(UserError, match="tidak valid atau sudah dipakai"):
        verify_email(session=session, token="")


def test_an_admin_made_account_is_verified_and_its_role_checked(session):
    officer = create_user(
        session=session,
        username="Petugas2",
        email="Petugas2@BPS.go.id",
        name="Petugas Dua",
        role="officer",
        password="rahasia-petugas",
        now=NOW,
        institution="BPS Bener Meriah",
    )
    assert (officer.username, officer.email, officer.email_verified, officer.institution) == (
        "petugas2",
        "petugas2@bps.go.id",
        True,
        "BPS Bener Meriah",
    )
    with pytest.raises(UserError, match="Peran tidak dikenal: superuser"):
        create_user(
            session=session,
            username="x1",
            email="x1@contoh.id",
            name="X",
            role="superuser",
            password="rahasia-123",
            now=NOW,
        )


def test_get_by_username_ignores_case_and_surrounding_spaces(session):
    user = make_user(session, username="budi", now=NOW)
    assert get_by_username(session=session, username="  BUDI ").id == user.id
    assert get_by_username(session=session, username="budi2") is None


def test_ensure_demo_users_makes_four_accounts_once(session):
    made = ensure_demo_users(session=session, now=NOW)
    assert [(u.username, u.role) for u in made] == [
        ("pelanggan", "customer"),
        ("petugas", "officer"),
        ("manajer", "manager"),
        ("admin", "admin"),
    ]
    assert all(check_password(DEMO_PASSWORD, u.password_hash) and u.email_verified for u in made)
    assert ensure_demo_users(session=session, now=NOW) == []
    assert len(session.exec(select(User)).all()) == 4
    customer = get_by_username(session=session, username="pelanggan")
    assert (customer.segment, customer.npwp) == ("swasta", "0013000666091000")


def test_ensure_demo_users_adds_only_the_missing_ones(session):
    make_user(session, username="petugas", role="officer", now=NOW)
    made = ensure_demo_users(session=session, now=NOW)
    assert [u.username for u in made] == ["pelanggan", "manajer", "admin"]


def test_credentials_have_the_shape_streamlit_authenticator_reads(session):
    customer = make_user(session, username="budi", now=NOW, failed_logins=2)
    make_user(session, username="sari", role="manager", now=NOW)
    creds = credentials(session=session)
    assert set(creds) == {"usernames"}
    assert set(creds["usernames"]) == {"budi", "sari"}
    assert creds["usernames"]["budi"] == {
        "email": "budi@contoh.id",
        "first_name": "Budi",
        "last_name": "",
        "password": customer.password_hash,
        "roles": ["customer"],
        "failed_login_attempts": 2,
        "logged_in": False,
    }
    assert creds["usernames"]["sari"]["roles"] == ["manager"]


def test_failed_login_counts_are_written_back_to_the_database(engine):
    with Session(engine) as first:
        make_user(first, username="budi", now=NOW)
        record_failed_logins(session=first, username="Budi", count=3)
        record_failed_logins(session=first, username="tidak-ada", count=9)  # ignored
        first.commit()
    with Session(engine) as second:
        assert get_by_username(session=second, username="budi").failed_logins == 3
        assert credentials(session=second)["usernames"]["budi"]["failed_login_attempts"] == 3
        record_failed_logins(session=second, username="budi", count=0)
        second.commit()
    with Session(engine) as third:
        assert get_by_username(session=third, username="budi").failed_logins == 0
