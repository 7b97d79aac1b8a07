"""The whole service, registration to rating, through the services on real Susenas microdata."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pyreadstat
import pytest
from sqlmodel import select

from catalog.importer import import_dataset
from core import workflow
from core.delivery import accept_delivery, deliver, deliver_fix, downloads, open_download, request_revision
from core.errors import PermissionDenied, UserError
from core.fulfilment import build_extract_and_sample, issue_documents
from core.models import AuditEvent, OutboxMail, Rating
from core.payments import receive_sppd, record_billing_code, record_payment
from core.requests import attach_abstract, current_draft, rate_request, set_cart_item, submit_request
from core.settings import Settings
from core.uploads import Upload
from core.users import Registration, register_customer, verify_email
from tests.conftest import NOW, shared_file
from tests.factories import PDF_BYTES, make_user

CHOSEN = ["R101", "R102", "R105", "R405", "R407", "FWT"]


def _read_sav_from_zip(data: bytes, tmp_path):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        sav = next(n for n in names if n.endswith(".sav"))
        target = tmp_path / sav
        target.write_bytes(archive.read(sav))
        manifest = json.loads(archive.read("manifest.json"))
    frame, meta = pyreadstat.read_sav(str(target))
    return frame, meta, names, manifest


def test_a_request_runs_from_registration_to_rating_on_susenas(session, data_dir, tmp_path):
    susenas = shared_file("bps/SUSENAS2020.sav")
    settings = Settings(DATA_DIR=data_dir, SILASTIK_DEMO=False)
    officer = make_user(session, role="officer", now=NOW)

    # 1. A private-sector customer registers with an NPWP and verifies the email.
    customer = register_customer(
        session=session,
        now=NOW,
        form=Registration(
            username="peneliti",
            email="Peneliti@Contoh.id",
            name="Dewi Peneliti",
            password="rahasia-kuat-1",
            institution="PT Riset Gayo",
            segment="swasta",
            domicile="ID",
            npwp="01.300.066.6-091.000",
        ),
    )
    assert customer.npwp == "0013000666091000"
    mail = session.exec(select(OutboxMail).where(OutboxMail.to == "peneliti@contoh.id")).one()
    verify_email(session=session, token=mail.body.split("verify=")[1].split()[0])

    # 2. The catalog holds Susenas; the customer picks variables and uploads an abstract.
    dataset = import_dataset(session=session, path=susenas, catalog_dir=settings.catalog_dir, now=NOW)
    draft = current_draft(session=session, actor=customer, now=NOW, settings=settings)
    set_cart_item(
        session=session, request_id=draft.id, actor=customer, dataset_id=dataset.id, variables=CHOSEN
    )
    attach_abstract(
        session=session,
        settings=settings,
        request_id=draft.id,
        actor=customer,
        upload=Upload("abstraksi.pdf", PDF_BYTES),
        now=NOW,
    )
    req = submit_request(
        session=session,
        request_id=draft.id,
        actor=customer,
        now=NOW,
        output_format="sav",
        accept_terms=True,
        purpose="Analisis ketenagakerjaan menurut umur dan jenis kelamin",
    )
    assert req.status == "submitted"

    # 3-4. The officer approves, builds extract and sample, issues invoice and SPPD.
    t = NOW + timedelta(hours=2)
    workflow.fire(session=session, request_id=req.id, event="approve", actor=officer, now=t)
    build_extract_and_sample(session=session, settings=settings, request_id=req.id, actor=officer, now=t)
    invoice = issue_documents(session=session, settings=settings, request_id=req.id, actor=officer, now=t)
    assert invoice.number == "INV/1117/2026/00001"
    assert invoice.amount_idr >= 20_000 and invoice.valid_until == t.replace(month=1, year=2027)
    visible = {d.document.kind for d in downloads(session=session, request_id=req.id, actor=customer)}
    assert visible == {"sample", "invoice", "sppd"}
    for item in downloads(session=session, request_id=req.id, actor=customer):
        name, _mime, data = open_download(
            session=session, settings=settings, document_id=item.document.id, actor=customer
        )
        assert data[:4] in (b"%PDF", b"PK\x03\x04"), name

    # 5. Billing code, NTPN with the invoice's amount, then the SPPD originals arrive.
    record_billing_code(
        session=session, request_id=req.id, actor=officer, billing_code="820261234567890", now=t
    )
    with pytest.raises(UserError, match="tidak sama"):
        record_payment(
            session=session,
            request_id=req.id,
            actor=officer,
            ntpn="A1B2C3D4E5F6G7H8",
            paid_on=t.date(),
            amount_idr=invoice.amount_idr + 1,
            now=t,
        )
    record_payment(
        session=session,
        request_id=req.id,
        actor=officer,
        ntpn="A1B2C3D4E5F6G7H8",
        paid_on=t.date(),
        amount_idr=invoice.amount_idr,
        now=t,
    )
    invoice_doc = next(
        d
        for d in downloads(session=session, request_id=req.id, actor=customer)
        if d.document.kind == "invoice"
    )
    with pytest.raises(PermissionDenied):
        open_download(
            session=session,
            settings=settings,
            document_id=invoice_doc.document.id,
            actor=make_user(session, now=t),
        )
    receive_sppd(session=session, request_id=req.id, actor=officer, now=t)

    # 6. Receipt and data; the delivered file holds exactly the chosen variables, all rows, the labels.
    deliver(session=session, settings=settings, request_id=req.id, actor=officer, now=t)
    data_doc = next(
        d
        for d in downloads(session=session, request_id=req.id, actor=customer)
        if d.document.kind == "extract"
    )
    _name, _mime, package = open_download(
        session=session, settings=settings, document_id=data_doc.document.id, actor=customer
    )
    frame, meta, members, manifest = _read_sav_from_zip(package, tmp_path)
    original = pyreadstat.read_sav(str(susenas), usecols=CHOSEN)[1]
    assert list(frame.columns) == CHOSEN
    assert len(frame) == 24_915
    assert [meta.column_names_to_labels[c] for c in CHOSEN] == [
        original.column_names_to_labels[c] for c in CHOSEN
    ]
    assert manifest["request"] == req.number and set(manifest["files"]) <= set(members)
    assert any(m.endswith(".pdf") for m in members)  # the codebook travels with the data

    # 7. A revision within 30 days, the fix, acceptance, and the rating.
    later = t + timedelta(days=3)
    request_revision(
        session=session, request_id=req.id, actor=customer, reason="Mohon kirim ulang", now=later
    )
    deliver_fix(session=session, settings=settings, request_id=req.id, actor=officer, now=later)
    closed = accept_delivery(session=session, request_id=req.id, actor=customer, now=later)
    assert closed.status == "closed"
    rate_request(
        session=session,
        request_id=req.id,
        actor=customer,
        scores=[4, 4, 3, 4, 3, 4, 4, 3, 4],
        feedback="Cepat",
        now=later,
    )
    assert session.exec(select(Rating).where(Rating.request_id == req.id)).one().feedback == "Cepat"
    trail = [
        e.event
        for e in session.exec(
            select(AuditEvent).where(AuditEvent.request_id == req.id).order_by(AuditEvent.id)
        )
    ]
    assert trail == [
        "submit",
        "approve",
        "issue_documents",
        "record_payment",
        "receive_sppd",
        "deliver",
        "request_revision",
        "deliver_fix",
        "accept",
    ]
