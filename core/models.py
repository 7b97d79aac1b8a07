"""All tables of the transactional store. Times are aware UTC; money is integer rupiah (`*_idr`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

ROLES = ("customer", "officer", "manager", "admin")
SEGMENTS = ("pemerintah", "pendidikan", "swasta", "perorangan", "internasional")
ZERO_TARIFF_SEGMENTS = ("pemerintah", "pendidikan", "internasional")


class User(SQLModel, table=True):
    """A person who signs in: customer, officer, manager or admin."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    email: str = Field(index=True, unique=True, max_length=254)
    name: str = Field(max_length=200)
    institution: str = Field(default="", max_length=200)
    segment: str = Field(default="perorangan", max_length=32)
    domicile: str = Field(default="ID", max_length=8)
    npwp: str | None = Field(default=None, max_length=16)
    role: str = Field(default="customer", max_length=16)
    password_hash: str = Field(max_length=100)
    email_verified: bool = False
    verify_token: str | None = Field(default=None, max_length=64)
    failed_logins: int = 0
    created_at: datetime


class Dataset(SQLModel, table=True):
    """One imported microdata file, stored as Parquet under DATA_DIR/catalog."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    survey: str = Field(default="", max_length=100)
    period: str = Field(default="", max_length=50)
    unit: str = Field(default="", max_length=50)
    coverage: str = Field(default="", max_length=200)
    file_label: str = Field(default="", max_length=500)
    source_name: str = Field(max_length=300)
    parquet_path: str = Field(max_length=500)
    n_records: int = 0
    n_variables: int = 0
    access_tier: str = Field(default="berbayar", max_length=32)
    created_at: datetime


class Variable(SQLModel, table=True):
    """One column of a dataset, with its labels and its disclosure role."""

    __table_args__ = (UniqueConstraint("dataset_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    dataset_id: int = Field(foreign_key="dataset.id", index=True)
    position: int
    name: str = Field(index=True, max_length=128)
    label: str = Field(default="", max_length=1000)
    kind: str = Field(default="numeric", max_length=16)
    format: str = Field(default="", max_length=32)
    role: str = Field(default="", max_length=32)
    value_labels_json: str = "{}"
    missing_json: str = "[]"


class DataRequest(SQLModel, table=True):
    """A customer's request for microdata; `core.workflow` alone changes its status."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(default="", max_length=40, index=True)
    customer_id: int = Field(foreign_key="user.id", index=True)
    status: str = Field(default="draft", max_length=24, index=True)
    purpose: str = Field(default="", max_length=4000)
    output_format: str = Field(default="csv", max_length=8)
    abstract_file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    letter_file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    zero_tariff: bool = False
    terms_accepted_at: datetime | None = None
    created_at: datetime
    submitted_at: datetime | None = None
    clock_started_at: datetime | None = None
    first_delivered_at: datetime | None = None
    closed_at: datetime | None = None
    sppd_received_at: datetime | None = None
    assigned_officer_id: int | None = Field(default=None, foreign_key="user.id")
    version: int = 1


class CartItem(SQLModel, table=True):
    """One dataset in a request: the chosen variables (JSON list) and an optional row filter."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    dataset_id: int = Field(foreign_key="dataset.id")
    variables_json: str = "[]"
    row_filter: str = Field(default="", max_length=1000)


class StoredFile(SQLModel, table=True):
    """A file under DATA_DIR/files, with its hash and size; downloads check the hash."""

    id: int | None = Field(default=None, primary_key=True)
    relpath: str = Field(max_length=500, unique=True)
    original_name: str = Field(max_length=300)
    mime: str = Field(default="application/octet-stream", max_length=100)
    size: int
    sha256: str = Field(max_length=64)
    created_at: datetime


class Document(SQLModel, table=True):
    """A generated or uploaded document of a request; reissuing adds a version, never overwrites."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    kind: str = Field(max_length=24)
    number: str = Field(default="", max_length=40)
    version: int = 1
    file_id: int = Field(foreign_key="storedfile.id")
    created_at: datetime


class DocumentSequence(SQLModel, table=True):
    """The last number used per document type and year; numbers are never reused."""

    kind: str = Field(primary_key=True, max_length=24)
    year: int = Field(primary_key=True)
    last: int = 0


class Invoice(SQLModel, table=True):
    """The bill for a request: amount, validity and the tariff lines (JSON)."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    number: str = Field(max_length=40, unique=True)
    issued_at: datetime
    valid_until: datetime
    amount_idr: int
    lines_json: str = "[]"
    regulation: str = Field(default="", max_length=200)


class Payment(SQLModel, table=True):
    """The one payment of an invoice: SIMPONI (billing code, NTPN), a transfer proof, or Rp0."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", unique=True)
    method: str = Field(max_length=16)
    billing_code: str | None = Field(default=None, max_length=15)
    ntpn: str | None = Field(default=None, max_length=16)
    paid_on: date | None = None
    amount_idr: int = 0
    proof_file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    confirmed: bool = False
    recorded_by: int | None = Field(default=None, foreign_key="user.id")
    recorded_at: datetime


class Delivery(SQLModel, table=True):
    """Data sent to the customer: the first delivery or a revision fix."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    data_file_id: int = Field(foreign_key="storedfile.id")
    receipt_document_id: int | None = Field(default=None, foreign_key="document.id")
    rows: int = 0
    is_fix: bool = False
    delivered_at: datetime


class Revision(SQLModel, table=True):
    """A customer's request to fix delivered data, and when it was served."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    reason: str = Field(max_length=2000)
    requested_at: datetime
    fixed_at: datetime | None = None


class Rating(SQLModel, table=True):
    """The customer's IKM rating: nine elements scored 1 to 4, and feedback."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", unique=True)
    scores_json: str
    feedback: str = Field(default="", max_length=2000)
    created_at: datetime


class Message(SQLModel, table=True):
    """A message in a request's thread between customer and officer."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    body: str = Field(max_length=4000)
    created_at: datetime


class AuditEvent(SQLModel, table=True):
    """One status transition: who, when, from, to, which event, and the note. Append-only."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="datarequest.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    at: datetime
    event: str = Field(max_length=32)
    from_status: str = Field(max_length=24)
    to_status: str = Field(max_length=24)
    note: str = Field(default="", max_length=2000)


class OutboxMail(SQLModel, table=True):
    """An email to send; without SMTP settings it waits here, readable by admins."""

    id: int | None = Field(default=None, primary_key=True)
    to: str = Field(max_length=254)
    subject: str = Field(max_length=300)
    body: str = Field(max_length=8000)
    created_at: datetime
    sent_at: datetime | None = None
