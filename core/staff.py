"""Role checks shared by the officer's services."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col

from core.errors import PermissionDenied, UserError
from core.models import DataRequest, User

CONFLICT = "Permintaan ini baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi."


def require_officer(actor: User) -> None:
    if actor.role != "officer":
        raise PermissionDenied("Hanya petugas yang dapat melakukan tindakan ini.")


def officer_request(
    session: Session, request_id: int, actor: User, *statuses: str, seen_version: int | None = None
) -> DataRequest:
    """The request, after checking that the actor is an officer and the status is one of `statuses`."""
    require_officer(actor)
    req = session.get(DataRequest, request_id)
    if req is None:
        raise UserError("Permintaan tidak ditemukan.")
    if statuses and req.status not in statuses:
        raise UserError("Tindakan ini tidak berlaku pada status permintaan sekarang.")
    if seen_version is not None:
        claim(session, req, seen_version)
    return req


def claim(session: Session, req: DataRequest, seen_version: int) -> None:
    """Bump the row version if it is still the one the officer saw, so two officers working from the
    same page state cannot both act; the second gets a clear message instead of overwriting."""
    bumped = session.execute(
        update(DataRequest)
        .where(col(DataRequest.id) == req.id, col(DataRequest.version) == seen_version)
        .values(version=seen_version + 1)
    )
    if bumped.rowcount != 1:  # type: ignore[attr-defined]
        raise UserError(CONFLICT)
    session.refresh(req)
