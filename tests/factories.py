"""Plain factory functions for tests."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlmodel import Session

from core.models import CartItem, DataRequest, Dataset, Document, Invoice, Payment, StoredFile, User, Variable
from core.users import hash_password

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_PASSWORD_HASH = hash_password("rahasia123")


def make_user(
    session: Session, *, role: str = "customer", username: str | None = None, now: datetime, **extra: object
) -> User:
    username = username or f"{role}{session.info.setdefault('n', 0) + 1}"
    session.info["n"] = session.info["n"] + 1
    user = User(
        username=username,
        email=f"{username}@contoh.id",
        name=username.title(),
        role=role,
        password_hash=_PASSWORD_HASH,
        email_verified=True,
        created_at=now,
        **extra,
    )  # type: ignore[arg-type]
    session.add(user)
    session.flush()
    return user


def make_dataset(session: Session, *, now: datetime, names: tuple[str, ...] = ("R101", "R405")) -> Dataset:
    dataset = Dataset(
        title="Dataset Uji",
        source_name="uji.sav",
        parquet_path="uji/data.parquet",
        n_records=10,
        n_variables=len(names),
        created_at=now,
    )
    session.add(dataset)
    session.flush()
    for position, name in enumerate(names):
        session.add(Variable(dataset_id=dataset.id or 0, position=position, name=name, label=f"Label {name}"))
    session.flush()
    return dataset


def make_file(session: Session, *, now: datetime, name: str = "berkas.pdf") -> StoredFile:
    stored = StoredFile(
        relpath=f"uji/{session.info.setdefault('f', 0)}/{name}",
        original_name=name,
        size=1,
        sha256="0" * 64,
        created_at=now,
    )
    session.info["f"] += 1
    session.add(stored)
    session.flush()
    return stored


def make_request(
    session: Session,
    *,
    customer: User,
    status: str,
    now: datetime,
    complete: bool = True,
    zero_tariff: bool = False,
) -> DataRequest:
    """A request in `status`; `complete` fills in what every guard along the way needs."""
    req = DataRequest(
        number=f"REQ/UJI/{now.year}/{session.info.setdefault('r', 0):05d}",
        customer_id=customer.id or 0,
        status=status,
        created_at=now,
        zero_tariff=zero_tariff,
    )
    session.info["r"] += 1
    session.add(req)
    session.flush()
    if complete:
        dataset = make_dataset(session, now=now)
        session.add(
            CartItem(
                request_id=req.id or 0,
                dataset_id=dataset.id or 0,
                variables_json=json.dumps(["R101", "R405"]),
            )
        )
        req.abstract_file_id = make_file(session, now=now).id
        req.terms_accepted_at = now
        session.add(req)
        session.flush()
    return req


def add_documents(
    session: Session, req: DataRequest, *, now: datetime, kinds=("extract", "sample", "invoice", "sppd")
):
    for kind in kinds:
        session.add(
            Document(
                request_id=req.id or 0, kind=kind, file_id=make_file(session, now=now).id or 0, created_at=now
            )
        )
    session.flush()


def add_invoice(
    session: Session, req: DataRequest, *, now: datetime, amount_idr: int = 20_000, valid_days: int = 30
) -> Invoice:
    invoice = Invoice(
        request_id=req.id or 0,
        number=f"INV/UJI/{req.id}/{amount_idr}",
        issued_at=now,
        valid_until=now + timedelta(days=valid_days),
        amount_idr=amount_idr,
    )
    session.add(invoice)
    session.flush()
    return invoice


def add_confirmed_payment(
    session: Session, req: DataRequest, *, now: datetime, amount_idr: int = 20_000
) -> Payment:
    payment = Payment(
        request_id=req.id or 0,
        method="simponi",
        ntpn=f"NTPN{req.id:012d}",
        amount_idr=amount_idr,
        confirmed=True,
        recorded_at=now,
    )
    session.add(payment)
    session.flush()
    return payment
