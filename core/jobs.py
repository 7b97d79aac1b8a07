"""The scheduled job: expire unpaid invoices, close deliveries whose revision window is over.

Idempotent and safe to run from several hosts at once: each change goes through the workflow's
version check, so a request another run already moved is skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from core import workflow
from core.db import session_scope
from core.errors import UserError
from core.models import DataRequest
from core.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class JobReport:
    expired: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"kedaluwarsa: {len(self.expired)}, ditutup: {len(self.closed)}"


def _ids_in(session: Session, status: str) -> list[int]:
    return [r for r in session.exec(select(DataRequest.id).where(DataRequest.status == status)) if r]


def _try(engine: Engine, request_id: int, event: str, now: datetime, window_days: int) -> str | None:
    """Fire a system event in its own transaction; None when its guard or a concurrent run says no."""
    try:
        with session_scope(engine) as session:
            req = workflow.fire(
                session=session,
                request_id=request_id,
                event=event,
                actor=None,
                now=now,
                note="otomatis oleh jadwal",
                window_days=window_days,
            )
            return req.number
    except UserError:
        return None
    except SQLAlchemyError as exc:  # one bad row must not stop the run; the next run tries again
        log.warning("jobs: %s on request %s failed: %s", event, request_id, exc)
        return None


def run_jobs(*, engine: Engine, settings: Settings, now: datetime) -> JobReport:
    report = JobReport()
    with Session(engine) as session:
        awaiting, delivered = _ids_in(session, "awaiting_payment"), _ids_in(session, "delivered")
    for request_id in awaiting:
        if number := _try(engine, request_id, "expire", now, settings.revision_window_days):
            report.expired.append(number)
    for request_id in delivered:
        if number := _try(engine, request_id, "close", now, settings.revision_window_days):
            report.closed.append(number)
    return report
