"""Email notifications. Until SMTP sending is configured, mails wait in the outbox table."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core.models import OutboxMail
from core.settings import get_settings


def queue_mail(*, session: Session, to: str, subject: str, body: str, now: datetime) -> OutboxMail:
    mail = OutboxMail(to=to, subject=subject, body=body, created_at=now)
    session.add(mail)
    session.flush()
    return mail


def verification_link(token: str, base_url: str | None = None) -> str:
    return f"{(base_url or get_settings().base_url).rstrip('/')}/?verify={token}"


def outbox(*, session: Session, limit: int = 200) -> list[OutboxMail]:
    query = select(OutboxMail).order_by(col(OutboxMail.id).desc()).limit(limit)
    return list(session.exec(query))
