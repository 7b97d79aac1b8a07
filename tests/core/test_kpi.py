"""KPI figures for the manager's dashboard: requests by status, revenue by month."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from core.kpi import requests_by_status, revenue_by_month
from core.models import Payment
from tests.conftest import NOW
from tests.factories import make_request, make_user


def a_payment(
    session: Session, customer, *, amount: int, paid_on: date | None, confirmed: bool = True
) -> None:
    req = make_request(session, customer=customer, status="closed", now=NOW, complete=False)
    session.add(
        Payment(
            request_id=req.id,
            method="simponi",
            amount_idr=amount,
            paid_on=paid_on,
            confirmed=confirmed,
            recorded_at=NOW,
        )
    )
    session.flush()


def test_an_empty_office_has_no_figures(session):
    assert requests_by_status(session=session) == []
    assert revenue_by_month(session=session) == []


def test_requests_are_counted_by_status_in_workflow_order_without_drafts(session):
    customer = make_user(session, now=NOW)
    for status in ["draft", "draft", "closed", "submitted", "awaiting_payment", "submitted", "expired"]:
        make_request(session, customer=customer, status=status, now=NOW, complete=False)
    assert requests_by_status(session=session) == [
        ("submitted", 2),
        ("awaiting_payment", 1),
        ("closed", 1),
        ("expired", 1),
    ]


def test_revenue_sums_confirmed_payments_by_month_of_payment(session):
    customer = make_user(session, now=NOW)
    a_payment(session, customer, amount=20_000, paid_on=date(2026, 11, 30))
    a_payment(session, customer, amount=42_000, paid_on=date(2026, 12, 1))
    a_payment(session, customer, amount=10_020, paid_on=date(2026, 12, 31))
    a_payment(session, customer, amount=5_000, paid_on=date(2027, 1, 2))
    a_payment(session, customer, amount=99_000, paid_on=date(2026, 12, 5), confirmed=False)
    a_payment(session, customer, amount=77_000, paid_on=None)
    assert revenue_by_month(session=session) == [("2026-11", 20_000), ("2026-12", 52_020), ("2027-01", 5_000)]
