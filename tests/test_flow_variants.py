"""The other ways through the service: a customer abroad paying by transfer, and the Rp0 tariff."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest
from sqlmodel import select

from catalog.demo import ensure_demo_catalog
from core import workflow
from core.delivery import deliver, downloads
from core.errors import UserError
from core.fulfilment import build_extract_and_sample, issue_documents
from core.models import CartItem
from core.payments import receive_sppd, upload_transfer_proof, verify_transfer
from core.requests import attach_abstract, attach_letter, current_draft, set_cart_item, submit_request
from core.settings import Settings
from core.uploads import Upload
from tests.conftest import NOW
from tests.factories import PDF_BYTES, make_user

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def setting(data_dir):
    return Settings(DATA_DIR=data_dir)


def _submitted(session, setting, customer):
    """A submitted request for three demo variables (the submission may be refused)."""
    dataset = ensure_demo_catalog(
        session=session, catalog_dir=setting.catalog_dir, work_dir=setting.data_dir / "tmp", now=NOW
    )[0]
    names = ["R405", "R407", "FWT", "KAPITA"]
    draft = current_draft(session=session, actor=customer, now=NOW, settings=setting)
    set_cart_item(
        session=session, request_id=draft.id, actor=customer, dataset_id=dataset.id, variables=names
    )
    attach_abstract(
        session=session,
        settings=setting,
        request_id=draft.id,
        actor=customer,
        upload=Upload("abstrak.pdf", PDF_BYTES),
        now=NOW,
    )
    return submit_request(
        session=session,
        request_id=draft.id,
        actor=customer,
        output_format="csv",
        accept_terms=True,
        now=NOW,
        purpose="Comparative study of district labour markets",
    )


def _documents_issued(session, setting, req, officer):
    workflow.fire(session=session, request_id=req.id, event="approve", actor=officer, now=NOW)
    build_extract_and_sample(session=session, settings=setting, request_id=req.id, actor=officer, now=NOW)
    return issue_documents(session=session, settings=setting, request_id=req.id, actor=officer, now=NOW)


def test_a_customer_abroad_pays_by_transfer_proof_that_an_officer_verifies(session, setting):
    officer = make_user(session, role="officer", now=NOW)
    customer = make_user(session, now=NOW, domicile="abroad", segment="perorangan")
    req = _submitted(session, setting, customer)
    invoice = _documents_issued(session, setting, req, officer)
    assert invoice.amount_idr == 20_000  # a small demo extract stays within the first 1 MB

    with pytest.raises(UserError, match="Pelanggan belum mengunggah bukti transfer"):
        verify_transfer(session=session, request_id=req.id, actor=officer, now=NOW)
    with pytest.raises(UserError, match="bukan PDF, PNG, JPEG"):
        upload_transfer_proof(
            session=session,
            settings=setting,
            request_id=req.id,
            actor=customer,
            upload=Upload("bukti.png", b"GIF89a..."),
            now=NOW,
        )
    upload_transfer_proof(
        session=session,
        settings=setting,
        request_id=req.id,
        actor=customer,
        upload=Upload("bukti.png", PNG),
        now=NOW,
    )
    verify_transfer(session=session, request_id=req.id, actor=officer, now=NOW + timedelta(hours=1))
    ready = receive_sppd(session=session, request_id=req.id, actor=officer, now=NOW + timedelta(days=5))
    assert ready is None
    assert session.get(type(req), req.id).status == "ready"
    deliver(session=session, settings=setting, request_id=req.id, actor=officer, now=NOW + timedelta(days=5))
    kinds = [d.document.kind for d in downloads(session=session, request_id=req.id, actor=customer)]
    assert kinds == ["sample", "invoice", "sppd", "receipt", "extract"]


def test_a_government_request_with_a_letter_pays_rp0_and_needs_only_the_sppd(session, setting):
    officer = make_user(session, role="officer", now=NOW)
    customer = make_user(session, now=NOW, segment="pemerintah", institution="Bappeda Bener Meriah")
    with pytest.raises(UserError, match="surat permohonan"):
        _submitted(session, setting, customer)
    draft = current_draft(session=session, actor=customer, now=NOW, settings=setting)
    assert draft.status == "draft"  # the refused submission kept the cart
    attach_letter(
        session=session,
        settings=setting,
        request_id=draft.id,
        actor=customer,
        upload=Upload("surat.pdf", PDF_BYTES),
        now=NOW,
    )
    req = submit_request(
        session=session,
        request_id=draft.id,
        actor=customer,
        output_format="csv",
        accept_terms=True,
        now=NOW,
        purpose="Perencanaan pembangunan daerah berbasis data",
    )
    assert req.zero_tariff is True
    invoice = _documents_issued(session, setting, req, officer)
    assert invoice.amount_idr == 0
    receive_sppd(session=session, request_id=req.id, actor=officer, now=NOW)
    assert session.get(type(req), req.id).status == "ready"


def test_a_revision_fix_can_change_the_order_and_the_new_package_shows_it(session, setting):
    import io
    import zipfile

    from core.delivery import deliver_fix, open_revision, request_revision
    from core.models import StoredFile
    from core.payments import record_payment

    officer = make_user(session, role="officer", now=NOW)
    customer = make_user(session, now=NOW, domicile="ID")
    req = _submitted(session, setting, customer)
    invoice = _documents_issued(session, setting, req, officer)
    record_payment(
        session=session,
        request_id=req.id,
        actor=officer,
        ntpn="0A1B2C3D4E5F6G7H",
        paid_on=NOW.date(),
        amount_idr=invoice.amount_idr,
        now=NOW,
    )
    receive_sppd(session=session, request_id=req.id, actor=officer, now=NOW)
    deliver(session=session, settings=setting, request_id=req.id, actor=officer, now=NOW)
    request_revision(
        session=session,
        request_id=req.id,
        actor=customer,
        now=NOW + timedelta(days=1),
        reason="Mohon hanya laki-laki umur 60 tahun ke atas, dan tambahkan penimbang FWT",
    )
    assert open_revision(session=session, request_id=req.id, actor=officer).reason.startswith("Mohon hanya")
    [item] = session.exec(select(CartItem).where(CartItem.request_id == req.id)).all()
    later = NOW + timedelta(days=2)
    refusals = [
        ({item.dataset_id: (["R405", "R101"], "")}, "tidak boleh menambah variabel di luar SPPD: R101"),
        ({999: (["R405"], "")}, "hanya boleh mengubah dataset yang ada dalam pesanan"),
    ]
    for amendments, message in refusals:
        with pytest.raises(UserError, match=message):
            deliver_fix(
                session=session,
                settings=setting,
                request_id=req.id,
                actor=officer,
                now=later,
                amendments=amendments,
            )
    item.row_filter = "R405 = 1"  # as if the order had been filtered: a fix may not widen it
    with pytest.raises(UserError, match="tidak boleh menambah baris"):
        deliver_fix(
            session=session,
            settings=setting,
            request_id=req.id,
            actor=officer,
            now=later,
            amendments={item.dataset_id: (["R405"], "")},
        )
    item.row_filter = ""
    deliver_fix(
        session=session,
        settings=setting,
        request_id=req.id,
        actor=officer,
        now=NOW + timedelta(days=2),
        amendments={item.dataset_id: (["R405", "R407", "FWT"], "R405 = 1 and R407 >= 60")},
    )
    data = next(
        d
        for d in downloads(session=session, request_id=req.id, actor=customer)
        if d.document.kind == "extract"
    )
    assert data.document.version == 2
    stored = session.get(StoredFile, data.file.id)
    with zipfile.ZipFile(setting.files_dir / stored.relpath) as archive:
        csv_name = next(n for n in archive.namelist() if n.endswith(".csv"))
        frame = pd.read_csv(io.BytesIO(archive.read(csv_name)))
    assert list(frame.columns) == ["R405", "R407", "FWT"]
    assert set(frame["R405"]) == {1} and frame["R407"].min() >= 60
    assert open_revision(session=session, request_id=req.id, actor=officer) is None
    from core.models import AuditEvent

    fix = session.exec(select(AuditEvent).where(AuditEvent.event == "deliver_fix")).one()
    assert fix.note == f"{item.dataset_id}: R405, R407, FWT | R405 = 1 and R407 >= 60"
