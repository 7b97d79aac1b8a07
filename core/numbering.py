"""Document numbers: one sequence per type and year, e.g. INV/1117/2026/00042; never reused."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session

from core.models import DocumentSequence

PREFIXES = {
    "request": "REQ",
    "invoice": "INV",
    "sppd": "SPPD",
    "receipt": "KWT",
}


def next_number(*, session: Session, kind: str, office_code: str, now: datetime) -> str:
    """Take the next number of this kind for the year of `now`."""
    year = now.year
    bumped = session.execute(
        update(DocumentSequence)
        .where(DocumentSequence.kind == kind, DocumentSequence.year == year)  # type: ignore[arg-type]
        .values(last=DocumentSequence.last + 1)
    )
    if bumped.rowcount == 0:  # type: ignore[attr-defined]
        session.add(DocumentSequence(kind=kind, year=year, last=1))
        session.flush()
    row = session.get(DocumentSequence, (kind, year), populate_existing=True)
    assert row is not None
    return f"{PREFIXES.get(kind, kind.upper())}/{office_code}/{year}/{row.last:05d}"
