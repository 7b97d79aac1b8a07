"""The message thread of a request, between its customer and the officers."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core.errors import PermissionDenied, UserError
from core.models import Message, User
from core.requests import get_request

MAX_MESSAGE = 4000


def post_message(*, session: Session, request_id: int, actor: User, body: str, now: datetime) -> Message:
    """Add a message; only the request's customer and officers may write."""
    get_request(session=session, request_id=request_id, actor=actor)  # ownership
    if actor.role not in ("customer", "officer"):
        raise PermissionDenied("err_message_not_allowed")
    text = body.strip()
    if not text:
        raise UserError("err_message_empty")
    if len(text) > MAX_MESSAGE:
        raise UserError("err_message_too_long", n=MAX_MESSAGE)
    message = Message(request_id=request_id, author_id=actor.id or 0, body=text, created_at=now)
    session.add(message)
    session.flush()
    return message


def thread(*, session: Session, request_id: int, actor: User) -> list[tuple[Message, str]]:
    """(message, author's name) in the order written, for anyone who may see the request."""
    get_request(session=session, request_id=request_id, actor=actor)
    rows = session.exec(
        select(Message, User.name)
        .join(User, col(User.id) == col(Message.author_id))
        .where(Message.request_id == request_id)
        .order_by(col(Message.id))
    ).all()
    return [(message, name) for message, name in rows]
