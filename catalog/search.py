"""Find variables by name or label across every dataset, and list the datasets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, or_, select

from core.models import Dataset, Variable


@dataclass(frozen=True)
class VariableHit:
    """One variable that matched a search, with the title of its dataset."""

    dataset_id: int
    dataset_title: str
    name: str
    label: str
    kind: str


def search_variables(*, session: Session, text: str, limit: int = 200) -> list[VariableHit]:
    """Variables whose name or label contains `text` (any case), by dataset then file order."""
    needle = text.strip()
    if not needle:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    statement = (
        select(Variable, Dataset.title)
        .join(Dataset, col(Dataset.id) == col(Variable.dataset_id))
        .where(
            or_(
                col(Variable.name).ilike(pattern, escape="\\"),
                col(Variable.label).ilike(pattern, escape="\\"),
            )
        )
        .order_by(col(Variable.dataset_id), col(Variable.position))
        .limit(max(1, limit))
    )
    return [
        VariableHit(
            dataset_id=variable.dataset_id,
            dataset_title=title,
            name=variable.name,
            label=variable.label,
            kind=variable.kind,
        )
        for variable, title in session.exec(statement).all()
    ]


def list_datasets(*, session: Session) -> list[Dataset]:
    """Every dataset in the catalog, oldest first."""
    return list(session.exec(select(Dataset).order_by(col(Dataset.id))).all())
