"""KPI figures for the manager's dashboard."""

from __future__ import annotations

from collections import Counter

from sqlmodel import Session, select

from core.models import DataRequest, Payment
from core.workflow import STATUSES


def requests_by_status(*, session: Session) -> list[tuple[str, int]]:
    """(status, count) in workflow order, drafts left out; pages label the statuses."""
    statuses = session.exec(select(DataRequest.status).where(DataRequest.status != "draft")).all()
    counts = Counter(statuses)
    return [(s, counts[s]) for s in STATUSES if counts[s]]


def revenue_by_month(*, session: Session) -> list[tuple[str, int]]:
    """Confirmed payments (integer rupiah) per month of payment."""
    totals: Counter[str] = Counter()
    for payment in session.exec(select(Payment).where(Payment.confirmed == True)):  # noqa: E712
        if payment.paid_on is not None:
            totals[payment.paid_on.strftime("%Y-%m")] += payment.amount_idr
    return sorted(totals.items())
