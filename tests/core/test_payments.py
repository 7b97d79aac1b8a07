"""Payments: SIMPONI billing code and NTPN, or a transfer proof the officer verifies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from core import payments
from core.errors import PermissionDenied, UserError
from core.files import read_checked
from core.models import AuditEvent, DataRequest, Invoice, Payment, StoredFile, User
from core.settings import Settings
from core.uploads import Upload
from tests.conftest import NOW
from tests.factories import PDF_BYTES, add_invoice, make_request, make_user

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
BILLING = "820261234567890"
NTPN = "A1B2C3D4E5F6G7H8"
AMOUNT = 20_000


@pytest.fixture
def settings(data_dir) -> Settings:
    return Settings(DATA_DIR=data_dir, SILASTIK_DEMO=False, DATABASE_URL="")


@pytest.fixture
def people(session: Session) -> dict[str, User]:
    return {
        "customer": make_user(session, now=NOW, domicile="abroad"),
        "officer": make_user(session, role="officer", now=NOW),
        "stranger": make_user(session, now=NOW),
        "manager": make_user(session, role="manager", now=NOW),
    }


def awaiting(session: Session, customer: User, *, amount_idr: int = AMOUNT) -> DataRequest:
    req = make_request(session, customer=customer, status="awaiting_payment", now=NOW)
    add_invoice(session, req, now=NOW, amount_idr=amount_idr)
    return req


def pay(session: Session, req: DataRequest, officer: User, **changes: object) -> Payment:
    values: dict[str, object] = {"ntpn": NTPN, "paid_on": NOW.date(), "amount_idr": AMOUNT, "now": NOW}
    values.update(changes)
    return payments.record_payment(session=session, request_id=req.id, actor=officer, **values)  # type: ignore[arg-type]


def upload(session: Session, settings: Settings, req: DataRequest, actor: User, name: str, data: bytes):
    return payments.upload_transfer_proof(
        session=session, settings=settings, request_id=req.id, actor=actor, upload=Upload(name, data), now=NOW
    )


def status_of(session: Session, req: DataRequest) -> str:
    session.refresh(req)
    return req.status


def test_the_officer_records_a_15_digit_billing_code_and_may_reissue_it(session, people):
    req = awaiting(session, people["customer"])
    first = payments.record_billing_code(
        session=session, request_id=req.id, actor=people["officer"], billing_code=f" {BILLING} ", now=NOW
    )
    assert (first.method, first.billing_code, first.confirmed, first.recorded_by) == (
        "simponi",
        BILLING,
        False,
        people["officer"].id,
    )
    later = NOW + timedelta(days=2)
    again = payments.record_billing_code(
        session=session, request_id=req.id, actor=people["officer"], billing_code="820269999999999", now=later
    )
    assert (again.id, again.billing_code, again.recorded_at) == (first.id, "820269999999999", later)
    assert len(session.exec(select(Payment)).all()) == 1
    assert status_of(session, req) == "awaiting_payment"


@pytest.mark.parametrize(
    "code", ["82026123456789", "8202612345678901", "82026123456789A", "820 2612345678 9", ""]
)
def test_a_billing_code_that_is_not_15_digits_is_refused(session, people, code):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError, match="Kode billing SIMPONI harus 15 digit angka"):
        payments.record_billing_code(
            session=session, request_id=req.id, actor=people["officer"], billing_code=code, now=NOW
        )
    assert payments.payment_of(session, req.id) is None


def test_a_payment_with_the_invoices_amount_is_confirmed_once(session, people):
    req = awaiting(session, people["customer"])
    payment = pay(session, req, people["officer"], ntpn=" a1b2c3d4e5f6g7h8 ")
    assert (payment.ntpn, payment.paid_on, payment.amount_idr, payment.confirmed, payment.recorded_by) == (
        NTPN,
        NOW.date(),
        AMOUNT,
        True,
        people["officer"].id,
    )
    assert status_of(session, req) == "awaiting_payment"  # the SPPD originals have not arrived yet
    audit = session.exec(select(AuditEvent).where(AuditEvent.request_id == req.id)).one()
    assert (audit.event, audit.actor_id) == ("record_payment", people["officer"].id)


@pytest.mark.parametrize(
    "ntpn", ["A1B2C3D4E5F6G7H", "A1B2C3D4E5F6G7H89", "A1B2-C3D4E5F6G7H", "A1B2C3D4E5F6G7Ç8", ""]
)
def test_an_ntpn_that_is_not_16_letters_and_digits_is_refused(session, people, ntpn):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError, match="NTPN harus 16 karakter huruf dan angka"):
        pay(session, req, people["officer"], ntpn=ntpn)
    assert payments.payment_of(session, req.id) is None
    assert status_of(session, req) == "awaiting_payment"


@pytest.mark.parametrize("amount", [AMOUNT - 1, AMOUNT + 1, 0])
def test_an_amount_other_than_the_invoices_is_refused(session, people, amount):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError) as refused:
        pay(session, req, people["officer"], amount_idr=amount)
    assert str(refused.value) == (
        f"Jumlah bayar Rp{amount:,} tidak sama dengan tagihan Rp20.000.".replace(",", ".")
    )
    assert payments.payment_of(session, req.id) is None


def test_the_latest_invoice_sets_the_amount(session, people):
    req = awaiting(session, people["customer"])
    session.add(
        Invoice(
            request_id=req.id,
            number="INV/UJI/ULANG",
            issued_at=NOW,
            valid_until=NOW + timedelta(days=30),
            amount_idr=42_000,
        )
    )
    with pytest.raises(UserError, match="tidak sama dengan tagihan Rp42.000"):
        pay(session, req, people["officer"])
    assert pay(session, req, people["officer"], amount_idr=42_000).amount_idr == 42_000


def test_a_payment_without_an_invoice_is_refused(session, people):
    req = make_request(session, customer=people["customer"], status="awaiting_payment", now=NOW)
    with pytest.raises(UserError, match="Invoice belum diterbitkan"):
        pay(session, req, people["officer"])


def test_a_payment_is_never_recorded_twice(session, people):
    req = awaiting(session, people["customer"])
    pay(session, req, people["officer"])
    with pytest.raises(UserError, match="sudah tercatat"):
        pay(session, req, people["officer"], ntpn="Z9Y8X7W6V5U4T3S2")
    with pytest.raises(UserError):
        pay(session, req, people["officer"])
    with pytest.raises(UserError, match="sudah tercatat"):
        payments.record_billing_code(
            session=session, request_id=req.id, actor=people["officer"], billing_code=BILLING, now=NOW
        )
    only = session.exec(select(Payment)).one()
    assert (only.ntpn, only.amount_idr) == (NTPN, AMOUNT)


def test_the_same_ntpn_is_refused_on_another_request(session, people):
    first = awaiting(session, people["customer"])
    second = awaiting(session, people["stranger"])
    pay(session, first, people["officer"])
    with pytest.raises(UserError, match="NTPN ini sudah dipakai untuk pembayaran lain"):
        pay(session, second, people["officer"], ntpn=NTPN.lower())
    assert payments.payment_of(session, second.id) is None


def test_a_payment_date_in_the_future_is_refused(session, people):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError, match="Tanggal bayar tidak boleh di masa depan"):
        pay(session, req, people["officer"], paid_on=NOW.date() + timedelta(days=1))
    assert pay(session, req, people["officer"], paid_on=NOW.date() - timedelta(days=3)).confirmed


def test_a_payment_made_today_in_jakarta_is_accepted_before_seven_in_the_morning(session, people):
    req = awaiting(session, people["customer"])
    early = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # 2 December 2026, 06:30 WIB
    assert pay(session, req, people["officer"], paid_on=date(2026, 12, 2), now=early).confirmed


def test_payment_and_sppd_in_either_order_make_the_request_ready(session, people):
    req = awaiting(session, people["customer"])
    payments.receive_sppd(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    assert status_of(session, req) == "awaiting_payment"
    assert req.sppd_received_at == NOW
    pay(session, req, people["officer"])
    assert status_of(session, req) == "ready"


def test_a_payment_is_recorded_only_while_awaiting_payment(session, people):
    req = make_request(session, customer=people["customer"], status="approved", now=NOW)
    add_invoice(session, req, now=NOW)
    with pytest.raises(UserError, match="tidak berlaku pada status"):
        pay(session, req, people["officer"])


@pytest.mark.parametrize("who", ["customer", "manager", "stranger"])
def test_only_an_officer_records_billing_codes_payments_and_sppd(session, people, who):
    req = awaiting(session, people["customer"])
    actor = people[who]
    with pytest.raises(PermissionDenied):
        payments.record_billing_code(
            session=session, request_id=req.id, actor=actor, billing_code=BILLING, now=NOW
        )
    with pytest.raises(PermissionDenied):
        pay(session, req, actor)
    with pytest.raises(PermissionDenied):
        payments.verify_transfer(session=session, request_id=req.id, actor=actor, now=NOW)
    with pytest.raises(PermissionDenied):
        payments.receive_sppd(session=session, request_id=req.id, actor=actor, now=NOW)
    assert payments.payment_of(session, req.id) is None
    assert status_of(session, req) == "awaiting_payment" and req.sppd_received_at is None


def test_a_customer_abroad_uploads_a_proof_and_the_officer_verifies_it(session, people, settings):
    req = awaiting(session, people["customer"])
    payments.receive_sppd(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    proof = upload(session, settings, req, people["customer"], "bukti transfer.png", PNG_BYTES)
    assert (proof.method, proof.amount_idr, proof.confirmed, proof.paid_on) == (
        "transfer",
        AMOUNT,
        False,
        None,
    )
    stored = session.get(StoredFile, proof.proof_file_id)
    assert (stored.mime, stored.original_name) == ("image/png", "bukti_transfer.png")
    assert read_checked(files_dir=settings.files_dir, record=stored) == PNG_BYTES
    assert status_of(session, req) == "awaiting_payment"

    later = NOW + timedelta(days=1)
    verified = payments.verify_transfer(
        session=session, request_id=req.id, actor=people["officer"], now=later, note="sesuai rekening koran"
    )
    assert (verified.confirmed, verified.paid_on, verified.recorded_by) == (
        True,
        later.date(),
        people["officer"].id,
    )
    assert status_of(session, req) == "ready"
    audit = session.exec(select(AuditEvent).where(AuditEvent.event == "verify_transfer")).one()
    assert audit.note == "sesuai rekening koran"
    with pytest.raises(UserError, match="tidak berlaku pada status"):
        payments.verify_transfer(session=session, request_id=req.id, actor=people["officer"], now=later)


def test_a_transfer_is_verified_only_once(session, people, settings):
    req = awaiting(session, people["customer"])
    upload(session, settings, req, people["customer"], "bukti.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16)
    payments.verify_transfer(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    assert status_of(session, req) == "awaiting_payment"  # SPPD still missing
    with pytest.raises(UserError, match="sudah tercatat"):
        payments.verify_transfer(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    assert len(session.exec(select(AuditEvent).where(AuditEvent.event == "verify_transfer")).all()) == 1


def test_a_transfer_verified_early_on_new_years_day_counts_on_that_day(session, people, settings):
    req = awaiting(session, people["customer"])
    upload(session, settings, req, people["customer"], "bukti.png", PNG_BYTES)
    early = datetime(2026, 12, 31, 23, 0, tzinfo=UTC)  # 1 January 2027, 06:00 WIB
    verified = payments.verify_transfer(
        session=session, request_id=req.id, actor=people["officer"], now=early
    )
    assert verified.paid_on == date(2027, 1, 1)


def test_a_new_proof_replaces_the_earlier_one_before_verification(session, people, settings):
    req = awaiting(session, people["customer"])
    first = upload(session, settings, req, people["customer"], "bukti.png", PNG_BYTES)
    second = upload(session, settings, req, people["customer"], "bukti.pdf", PDF_BYTES)
    assert second.id == first.id
    assert session.get(StoredFile, second.proof_file_id).mime == "application/pdf"


def test_a_stranger_or_an_officer_cannot_upload_the_customers_proof(session, people, settings):
    req = awaiting(session, people["customer"])
    for who in ("stranger", "officer"):
        with pytest.raises(PermissionDenied):
            upload(session, settings, req, people[who], "bukti.png", PNG_BYTES)
    assert payments.payment_of(session, req.id) is None


@pytest.mark.parametrize("status", ["submitted", "approved", "ready", "delivered", "expired"])
def test_a_proof_is_accepted_only_while_awaiting_payment(session, people, settings, status):
    req = make_request(session, customer=people["customer"], status=status, now=NOW)
    add_invoice(session, req, now=NOW)
    with pytest.raises(UserError, match="hanya dapat diunggah saat menunggu pembayaran"):
        upload(session, settings, req, people["customer"], "bukti.png", PNG_BYTES)
    assert payments.payment_of(session, req.id) is None


@pytest.mark.parametrize(
    ("name", "data"),
    [("bukti.png", b"<html>bukan gambar</html>"), ("bukti.pdf", b"PK\x03\x04zip"), ("bukti.jpg", b"GIF89a")],
)
def test_a_proof_must_be_pdf_png_or_jpeg_by_content(session, people, settings, name, data):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError) as refused:
        upload(session, settings, req, people["customer"], name, data)
    assert str(refused.value) == f"Bukti transfer: isi berkas {name} bukan PDF, PNG, JPEG."
    assert payments.payment_of(session, req.id) is None


def test_verifying_without_a_proof_is_refused(session, people):
    req = awaiting(session, people["customer"])
    with pytest.raises(UserError, match="belum mengunggah bukti transfer"):
        payments.verify_transfer(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    payments.record_billing_code(
        session=session, request_id=req.id, actor=people["officer"], billing_code=BILLING, now=NOW
    )
    with pytest.raises(UserError, match="belum mengunggah bukti transfer"):
        payments.verify_transfer(session=session, request_id=req.id, actor=people["officer"], now=NOW)
    assert payments.payment_of(session, req.id).confirmed is False
    assert status_of(session, req) == "awaiting_payment"


def test_a_proof_after_a_confirmed_payment_is_refused(session, people, settings):
    req = awaiting(session, people["customer"])
    pay(session, req, people["officer"])
    with pytest.raises(UserError, match="sudah tercatat"):
        upload(session, settings, req, people["customer"], "bukti.png", PNG_BYTES)
    assert payments.payment_of(session, req.id).proof_file_id is None


def test_no_payment_is_recorded_on_an_expired_invoice(session, people, settings):
    req = awaiting(session, people["customer"])
    invoice = session.exec(select(Invoice).where(Invoice.request_id == req.id)).one()
    late = invoice.valid_until
    with pytest.raises(UserError, match="sudah kedaluwarsa"):
        pay(session, req, people["officer"], now=late, paid_on=late.date())
    with pytest.raises(UserError, match="sudah kedaluwarsa"):
        payments.upload_transfer_proof(
            session=session,
            settings=settings,
            request_id=req.id,
            actor=people["customer"],
            upload=Upload("b.png", PNG_BYTES),
            now=late,
        )
    assert session.exec(select(Payment)).all() == []
    assert list((settings.files_dir).rglob("*.png")) == []  # the refused proof was not stored


def test_a_customer_in_indonesia_pays_by_billing_code_not_by_transfer_proof(session, people, settings):
    domestic = make_user(session, now=NOW, domicile="ID")
    req = awaiting(session, domestic)
    with pytest.raises(UserError, match="kode billing SIMPONI"):
        upload(session, settings, req, domestic, "bukti.png", PNG_BYTES)


def test_a_payment_of_an_earlier_smaller_invoice_does_not_settle_a_newer_one(session, people):
    req = awaiting(session, people["customer"])
    pay(session, req, people["officer"])
    add_invoice(session, req, now=NOW, amount_idr=95_000)
    from core.workflow import payment_settled

    assert payment_settled(session, req) is False
