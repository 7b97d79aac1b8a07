"""Read-only views of the catalog and requests for the pages."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from core.models import AuditEvent, CartItem, DataRequest, Dataset, User, Variable


def dataset_variables(*, session: Session, dataset_id: int) -> list[Variable]:
    return list(
        session.exec(
            select(Variable).where(Variable.dataset_id == dataset_id).order_by(col(Variable.position))
        )
    )


def variable_kinds(*, session: Session, dataset_id: int) -> dict[str, str]:
    return {v.name: v.kind for v in dataset_variables(session=session, dataset_id=dataset_id)}


def value_labels(variable: Variable) -> dict[str, str]:
    return dict(json.loads(variable.value_labels_json or "{}"))


def timeline(*, session: Session, request_id: int) -> list[AuditEvent]:
    return list(
        session.exec(
            select(AuditEvent).where(AuditEvent.request_id == request_id).order_by(col(AuditEvent.id))
        )
    )


def cart_summary(*, session: Session, request_id: int) -> list[tuple[Dataset, list[str], str]]:
    """(dataset, variables, row filter) for each cart item."""
    rows = session.exec(
        select(CartItem).where(CartItem.request_id == request_id).order_by(col(CartItem.id))
    ).all()
    out = []
    for item in rows:
        dataset = session.get(Dataset, item.dataset_id)
        if dataset is not None:
            out.append((dataset, list(json.loads(item.variables_json or "[]")), item.row_filter))
    return out


def customer_of(*, session: Session, request: DataRequest) -> User | None:
    return session.get(User, request.customer_id)


def all_users(*, session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(col(User.id))))
