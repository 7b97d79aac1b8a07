"""Role checks shared by the officer's services."""

from __future__ import annotations

from sqlmodel import Session

from core.errors import PermissionDenied, UserError
from core.models import DataRequest, User


def require_officer(actor: User) -> None:
    if actor.role != "officer":
        raise PermissionDenied("Hanya petugas yang dapat melakukan tindakan ini.")


def officer_request(session: Session, request_id: int, actor: User, *statuses: str) -> DataRequest:
    """The request, after checking that the actor is an officer and the status is one of `statuses`."""
    require_officer(actor)
    req = session.get(DataRequest, request_id)
    if req is None:
        raise UserError("Permintaan tidak ditemukan.")
    if statuses and req.status not in statuses:
        raise UserError("Tindakan ini tidak berlaku pada status permintaan sekarang.")
    return req
