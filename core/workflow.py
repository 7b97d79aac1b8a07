"""The request's status machine. Nothing else assigns `DataRequest.status`.

Each event is one call of `fire`: it checks the actor's role and ownership, the event's guard and
the row version, changes the status and appends an audit event, all in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from core.errors import PermissionDenied, UserError
from core.i18n import Msg
from core.models import (
    AuditEvent,
    CartItem,
    DataRequest,
    Delivery,
    Document,
    Invoice,
    Payment,
    Revision,
    User,
)
from core.staff import CONFLICT

SYSTEM = "system"

STATUSES = (  # their labels are the status_* strings of core.i18n
    "draft",
    "submitted",
    "returned",
    "approved",
    "awaiting_payment",
    "ready",
    "delivered",
    "revision",
    "closed",
    "cancelled",
    "expired",
)
WAITING_ON_OFFICE = ("submitted", "approved", "ready", "revision")
AWAITING_SETTLEMENT = "settle"  # marker target: ready when payment and SPPD both hold

Guard = Callable[[Session, DataRequest, datetime], Msg | None]  # None, or why the event may not fire


@dataclass(frozen=True)
class Rule:
    to: str
    roles: tuple[str, ...]
    guard: Guard | None = None
    needs_reason: bool = False


def _submit_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    items = session.exec(select(CartItem).where(CartItem.request_id == req.id)).all()
    if not items or not any(item.variables_json not in ("", "[]") for item in items):
        return Msg("err_cart_empty")
    if req.abstract_file_id is None:
        return Msg("err_abstract_missing")
    if req.terms_accepted_at is None:
        return Msg("err_terms_missing")
    if req.zero_tariff and req.letter_file_id is None:
        return Msg("err_letter_missing")
    return None


def _latest_docs(session: Session, req: DataRequest) -> set[str]:
    return set(session.exec(select(Document.kind).where(Document.request_id == req.id)).all())


def _documents_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    missing = {"extract", "sample", "invoice", "sppd"} - _latest_docs(session, req)
    if missing:
        return Msg("err_documents_incomplete", missing=", ".join(sorted(missing)))
    return None


def payment_of(session: Session, request_id: int) -> Payment | None:
    return session.exec(select(Payment).where(Payment.request_id == request_id)).first()


def payment_settled(session: Session, req: DataRequest) -> bool:
    """The newest invoice is paid in full and confirmed, or there is nothing to pay (Rp0)."""
    invoice = latest_invoice(session, req)
    if invoice is None:
        return False
    if invoice.amount_idr == 0:
        return True
    payment = payment_of(session, req.id or 0)
    return payment is not None and payment.confirmed and payment.amount_idr == invoice.amount_idr


def _reject_sample_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    payment = payment_of(session, req.id or 0)
    if payment is not None and payment.confirmed:
        return Msg("err_sample_reject_paid")
    return None


def latest_invoice(session: Session, req: DataRequest) -> Invoice | None:
    query = select(Invoice).where(Invoice.request_id == req.id).order_by(col(Invoice.id).desc())
    return session.exec(query).first()


def _payment_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    return None if payment_settled(session, req) else Msg("err_payment_not_settled")


def _sppd_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    return Msg("err_sppd_already_received") if req.sppd_received_at is not None else None


def _expire_guard(session: Session, req: DataRequest, now: datetime) -> Msg | None:
    invoice = latest_invoice(session, req)
    if invoice is None or invoice.valid_until > now:
        return Msg("err_invoice_still_valid")
    if payment_settled(session, req):
        return Msg("err_invoice_paid")
    return None


def _delivery_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    found = session.exec(select(Delivery).where(Delivery.request_id == req.id)).first()
    return None if found is not None else Msg("err_delivery_not_ready")


def _fix_guard(session: Session, req: DataRequest, _now: datetime) -> Msg | None:
    revision = session.exec(
        select(Revision).where(Revision.request_id == req.id).order_by(col(Revision.id).desc())
    ).first()
    if revision is None or revision.fixed_at is None:
        return Msg("err_fix_not_ready")
    return None


def revision_window_open(req: DataRequest, now: datetime, window_days: int) -> bool:
    return req.first_delivered_at is not None and now <= req.first_delivered_at + timedelta(days=window_days)


def _window_guard(window_days: int) -> Guard:
    def guard(_session: Session, req: DataRequest, now: datetime) -> Msg | None:
        if revision_window_open(req, now, window_days):
            return None
        return Msg("err_revision_window_over", days=window_days)

    return guard


def _window_over_guard(window_days: int) -> Guard:
    def guard(_session: Session, req: DataRequest, now: datetime) -> Msg | None:
        return Msg("err_revision_window_open") if revision_window_open(req, now, window_days) else None

    return guard


def rules(window_days: int = 30) -> dict[tuple[str, str], Rule]:
    """The transition table of DESIGN §4 (plus the customer's draft)."""
    officer, customer, system = ("officer",), ("customer",), (SYSTEM,)
    return {
        ("draft", "submit"): Rule("submitted", customer, _submit_guard),
        ("draft", "withdraw"): Rule("cancelled", customer),
        ("submitted", "approve"): Rule("approved", officer),
        ("submitted", "return_for_fix"): Rule("returned", officer, needs_reason=True),
        ("submitted", "cancel"): Rule("cancelled", officer, needs_reason=True),
        ("returned", "resubmit"): Rule("submitted", customer, _submit_guard),
        ("returned", "withdraw"): Rule("cancelled", customer),
        ("approved", "issue_documents"): Rule("awaiting_payment", officer, _documents_guard),
        ("approved", "cancel"): Rule("cancelled", officer, needs_reason=True),
        ("awaiting_payment", "record_payment"): Rule(AWAITING_SETTLEMENT, officer, _payment_guard),
        ("awaiting_payment", "verify_transfer"): Rule(AWAITING_SETTLEMENT, officer, _payment_guard),
        ("awaiting_payment", "receive_sppd"): Rule(AWAITING_SETTLEMENT, officer, _sppd_guard),
        ("awaiting_payment", "reject_sample"): Rule("approved", customer, _reject_sample_guard, True),
        ("awaiting_payment", "expire"): Rule("expired", system, _expire_guard),
        ("ready", "deliver"): Rule("delivered", officer, _delivery_guard),
        ("delivered", "accept"): Rule("closed", customer),
        ("delivered", "request_revision"): Rule("revision", customer, _window_guard(window_days), True),
        ("delivered", "close"): Rule("closed", system, _window_over_guard(window_days)),
        ("revision", "deliver_fix"): Rule("delivered", officer, _fix_guard),
        ("closed", "request_revision"): Rule("revision", customer, _window_guard(window_days), True),
    }


EVENTS = tuple(sorted({event for _status, event in rules()}))


def _role_of(actor: User | None) -> str:
    return SYSTEM if actor is None else actor.role


def _check_actor(req: DataRequest, rule: Rule, actor: User | None) -> None:
    role = _role_of(actor)
    if role not in rule.roles:
        raise PermissionDenied("err_role_not_allowed")
    if role == "customer" and actor is not None and actor.id != req.customer_id:
        raise PermissionDenied("err_request_not_yours")


def allowed_events(
    *, session: Session, request: DataRequest, actor: User | None, now: datetime, window_days: int = 30
) -> list[str]:
    """The events this actor may fire now; pages show a button for each."""
    found = []
    for (status, event), rule in rules(window_days).items():
        if status != request.status:
            continue
        try:
            _check_actor(request, rule, actor)
        except PermissionDenied:
            continue
        if rule.guard is None or rule.guard(session, request, now) is None:
            found.append(event)
    return found


def _target(session: Session, req: DataRequest, rule: Rule, event: str) -> str:
    if rule.to != AWAITING_SETTLEMENT:
        return rule.to
    sppd_in = req.sppd_received_at is not None or event == "receive_sppd"
    return "ready" if payment_settled(session, req) and sppd_in else "awaiting_payment"


def _apply_side_fields(req: DataRequest, event: str, to: str, now: datetime) -> dict[str, object]:
    changes: dict[str, object] = {}
    if event in ("submit", "resubmit"):
        changes["submitted_at"] = now
        changes["clock_started_at"] = now
    if event == "receive_sppd":
        changes["sppd_received_at"] = now
    if event == "reject_sample":
        changes["sppd_received_at"] = None  # a new SPPD will be issued with the new sample
    if event == "deliver" and req.first_delivered_at is None:
        changes["first_delivered_at"] = now
    if to == "closed":
        changes["closed_at"] = now
    return changes


def fire(
    *,
    session: Session,
    request_id: int,
    event: str,
    actor: User | None,
    now: datetime,
    note: str = "",
    expected_version: int | None = None,
    window_days: int = 30,
) -> DataRequest:
    """Fire one event on a request, or raise UserError and change nothing."""
    req = session.get(DataRequest, request_id)
    if req is None:
        raise UserError("err_request_not_found")
    rule = rules(window_days).get((req.status, event))
    if rule is None:
        raise UserError("err_event_not_allowed", event=event, status=Msg(f"status_{req.status}"))
    _check_actor(req, rule, actor)
    if rule.needs_reason and not note.strip():
        raise UserError("err_reason_required")
    if rule.guard is not None:
        problem = rule.guard(session, req, now)
        if problem:
            raise UserError(problem.key, **problem.params)
    version = req.version if expected_version is None else expected_version
    from_status, to = req.status, _target(session, req, rule, event)
    values = {"status": to, "version": version + 1, **_apply_side_fields(req, event, to, now)}
    result = session.execute(
        update(DataRequest)
        .where(DataRequest.id == request_id, DataRequest.version == version)  # type: ignore[arg-type]
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise UserError(CONFLICT)
    session.add(
        AuditEvent(
            request_id=request_id,
            actor_id=actor.id if actor else None,
            at=now,
            event=event,
            from_status=from_status,
            to_status=to,
            note=note.strip(),
        )
    )
    session.flush()
    session.refresh(req)
    return req
