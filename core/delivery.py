"""Delivery of receipt and data, revisions and their fixes, and what each person may download."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from catalog.query import count_rows
from core import workflow
from core.doclog import latest_document
from core.documents import render_receipt
from core.errors import PermissionDenied, UserError
from core.files import read_checked
from core.fulfilment import packed_datasets, party_of, rebuild_extract, store_pdf
from core.models import DataRequest, Delivery, Document, Revision, StoredFile, User
from core.numbering import next_number
from core.requests import cart_items, get_request, item_variables, write_cart_item
from core.settings import Settings
from core.staff import officer_request
from core.workflow import payment_of

CUSTOMER_DOCS_FROM = ("awaiting_payment", "ready", "delivered", "revision", "closed", "expired")
DATA_STATUSES = ("delivered", "revision", "closed")
CUSTOMER_DOCS = ("sample", "invoice", "sppd")
CUSTOMER_DATA = ("receipt", "extract")
CUSTOMER_UPLOADS = ("abstract", "letter", "transfer_proof")  # staff check these against the request
DOC_KINDS = CUSTOMER_DOCS + CUSTOMER_DATA + CUSTOMER_UPLOADS


def _payment_reference(session: Session, req: DataRequest) -> tuple[int, str]:
    invoice = workflow.latest_invoice(session, req)
    amount = invoice.amount_idr if invoice else 0
    payment = payment_of(session, req.id or 0)
    if amount == 0:
        return 0, "Tarif Rp0"
    if payment is None:
        return amount, "-"
    return amount, payment.ntpn or f"Transfer terverifikasi ({payment.paid_on})"


def deliver(
    *,
    session: Session,
    settings: Settings,
    request_id: int,
    actor: User,
    now: datetime,
    seen_version: int | None = None,
) -> Delivery:
    """Issue the receipt and send the data package to the customer."""
    req = officer_request(session, request_id, actor, "ready", seen_version=seen_version)
    extract = latest_document(session, request_id, "extract")
    customer = session.get(User, req.customer_id)
    if extract is None or customer is None:
        raise UserError("err_data_not_built")
    amount, reference = _payment_reference(session, req)
    number = next_number(session=session, kind="receipt", office_code=settings.office_code, now=now)
    pdf = render_receipt(
        number=number,
        issued_at=now,
        customer=party_of(customer),
        request_number=req.number,
        amount_idr=amount,
        reference=reference,
    )
    receipt = store_pdf(session, settings, req, "receipt", number, pdf, now)
    delivery = _record_delivery(session, settings, req, extract, receipt.id, now, is_fix=False)
    workflow.fire(session=session, request_id=request_id, event="deliver", actor=actor, now=now)
    return delivery


def _record_delivery(
    session: Session,
    settings: Settings,
    req: DataRequest,
    extract: Document,
    receipt_id: int | None,
    now: datetime,
    *,
    is_fix: bool,
) -> Delivery:
    rows = sum(p.rows for p in packed_datasets(settings=settings, session=session, document=extract))
    delivery = Delivery(
        request_id=req.id or 0,
        data_file_id=extract.file_id,
        receipt_document_id=receipt_id,
        rows=rows,
        is_fix=is_fix,
        delivered_at=now,
    )
    session.add(delivery)
    session.flush()
    return delivery


def request_revision(
    *, session: Session, request_id: int, actor: User, reason: str, now: datetime, window_days: int = 30
) -> Revision:
    req = get_request(session=session, request_id=request_id, actor=actor)
    workflow.fire(
        session=session,
        request_id=req.id or 0,
        event="request_revision",
        actor=actor,
        now=now,
        note=reason,
        window_days=window_days,
    )
    revision = Revision(request_id=request_id, reason=reason.strip(), requested_at=now)
    session.add(revision)
    session.flush()
    return revision


def deliver_fix(
    *,
    session: Session,
    settings: Settings,
    request_id: int,
    actor: User,
    now: datetime,
    seen_version: int | None = None,
    note: str = "",
    amendments: dict[int, tuple[list[str], str]] | None = None,
) -> Delivery:
    """Rebuild the data package from the stored definition, after the officer's amendments (dataset id
    -> variables and row filter), and send it again."""
    req = officer_request(session, request_id, actor, "revision", seen_version=seen_version)
    changes = _amend(session, settings, req, amendments or {})
    revision = open_revision(session=session, request_id=request_id, actor=actor)
    if revision is None:
        raise UserError("err_no_open_revision")
    extract = rebuild_extract(session=session, settings=settings, req=req, now=now)
    revision.fixed_at = now
    session.add(revision)
    delivery = _record_delivery(session, settings, req, extract, None, now, is_fix=True)
    note = "; ".join(part for part in (note.strip(), *changes) if part)
    workflow.fire(
        session=session, request_id=request_id, event="deliver_fix", actor=actor, now=now, note=note
    )
    return delivery


def _amend(
    session: Session, settings: Settings, req: DataRequest, amendments: dict[int, tuple[list[str], str]]
) -> list[str]:
    """Apply the officer's changes to the order. The invoice was priced and the SPPD signed for this
    order, so a fix may only narrow it: fewer variables, no more rows. Returns what changed, for the audit."""
    current = {item.dataset_id: item for item in cart_items(session=session, request_id=req.id or 0)}
    changes = []
    for dataset_id, (variables, row_filter) in amendments.items():
        item = current.get(dataset_id)
        if item is None:
            raise UserError("err_fix_outside_order")
        before, old_filter = item_variables(item), item.row_filter
        if variables == before and row_filter.strip() == old_filter:
            continue
        if not set(variables) <= set(before):
            raise UserError("err_fix_adds_variables", names=", ".join(sorted(set(variables) - set(before))))
        rows = {
            f: count_rows(session=session, catalog_dir=settings.catalog_dir, dataset_id=dataset_id, where=f)
            for f in (old_filter, row_filter)
        }
        if rows[row_filter] > rows[old_filter]:
            raise UserError("err_fix_adds_rows", before=rows[old_filter], after=rows[row_filter])
        write_cart_item(session, req, dataset_id, variables, row_filter)
        changes.append(f"{dataset_id}: {', '.join(variables)} | {row_filter.strip() or '-'}")
    return changes


def open_revision(*, session: Session, request_id: int, actor: User) -> Revision | None:
    """The revision request not yet served, for the officer to read in full."""
    get_request(session=session, request_id=request_id, actor=actor)
    query = (
        select(Revision)
        .where(Revision.request_id == request_id, col(Revision.fixed_at).is_(None))
        .order_by(col(Revision.id).desc())
    )
    return session.exec(query).first()


def accept_delivery(*, session: Session, request_id: int, actor: User, now: datetime) -> DataRequest:
    return workflow.fire(session=session, request_id=request_id, event="accept", actor=actor, now=now)


@dataclass(frozen=True)
class Downloadable:
    document: Document
    file: StoredFile


def downloads(*, session: Session, request_id: int, actor: User) -> list[Downloadable]:
    """The newest version of each document this actor may download now."""
    req = get_request(session=session, request_id=request_id, actor=actor)
    kinds: tuple[str, ...] = DOC_KINDS
    if actor.role == "customer":
        kinds = CUSTOMER_DOCS if req.status in CUSTOMER_DOCS_FROM else ()
        if req.status in DATA_STATUSES:
            kinds += CUSTOMER_DATA
    found = []
    for kind in kinds:
        doc = latest_document(session, request_id, kind)
        stored = session.get(StoredFile, doc.file_id) if doc else None
        if doc is not None and stored is not None:
            found.append(Downloadable(doc, stored))
    return found


def open_download(
    *, session: Session, settings: Settings, document_id: int, actor: User
) -> tuple[str, str, bytes]:
    """(file name, MIME type, bytes) of a document, after the ownership, status and hash checks."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise UserError("err_document_not_found")
    allowed = {d.document.id for d in downloads(session=session, request_id=doc.request_id, actor=actor)}
    if doc.id not in allowed:
        raise PermissionDenied("err_document_not_downloadable")
    stored = session.get(StoredFile, doc.file_id)
    assert stored is not None
    return stored.original_name, stored.mime, read_checked(files_dir=settings.files_dir, record=stored)
