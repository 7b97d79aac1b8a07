"""Read-only views of the catalog and of the users, for the pages."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from core.errors import PermissionDenied
from core.models import User, Variable


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


def all_users(*, session: Session, actor: User) -> list[User]:
    if actor.role != "admin":
        raise PermissionDenied("err_admins_only_users")
    return list(session.exec(select(User).order_by(col(User.id))))
