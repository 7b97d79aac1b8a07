"""Documents of a request, in versions: reissuing adds a version and never overwrites."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core.models import Document


def latest_document(session: Session, request_id: int, kind: str) -> Document | None:
    query = (
        select(Document)
        .where(Document.request_id == request_id, Document.kind == kind)
        .order_by(col(Document.version).desc())
    )
    return session.exec(query).first()


def add_document(
    session: Session, *, request_id: int, kind: str, file_id: int, now: datetime, number: str = ""
) -> Document:
    """A new version of this kind of document; earlier versions stay."""
    previous = latest_document(session, request_id, kind)
    doc = Document(
        request_id=request_id,
        kind=kind,
        number=number,
        file_id=file_id,
        created_at=now,
        version=(previous.version + 1) if previous else 1,
    )
    session.add(doc)
    session.flush()
    return doc
