"""Time lives here: aware UTC in the database and services, Asia/Jakarta on screen."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    """The current time in UTC. Only the UI and CLIs call this; services take `now`."""
    return datetime.now(UTC)


def parse_iso(text: str) -> datetime:
    """An ISO-8601 time as aware UTC (a time without zone is taken as UTC)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local(value: datetime | None) -> str:
    """A stored time as Jakarta time for the screen."""
    if value is None:
        return "-"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(JAKARTA).strftime("%d-%m-%Y %H:%M WIB")
