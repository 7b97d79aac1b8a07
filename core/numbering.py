"""Document numbers: one sequence per type and year, e.g. INV/1117/2026/00042; never reused."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from core.clock import local_date
from core.models import DocumentSequence

PREFIXES = {
    "request": "REQ",
    "invoice": "INV",
    "sppd": "SPPD",
    "receipt": "KWT",
}


def _bump(session: Session, kind: str, year: int) -> bool:
    bumped = session.execute(
        update(DocumentSequence)
        .where(DocumentSequence.kind == kind, DocumentSequence.year == year)  # type: ignore[arg-type]
        .values(last=DocumentSequence.last + 1)
    )
    return bool(bumped.rowcount)  # type: ignore[attr-defined]


def _start_year(session: Session, kind: str, year: int) -> bool:
    """Insert the year's first number; False when a concurrent session inserted it first."""
    try:
        with session.begin_nested():
            session.add(DocumentSequence(kind=kind, year=year, last=1))
        return True
    except IntegrityError:
        return False


def next_number(*, session: Session, kind: str, office_code: str, now: datetime) -> str:
    """Take the next number of this kind for the (Jakarta) year of `now`."""
    year = local_date(now).year
    if not _bump(session, kind, year) and not _start_year(session, kind, year):
        _bump(session, kind, year)
    row = session.get(DocumentSequence, (kind, year), populate_existing=True)
    assert row is not None
    return f"{PREFIXES.get(kind, kind.upper())}/{office_code}/{year}/{row.last:05d}"
