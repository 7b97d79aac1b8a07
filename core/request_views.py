"""What a person may see of one request: its cart, its history and its customer (ownership checked)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from core.models import AuditEvent, Dataset, User
from core.requests import cart_items, get_request, item_variables


def timeline(*, session: Session, request_id: int, actor: User) -> list[AuditEvent]:
    """The request's audit events in order."""
    get_request(session=session, request_id=request_id, actor=actor)
    query = select(AuditEvent).where(AuditEvent.request_id == request_id).order_by(col(AuditEvent.id))
    return list(session.exec(query))


def cart_summary(*, session: Session, request_id: int, actor: User) -> list[tuple[Dataset, list[str], str]]:
    """(dataset, variables, row filter) for each cart item."""
    get_request(session=session, request_id=request_id, actor=actor)
    out = []
    for item in cart_items(session=session, request_id=request_id):
        dataset = session.get(Dataset, item.dataset_id)
        if dataset is not None:
            out.append((dataset, item_variables(item), item.row_filter))
    return out


def customer_of(*, session: Session, request_id: int, actor: User) -> User | None:
    """The customer who made the request (the customer themself, or staff)."""
    req = get_request(session=session, request_id=request_id, actor=actor)
    return session.get(User, req.customer_id)
