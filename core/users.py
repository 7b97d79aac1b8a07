"""Accounts: registration with checked email and NPWP, passwords, demo accounts, credentials."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Any

import bcrypt
from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select
from stdnum.id import npwp as stdnum_npwp

from core.errors import UserError
from core.models import ROLES, SEGMENTS, User
from core.notify import queue_mail, verification_link

USERNAME = re.compile(r"^[a-z0-9_.-]{3,32}$")
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt refuses more


class Registration(BaseModel):
    """What a new customer fills in; checked by `register_customer`."""

    username: str
    email: str
    name: str
    password: str
    institution: str = ""
    segment: str = "perorangan"
    domicile: str = "ID"
    npwp: str = ""


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def check_password(password: str, hashed: str) -> bool:
    data = password.encode()
    return len(data) <= MAX_PASSWORD_BYTES and bcrypt.checkpw(data, hashed.encode())


def normalise_npwp(raw: str) -> str:
    """A valid NPWP as 16 digits (15-digit NPWP gets a leading 0), or UserError."""
    digits = re.sub(r"[\s.\-]", "", raw or "")
    if not digits:
        raise UserError("err_npwp_required")
    if not digits.isdigit() or len(digits) not in (15, 16):
        raise UserError("err_npwp_digits")
    if not stdnum_npwp.is_valid(digits):
        raise UserError("err_npwp_checksum")
    return digits if len(digits) == 16 else "0" + digits


def _check_email(raw: str) -> str:
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise UserError("err_email_invalid", email=raw) from exc


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError("err_password_too_short", n=MIN_PASSWORD)
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise UserError("err_password_too_long", n=MAX_PASSWORD_BYTES)


def _check_unique(session: Session, username: str, email: str) -> None:
    if session.exec(select(User).where(func.lower(User.username) == username)).first():
        raise UserError("err_username_taken")
    if session.exec(select(User).where(func.lower(User.email) == email)).first():
        raise UserError("err_email_taken")


def register_customer(
    *, session: Session, form: Registration, now: datetime, base_url: str | None = None
) -> User:
    """Create a customer account awaiting email verification; raise UserError on bad input."""
    username = form.username.strip().lower()
    if not USERNAME.match(username):
        raise UserError("err_username_format")
    email = _check_email(form.email)
    if not form.name.strip():
        raise UserError("err_name_required")
    if form.segment not in SEGMENTS:
        raise UserError("err_segment_unknown")
    if form.domicile not in ("ID", "abroad"):
        raise UserError("err_domicile_invalid")
    npwp = normalise_npwp(form.npwp) if form.segment == "swasta" else None
    _check_password(form.password)
    _check_unique(session, username, email)
    user = User(
        username=username,
        email=email,
        name=form.name.strip(),
        institution=form.institution.strip(),
        segment=form.segment,
        domicile=form.domicile,
        npwp=npwp,
        role="customer",
        password_hash=hash_password(form.password),
        verify_token=secrets.token_urlsafe(24),
        created_at=now,
    )
    session.add(user)
    session.flush()
    link = verification_link(user.verify_token or "", base_url)
    body = f"Halo {user.name},\n\nBuka tautan ini untuk memverifikasi email Anda:\n{link}\n"
    queue_mail(session=session, to=email, subject="Verifikasi email Silastik Mikro", body=body, now=now)
    return user


def verify_email(*, session: Session, token: str) -> User:
    user = session.exec(select(User).where(User.verify_token == token)).first() if token else None
    if user is None:
        raise UserError("err_verify_link_invalid")
    user.email_verified = True
    user.verify_token = None
    session.add(user)
    session.flush()
    return user


def create_user(
    *,
    session: Session,
    username: str,
    email: str,
    name: str,
    role: str,
    password: str,
    now: datetime,
    **extra: Any,
) -> User:
    """An account made by an admin or the demo set-up (already verified)."""
    if role not in ROLES:
        raise UserError("err_role_unknown", role=role)
    _check_password(password)
    username, email = username.lower(), _check_email(email)
    _check_unique(session, username, email)
    user = User(
        username=username,
        email=email,
        name=name,
        role=role,
        password_hash=hash_password(password),
        email_verified=True,
        created_at=now,
        **extra,
    )
    session.add(user)
    session.flush()
    return user


def get_by_username(*, session: Session, username: str) -> User | None:
    return session.exec(select(User).where(func.lower(User.username) == username.strip().lower())).first()


def credentials(*, session: Session) -> dict:
    """The credentials dict streamlit-authenticator expects, built from the database (bcrypt hashes)."""
    users = session.exec(select(User)).all()
    return {
        "usernames": {
            u.username: {
                "email": u.email,
                "first_name": u.name,
                "last_name": "",
                "password": u.password_hash,
                "roles": [u.role],
                "failed_login_attempts": u.failed_logins,
                "logged_in": False,
            }
            for u in users
        }
    }


def record_failed_logins(*, session: Session, username: str, count: int) -> None:
    user = get_by_username(session=session, username=username)
    if user is not None and user.failed_logins != count:
        user.failed_logins = count
        session.add(user)
        session.flush()


DEMO_PASSWORD = "demo12345"
DEMO_ACCOUNTS = (
    (
        "pelanggan",
        "pelanggan@demo.silastik.id",
        "Rina Pelanggan",
        "customer",
        {"institution": "PT Data Nusantara", "segment": "swasta", "npwp": "0013000666091000"},
    ),
    ("petugas", "petugas@demo.silastik.id", "Budi Petugas", "officer", {"institution": "BPS Bener Meriah"}),
    ("manajer", "manajer@demo.silastik.id", "Sari Manajer", "manager", {"institution": "BPS Bener Meriah"}),
    ("admin", "admin@demo.silastik.id", "Admin Silastik", "admin", {"institution": "BPS Bener Meriah"}),
)


def ensure_demo_users(*, session: Session, now: datetime) -> list[User]:
    """The four demo accounts (password `demo12345`); idempotent."""
    made = []
    for username, email, name, role, extra in DEMO_ACCOUNTS:
        if get_by_username(session=session, username=username) is None:
            made.append(
                create_user(
                    session=session,
                    username=username,
                    email=email,
                    name=name,
                    role=role,
                    password=DEMO_PASSWORD,
                    now=now,
                    **extra,
                )
            )
    return made
