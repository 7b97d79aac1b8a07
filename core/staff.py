"""Role checks shared by the officer's services."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col

from core.errors import PermissionDenied, UserError
from core.models import DataRequest, User

CONFLICT = "err_conflict"  # the key of the message for a lost optimistic-lock race


def require_officer(actor: User) -> None:
    if actor.role != "officer":
        raise PermissionDenied("err_officers_only")


def officer_request(
    session: Session, request_id: int, actor: User, *statuses: str, seen_version: int | None = None
) -> DataRequest:
    """The request, after checking that the actor is an officer, the status is one of `statuses` and the
    row is still at the version the officer's page showed. Only a check: the write that follows (a
    workflow event, or `claim`) bumps the version, late, so no write lock is held during slow work."""
    require_officer(actor)
    req = session.get(DataRequest, request_id)
    if req is None:
        raise UserError("err_request_not_found")
    if statuses and req.status not in statuses:
        raise UserError("err_action_not_for_status")
    if seen_version is not None and req.version != seen_version:
        raise UserError(CONFLICT)
    return req


def claim(session: Session, req: DataRequest, seen_version: int) -> None:
    """Bump the row version if it is still `seen_version`, for changes that fire no workflow event: two
    officers working from the same page state cannot both act; the second gets a clear message."""
    bumped = session.execute(
        update(DataRequest)
        .where(col(DataRequest.id) == req.id, col(DataRequest.version) == seen_version)
        .values(version=seen_version + 1)
    )
    if bumped.rowcount != 1:  # type: ignore[attr-defined]
        raise UserError(CONFLICT)
    session.refresh(req)
