"""What each person may download, and when: ownership, status and the stored hash are checked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from core.delivery import DOC_KINDS, downloads, open_download, request_revision
from core.doclog import add_document
from core.errors import PermissionDenied, UserError
from core.files import store_bytes
from core.models import DataRequest, Document, Revision, User
from core.settings import Settings
from core.uploads import Upload
from core.workflow import STATUSES
from tests.conftest import NOW
from tests.factories import PDF_BYTES, make_request, make_user

ZIP_BYTES = b"PK\x03\x04" + b"\x00" * 40
EARLY = {"sample", "invoice", "sppd"}
LATE = {"receipt", "extract"}
CUSTOMER_SEES = {
    "draft": set(),
    "submitted": set(),
    "returned": set(),
    "approved": set(),
    "cancelled": set(),
    "awaiting_payment": EARLY,
    "ready": EARLY,
    "expired": EARLY,
    "delivered": EARLY | LATE,
    "revision": EARLY | LATE,
    "closed": EARLY | LATE,
}


@pytest.fixture
def settings(data_dir) -> Settings:
    return Settings(DATA_DIR=data_dir, SILASTIK_DEMO=False, DATABASE_URL="")


@pytest.fixture
def people(session: Session) -> dict[str, User]:
    return {
        "customer": make_user(session, now=NOW),
        "stranger": make_user(session, now=NOW),
        "officer": make_user(session, role="officer", now=NOW),
        "manager": make_user(session, role="manager", now=NOW),
    }


def with_every_document(session: Session, settings: Settings, customer: User, status: str) -> DataRequest:
    """A request in `status` with one stored file for every kind of document."""
    req = make_request(session, customer=customer, status=status, now=NOW, complete=False)
    for kind in DOC_KINDS:
        data = ZIP_BYTES if kind in ("sample", "extract") else PDF_BYTES
        stored = store_bytes(
            session=session, files_dir=settings.files_dir, data=data, name=f"{kind}.bin", mime="x/y", now=NOW
        )
        add_document(session, request_id=req.id, kind=kind, file_id=stored.id, now=NOW)
    return req


def kinds_for(session: Session, req: DataRequest, actor: User) -> set[str]:
    return {d.document.kind for d in downloads(session=session, request_id=req.id, actor=actor)}


def test_every_status_is_covered():
    assert set(CUSTOMER_SEES) == set(STATUSES)


@pytest.mark.parametrize("status", STATUSES)
def test_the_customer_sees_documents_only_from_the_right_status(session, settings, people, status):
    req = with_every_document(session, settings, people["customer"], status)
    assert kinds_for(session, req, people["customer"]) == CUSTOMER_SEES[status]


@pytest.mark.parametrize("status", ["submitted", "awaiting_payment", "closed"])
def test_staff_see_every_document_of_any_request(session, settings, people, status):
    req = with_every_document(session, settings, people["customer"], status)
    for who in ("officer", "manager"):
        assert kinds_for(session, req, people[who]) == set(DOC_KINDS)


def test_downloads_carry_labels_and_only_the_newest_version(session, settings, people):
    req = with_every_document(session, settings, people["customer"], "awaiting_payment")
    newer = store_bytes(
        session=session,
        files_dir=settings.files_dir,
        data=PDF_BYTES + b"v2",
        name="inv2.pdf",
        mime="m",
        now=NOW,
    )
    add_document(session, request_id=req.id, kind="invoice", file_id=newer.id, now=NOW)
    found = {
        d.document.kind: d for d in downloads(session=session, request_id=req.id, actor=people["customer"])
    }
    assert sorted(found) == ["invoice", "sample", "sppd"]
    assert (found["invoice"].document.version, found["invoice"].file.id) == (2, newer.id)
    old = session.exec(select(Document).where(Document.kind == "invoice", Document.version == 1)).one()
    with pytest.raises(PermissionDenied):
        open_download(session=session, settings=settings, document_id=old.id, actor=people["customer"])


@pytest.mark.parametrize("status", ["submitted", "awaiting_payment", "delivered"])
def test_a_stranger_is_denied_the_list_and_every_file(session, settings, people, status):
    req = with_every_document(session, settings, people["customer"], status)
    with pytest.raises(PermissionDenied):
        downloads(session=session, request_id=req.id, actor=people["stranger"])
    for doc in session.exec(select(Document).where(Document.request_id == req.id)):
        with pytest.raises(PermissionDenied):
            open_download(session=session, settings=settings, document_id=doc.id, actor=people["stranger"])


def test_open_download_returns_name_type_and_bytes_after_the_checks(session, settings, people):
    req = with_every_document(session, settings, people["customer"], "delivered")
    extract = next(
        d
        for d in downloads(session=session, request_id=req.id, actor=people["customer"])
        if d.document.kind == "extract"
    )
    assert open_download(
        session=session, settings=settings, document_id=extract.document.id, actor=people["customer"]
    ) == ("extract.bin", "x/y", ZIP_BYTES)


def test_the_data_is_refused_to_the_customer_before_delivery(session, settings, people):
    req = with_every_document(session, settings, people["customer"], "ready")
    for kind in ("extract", "receipt", "abstract"):
        doc = session.exec(select(Document).where(Document.request_id == req.id, Document.kind == kind)).one()
        with pytest.raises(PermissionDenied, match="belum dapat diunduh"):
            open_download(session=session, settings=settings, document_id=doc.id, actor=people["customer"])


def test_a_tampered_file_is_refused_on_download(session, settings, people):
    req = with_every_document(session, settings, people["customer"], "delivered")
    extract = next(
        d
        for d in downloads(session=session, request_id=req.id, actor=people["customer"])
        if d.document.kind == "extract"
    )
    (settings.files_dir / extract.file.relpath).write_bytes(ZIP_BYTES[:-1] + b"\x01")
    for who in ("customer", "officer"):
        with pytest.raises(UserError, match="rusak: hash tidak cocok"):
            open_download(
                session=session, settings=settings, document_id=extract.document.id, actor=people[who]
            )


def test_an_unknown_document_is_reported(session, settings, people):
    with pytest.raises(UserError, match="Dokumen tidak ditemukan"):
        open_download(session=session, settings=settings, document_id=9999, actor=people["officer"])


def test_a_revision_request_within_the_window_is_recorded_with_its_reason(session, people):
    req = make_request(session, customer=people["customer"], status="delivered", now=NOW, complete=False)
    req.first_delivered_at = NOW - timedelta(days=29)
    session.add(req)
    revision = request_revision(
        session=session, request_id=req.id, actor=people["customer"], reason="  Label R405 salah ", now=NOW
    )
    assert (revision.reason, revision.requested_at, revision.fixed_at) == ("Label R405 salah", NOW, None)
    assert session.get(DataRequest, req.id).status == "revision"


def test_a_revision_request_is_refused_after_the_window_or_by_a_stranger(session, people):
    req = make_request(session, customer=people["customer"], status="closed", now=NOW, complete=False)
    req.first_delivered_at = NOW - timedelta(days=31)
    session.add(req)
    with pytest.raises(UserError, match="sudah lewat"):
        request_revision(
            session=session, request_id=req.id, actor=people["customer"], reason="salah", now=NOW
        )
    with pytest.raises(PermissionDenied):
        request_revision(
            session=session,
            request_id=req.id,
            actor=people["stranger"],
            reason="salah",
            now=NOW,
            window_days=60,
        )
    assert session.exec(select(Revision)).all() == []
    assert session.get(DataRequest, req.id).status == "closed"


def test_the_officer_can_open_the_customers_abstract_and_letter(session, settings, people):
    from core.requests import attach_upload

    req = make_request(session, customer=people["customer"], status="draft", now=NOW, complete=False)
    for kind in ("abstract", "letter"):
        attach_upload(
            session=session,
            settings=settings,
            request_id=req.id,
            actor=people["customer"],
            kind=kind,
            upload=Upload(f"{kind}.pdf", PDF_BYTES + kind.encode()),
            now=NOW,
        )
    found = {
        d.document.kind: d for d in downloads(session=session, request_id=req.id, actor=people["officer"])
    }
    assert sorted(found) == ["abstract", "letter"]
    _name, _mime, data = open_download(
        session=session, settings=settings, document_id=found["abstract"].document.id, actor=people["officer"]
    )
    assert data == PDF_BYTES + b"abstract"
