"""The status machine: every (status, event) pair, guards, roles, audit and optimistic locking."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from core import workflow
from core.errors import PermissionDenied, UserError
from core.models import AuditEvent, DataRequest, Delivery, Revision
from tests.conftest import NOW
from tests.factories import (
    add_confirmed_payment,
    add_documents,
    add_invoice,
    make_file,
    make_request,
    make_user,
)

# In the prepared context below: invoice expired and unpaid, SPPD not received, a delivery and a
# fixed revision exist, and the first delivery was 5 days ago (revision window open).
EXPECTED = {
    ("draft", "submit"): "submitted",
    ("draft", "withdraw"): "cancelled",
    ("submitted", "approve"): "approved",
    ("submitted", "return_for_fix"): "returned",
    ("submitted", "cancel"): "cancelled",
    ("returned", "resubmit"): "submitted",
    ("returned", "withdraw"): "cancelled",
    ("approved", "issue_documents"): "awaiting_payment",
    ("approved", "cancel"): "cancelled",
    ("awaiting_payment", "record_payment"): None,  # no confirmed payment yet
    ("awaiting_payment", "verify_transfer"): None,
    ("awaiting_payment", "receive_sppd"): "awaiting_payment",  # still unpaid
    ("awaiting_payment", "reject_sample"): "approved",
    ("awaiting_payment", "expire"): "expired",
    ("ready", "deliver"): "delivered",
    ("delivered", "accept"): "closed",
    ("delivered", "request_revision"): "revision",
    ("delivered", "close"): None,  # window still open
    ("revision", "deliver_fix"): "delivered",
    ("closed", "request_revision"): "revision",
}
ROLE_OF_EVENT = {(status, event): rule.roles[0] for (status, event), rule in workflow.rules().items()}


def _prepared(session: Session, status: str):
    customer = make_user(session, now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    req = make_request(session, customer=customer, status=status, now=NOW)
    add_documents(session, req, now=NOW)
    add_invoice(session, req, now=NOW - timedelta(days=40), valid_days=30)
    session.add(
        Delivery(request_id=req.id or 0, data_file_id=make_file(session, now=NOW).id or 0, delivered_at=NOW)
    )
    session.add(Revision(request_id=req.id or 0, reason="kolom salah", requested_at=NOW, fixed_at=NOW))
    req.first_delivered_at = NOW - timedelta(days=5)
    session.add(req)
    session.flush()
    return req, {"customer": customer, "officer": officer, "system": None}


def _actor_for(status: str, event: str, actors: dict):
    return actors[ROLE_OF_EVENT.get((status, event), "officer")]


@pytest.mark.parametrize("status", workflow.STATUSES)
@pytest.mark.parametrize("event", workflow.EVENTS)
def test_every_status_and_event_pair_moves_as_the_table_says_or_is_refused(session, status, event):
    req, actors = _prepared(session, status)
    expected = EXPECTED.get((status, event))
    audits_before = len(session.exec(select(AuditEvent)).all())
    if expected is None:
        with pytest.raises(UserError):
            workflow.fire(
                session=session,
                request_id=req.id,
                event=event,
                actor=_actor_for(status, event, actors),
                now=NOW,
                note="alasan",
            )
        session.refresh(req)
        assert req.status == status
        assert len(session.exec(select(AuditEvent)).all()) == audits_before
    else:
        moved = workflow.fire(
            session=session,
            request_id=req.id,
            event=event,
            actor=_actor_for(status, event, actors),
            now=NOW,
            note="alasan",
        )
        assert moved.status == expected
        audit = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert (audit.event, audit.from_status, audit.to_status) == (event, status, expected)


def test_the_expected_table_names_every_transition_of_the_workflow():
    assert set(workflow.rules()) == set(EXPECTED)


def test_payment_and_sppd_together_make_the_request_ready(session):
    req, actors = _prepared(session, "awaiting_payment")
    add_confirmed_payment(session, req, now=NOW)
    after_payment = workflow.fire(
        session=session, request_id=req.id, event="record_payment", actor=actors["officer"], now=NOW
    )
    assert after_payment.status == "awaiting_payment"
    ready = workflow.fire(
        session=session, request_id=req.id, event="receive_sppd", actor=actors["officer"], now=NOW
    )
    assert ready.status == "ready"
    assert ready.sppd_received_at == NOW


def test_a_zero_rupiah_invoice_needs_only_the_sppd(session):
    customer = make_user(session, now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    req = make_request(session, customer=customer, status="awaiting_payment", now=NOW, zero_tariff=True)
    add_invoice(session, req, now=NOW, amount_idr=0)
    assert (
        workflow.fire(session=session, request_id=req.id, event="receive_sppd", actor=officer, now=NOW).status
        == "ready"
    )


def test_a_paid_invoice_never_expires(session):
    req, _ = _prepared(session, "awaiting_payment")
    add_confirmed_payment(session, req, now=NOW)
    with pytest.raises(UserError, match="sudah dibayar"):
        workflow.fire(session=session, request_id=req.id, event="expire", actor=None, now=NOW)


def test_an_invoice_still_valid_does_not_expire_until_the_exact_moment(session):
    customer = make_user(session, now=NOW)
    req = make_request(session, customer=customer, status="awaiting_payment", now=NOW)
    invoice = add_invoice(session, req, now=NOW, valid_days=30)
    with pytest.raises(UserError, match="masih berlaku"):
        workflow.fire(
            session=session,
            request_id=req.id,
            event="expire",
            actor=None,
            now=invoice.valid_until - timedelta(seconds=1),
        )
    assert (
        workflow.fire(
            session=session, request_id=req.id, event="expire", actor=None, now=invoice.valid_until
        ).status
        == "expired"
    )


def test_after_the_revision_window_the_job_closes_and_revisions_are_refused(session):
    req, actors = _prepared(session, "delivered")
    late = req.first_delivered_at + timedelta(days=30, seconds=1)
    with pytest.raises(UserError, match="sudah lewat"):
        workflow.fire(
            session=session,
            request_id=req.id,
            event="request_revision",
            actor=actors["customer"],
            now=late,
            note="ada yang salah",
        )
    assert (
        workflow.fire(session=session, request_id=req.id, event="close", actor=None, now=late).status
        == "closed"
    )


@pytest.mark.parametrize("missing", ["cart", "abstract", "terms", "letter"])
def test_submission_is_refused_until_the_request_is_complete(session, missing):
    customer = make_user(session, now=NOW)
    req = make_request(
        session,
        customer=customer,
        status="draft",
        now=NOW,
        complete=missing != "cart",
        zero_tariff=missing == "letter",
    )
    if missing == "abstract":
        req.abstract_file_id = None
    if missing == "terms":
        req.terms_accepted_at = None
    session.add(req)
    with pytest.raises(UserError):
        workflow.fire(session=session, request_id=req.id, event="submit", actor=customer, now=NOW)
    assert session.get(DataRequest, req.id).status == "draft"


def test_a_customer_cannot_act_on_another_customers_request(session):
    req, _ = _prepared(session, "delivered")
    stranger = make_user(session, now=NOW)
    with pytest.raises(PermissionDenied):
        workflow.fire(session=session, request_id=req.id, event="accept", actor=stranger, now=NOW)


def test_a_customer_cannot_approve_and_a_manager_cannot_fire_officer_events(session):
    req, actors = _prepared(session, "submitted")
    manager = make_user(session, role="manager", now=NOW)
    for actor in (actors["customer"], manager, None):
        with pytest.raises(PermissionDenied):
            workflow.fire(session=session, request_id=req.id, event="approve", actor=actor, now=NOW)


def test_return_and_cancel_need_a_reason_the_customer_sees(session):
    req, actors = _prepared(session, "submitted")
    with pytest.raises(UserError, match="Alasan"):
        workflow.fire(
            session=session, request_id=req.id, event="cancel", actor=actors["officer"], now=NOW, note=" "
        )
    workflow.fire(
        session=session,
        request_id=req.id,
        event="return_for_fix",
        actor=actors["officer"],
        now=NOW,
        note="Abstraksi tidak sesuai variabel",
    )
    audit = session.exec(select(AuditEvent).where(AuditEvent.request_id == req.id)).one()
    assert audit.note == "Abstraksi tidak sesuai variabel"


def test_two_officers_cannot_overwrite_each_other(session):
    req, actors = _prepared(session, "submitted")
    seen_version = req.version
    workflow.fire(
        session=session,
        request_id=req.id,
        event="approve",
        actor=actors["officer"],
        now=NOW,
        expected_version=seen_version,
    )
    with pytest.raises(UserError):
        workflow.fire(
            session=session,
            request_id=req.id,
            event="cancel",
            actor=actors["officer"],
            now=NOW,
            note="x",
            expected_version=seen_version,
        )
    assert session.get(DataRequest, req.id).status == "approved"


def test_allowed_events_lists_only_what_the_actor_may_do_now(session):
    req, actors = _prepared(session, "submitted")
    assert workflow.allowed_events(session=session, request=req, actor=actors["officer"], now=NOW) == [
        "approve",
        "return_for_fix",
        "cancel",
    ]
    assert workflow.allowed_events(session=session, request=req, actor=actors["customer"], now=NOW) == []


def test_a_sample_cannot_be_rejected_after_payment(session):
    req, actors = _prepared(session, "awaiting_payment")
    add_confirmed_payment(session, req, now=NOW)
    with pytest.raises(UserError, match="pembayaran sudah tercatat"):
        workflow.fire(
            session=session,
            request_id=req.id,
            event="reject_sample",
            actor=actors["customer"],
            now=NOW,
            note="kolom kurang",
        )


def test_rejecting_the_sample_forgets_the_old_sppd_receipt(session):
    req, actors = _prepared(session, "awaiting_payment")
    workflow.fire(session=session, request_id=req.id, event="receive_sppd", actor=actors["officer"], now=NOW)
    back = workflow.fire(
        session=session,
        request_id=req.id,
        event="reject_sample",
        actor=actors["customer"],
        now=NOW,
        note="variabel salah",
    )
    assert (back.status, back.sppd_received_at) == ("approved", None)


def test_an_officer_acting_on_a_stale_page_is_refused_for_data_edits_too(session, data_dir):
    from core.payments import record_billing_code

    req, actors = _prepared(session, "awaiting_payment")
    seen = req.version
    record_billing_code(
        session=session,
        request_id=req.id,
        actor=actors["officer"],
        billing_code="820261234567890",
        now=NOW,
        seen_version=seen,
    )
    with pytest.raises(UserError, match="baru saja diubah"):
        record_billing_code(
            session=session,
            request_id=req.id,
            actor=actors["officer"],
            billing_code="820269999999999",
            now=NOW,
            seen_version=seen,
        )
    from core.workflow import payment_of

    assert payment_of(session, req.id).billing_code == "820261234567890"
