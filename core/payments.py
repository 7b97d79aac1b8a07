"""Payment records: SIMPONI billing code and NTPN, or an uploaded transfer proof verified by an officer."""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlmodel import Session, select

from core import workflow
from core.clock import local_date
from core.doclog import add_document
from core.errors import PermissionDenied, UserError
from core.files import store_bytes
from core.i18n import Msg
from core.models import Payment, User
from core.money import format_idr
from core.requests import get_request
from core.settings import Settings
from core.staff import claim, officer_request
from core.uploads import Upload, check_upload
from core.workflow import payment_of

BILLING_CODE = re.compile(r"^\d{15}$")
NTPN = re.compile(r"^[A-Z0-9]{16}$")


def _invoice_amount(session: Session, request_id: int, now: datetime) -> int:
    """The amount of the newest invoice, refused once it has expired."""
    req = session.get(workflow.DataRequest, request_id)
    invoice = workflow.latest_invoice(session, req) if req else None
    if invoice is None:
        raise UserError("err_invoice_not_issued")
    if now >= invoice.valid_until:
        raise UserError("err_invoice_expired", number=invoice.number)
    return invoice.amount_idr


def _open_payment(session: Session, request_id: int, method: str, now: datetime) -> Payment:
    payment = payment_of(session, request_id)
    if payment is not None and payment.confirmed:
        raise UserError("err_payment_already_recorded")
    if payment is None:
        payment = Payment(request_id=request_id, method=method, recorded_at=now)
    payment.method = method
    return payment


def record_billing_code(
    *,
    session: Session,
    request_id: int,
    actor: User,
    billing_code: str,
    now: datetime,
    seen_version: int | None = None,
) -> Payment:
    """Record (or reissue) the SIMPONI billing code for a domestic payment."""
    req = officer_request(session, request_id, actor, "awaiting_payment", seen_version=seen_version)
    code = billing_code.strip()
    if not BILLING_CODE.match(code):
        raise UserError("err_billing_code_format")
    payment = _open_payment(session, request_id, "simponi", now)
    payment.billing_code, payment.recorded_by, payment.recorded_at = code, actor.id, now
    session.add(payment)
    claim(session, req, req.version)
    return payment


def record_payment(
    *,
    session: Session,
    request_id: int,
    actor: User,
    ntpn: str,
    paid_on: date,
    amount_idr: int,
    now: datetime,
    seen_version: int | None = None,
) -> Payment:
    """Record a SIMPONI payment by its NTPN; the amount must match the invoice."""
    officer_request(session, request_id, actor, "awaiting_payment", seen_version=seen_version)
    code = ntpn.strip().upper()
    if not NTPN.match(code):
        raise UserError("err_ntpn_format")
    expected = _invoice_amount(session, request_id, now)
    if amount_idr != expected:
        raise UserError("err_amount_mismatch", paid=format_idr(amount_idr), due=format_idr(expected))
    if paid_on > local_date(now):
        raise UserError("err_paid_on_future")
    if session.exec(select(Payment).where(Payment.ntpn == code)).first():
        raise UserError("err_ntpn_used")
    payment = _open_payment(session, request_id, "simponi", now)
    payment.ntpn, payment.paid_on, payment.amount_idr = code, paid_on, amount_idr
    payment.confirmed, payment.recorded_by, payment.recorded_at = True, actor.id, now
    session.add(payment)
    session.flush()
    workflow.fire(session=session, request_id=request_id, event="record_payment", actor=actor, now=now)
    return payment


def upload_transfer_proof(
    *, session: Session, settings: Settings, request_id: int, actor: User, upload: Upload, now: datetime
) -> Payment:
    """A customer abroad uploads the bank transfer proof (PDF, PNG or JPEG)."""
    req = get_request(session=session, request_id=request_id, actor=actor)
    if actor.id != req.customer_id:
        raise PermissionDenied("err_transfer_proof_not_yours")
    if req.status != "awaiting_payment":
        raise UserError("err_transfer_proof_wrong_status")
    if actor.domicile == "ID":
        raise UserError("err_transfer_proof_domestic")
    payment = _open_payment(session, request_id, "transfer", now)  # refuses before anything is stored
    amount = _invoice_amount(session, request_id, now)
    mime = check_upload(
        upload,
        allowed=("pdf", "png", "jpeg"),
        max_mb=settings.max_upload_mb,
        what=Msg("err_upload_what_transfer_proof"),
    )
    stored = store_bytes(
        session=session, files_dir=settings.files_dir, data=upload.data, name=upload.name, mime=mime, now=now
    )
    payment.proof_file_id, payment.amount_idr, payment.recorded_at = stored.id, amount, now
    add_document(session, request_id=request_id, kind="transfer_proof", file_id=stored.id or 0, now=now)
    session.add(payment)
    session.flush()
    return payment


def verify_transfer(
    *,
    session: Session,
    request_id: int,
    actor: User,
    now: datetime,
    seen_version: int | None = None,
    note: str = "",
) -> Payment:
    """The officer confirms that the uploaded transfer proof matches the invoice."""
    officer_request(session, request_id, actor, "awaiting_payment", seen_version=seen_version)
    payment = payment_of(session, request_id)
    if payment is None or payment.proof_file_id is None:
        raise UserError("err_transfer_proof_missing")
    if payment.confirmed:
        raise UserError("err_payment_already_recorded")
    payment.confirmed, payment.recorded_by, payment.paid_on = True, actor.id, local_date(now)
    session.add(payment)
    session.flush()
    workflow.fire(
        session=session, request_id=request_id, event="verify_transfer", actor=actor, now=now, note=note
    )
    return payment


def receive_sppd(
    *, session: Session, request_id: int, actor: User, now: datetime, seen_version: int | None = None
) -> None:
    """The two signed SPPD originals have arrived by post."""
    officer_request(session, request_id, actor, "awaiting_payment", seen_version=seen_version)
    workflow.fire(session=session, request_id=request_id, event="receive_sppd", actor=actor, now=now)
