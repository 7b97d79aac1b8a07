"""The officer prepares the data: extract and sample (zipped with codebook and manifest), invoice, SPPD."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from catalog.extract import write_extract
from catalog.sample import write_sample
from core import workflow
from core.browse import dataset_variables, value_labels
from core.clock import add_months
from core.doclog import add_document, latest_document
from core.documents import Party, render_codebook, render_invoice, render_sppd
from core.errors import UserError
from core.fees import DEFAULT_TARIFF, invoice_lines, total_idr
from core.files import store_bytes, store_path
from core.i18n import text
from core.models import DataRequest, Dataset, Document, Invoice, StoredFile, User
from core.numbering import next_number
from core.requests import cart_items, item_variables
from core.settings import Settings
from core.staff import claim, officer_request

ZIP_MIME = "application/zip"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class PackedDataset:
    title: str
    file: str
    rows: int
    bytes: int


def party_of(user: User) -> Party:
    return Party(name=user.name, institution=user.institution, email=user.email, npwp=user.npwp)


def _codebook_vars(session: Session, dataset_id: int, names: list[str]) -> list[dict]:
    by_name = {v.name: v for v in dataset_variables(session=session, dataset_id=dataset_id)}
    return [
        {
            "name": n,
            "label": by_name[n].label,
            "kind": by_name[n].kind,
            "value_labels": value_labels(by_name[n]),
        }
        for n in names
        if n in by_name
    ]


def _write_zip(target: Path, members: list[Path], manifest: dict) -> None:
    manifest["files"] = {m.name: hashlib.sha256(m.read_bytes()).hexdigest() for m in members}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            archive.write(member, member.name)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))


def _pack(session: Session, settings: Settings, req: DataRequest, *, sample: bool) -> Path:
    """Write each cart item's data (or synthetic sample) with its codebook into one zip; return the zip."""
    work = settings.data_dir / "tmp" / uuid.uuid4().hex
    work.mkdir(parents=True)
    members: list[Path] = []
    packed: list[PackedDataset] = []
    try:
        for index, item in enumerate(cart_items(session=session, request_id=req.id or 0), start=1):
            dataset = session.get(Dataset, item.dataset_id)
            assert dataset is not None
            names = item_variables(item)
            out = work / f"{'contoh' if sample else 'data'}_{index}_{dataset.id}.{req.output_format}"
            common: dict[str, Any] = {
                "session": session,
                "catalog_dir": settings.catalog_dir,
                "dataset_id": item.dataset_id,
                "variables": names,
                "fmt": req.output_format,
                "out_path": out,
                "where": item.row_filter,
            }
            if sample:
                result = write_sample(**common, rows=settings.sample_rows, seed=req.id or 0)
            else:
                result = write_extract(**common, fingerprint=req.number)
            codebook = work / f"kodebuk_{index}_{dataset.id}.pdf"
            codebook.write_bytes(
                render_codebook(
                    title=dataset.title,
                    fingerprint=req.number,
                    variables=_codebook_vars(session, item.dataset_id, names),
                )
            )
            members += [out, codebook]
            packed.append(PackedDataset(dataset.title, out.name, result.rows, out.stat().st_size))
        target = work / "paket.zip"
        _write_zip(
            target,
            members,
            {"request": req.number, "sample": sample, "datasets": [p.__dict__ for p in packed]},
        )
        final = settings.data_dir / "tmp" / f"{uuid.uuid4().hex}.zip"
        target.replace(final)
        return final
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _store_pack(
    session: Session, settings: Settings, req: DataRequest, *, sample: bool, now: datetime
) -> Document:
    path = _pack(session, settings, req, sample=sample)
    kind = "sample" if sample else "extract"
    name = f"{'contoh' if sample else 'data'}_{req.number.replace('/', '-')}.zip"
    stored = store_path(
        session=session, files_dir=settings.files_dir, source=path, name=name, mime=ZIP_MIME, now=now
    )
    return add_document(session, request_id=req.id or 0, kind=kind, file_id=stored.id or 0, now=now)


def build_extract_and_sample(
    *,
    session: Session,
    settings: Settings,
    request_id: int,
    actor: User,
    now: datetime,
    seen_version: int | None = None,
) -> tuple[Document, Document]:
    """Build the data package and the synthetic sample package for an approved request."""
    req = officer_request(session, request_id, actor, "approved", seen_version=seen_version)
    version = req.version
    packs = (
        _store_pack(session, settings, req, sample=False, now=now),
        _store_pack(session, settings, req, sample=True, now=now),
    )
    claim(session, req, version)
    return packs


def rebuild_extract(*, session: Session, settings: Settings, req: DataRequest, now: datetime) -> Document:
    """A new version of the data package (for a revision); the old one stays stored."""
    return _store_pack(session, settings, req, sample=False, now=now)


def packed_datasets(*, settings: Settings, session: Session, document: Document) -> list[PackedDataset]:
    stored = session.get(StoredFile, document.file_id)
    assert stored is not None
    with zipfile.ZipFile(settings.files_dir / stored.relpath) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return [PackedDataset(**d) for d in manifest["datasets"]]


def _payment_instructions(customer: User, settings: Settings) -> str:
    if customer.domicile == "ID":
        return (
            "Bayar melalui SIMPONI dengan kode billing yang tampil di halaman Permintaan Saya. "
            "Simpan bukti bayar yang memuat NTPN."
        )
    instructions = settings.transfer_instructions or text("id", "transfer_instructions_default")
    return f"{instructions} Unggah bukti transfer di halaman Permintaan Saya."


def issue_documents(
    *,
    session: Session,
    settings: Settings,
    request_id: int,
    actor: User,
    now: datetime,
    seen_version: int | None = None,
) -> Invoice:
    """Price the built extract, issue invoice and SPPD, and move the request to awaiting payment."""
    req = officer_request(session, request_id, actor, "approved", seen_version=seen_version)
    extract = latest_document(session, request_id, "extract")
    customer = session.get(User, req.customer_id)
    assert customer is not None
    if extract is None:
        raise UserError("err_build_extract_first")
    packed = packed_datasets(settings=settings, session=session, document=extract)
    lines = invoice_lines([(p.title, p.bytes) for p in packed], zero_tariff=req.zero_tariff)
    number = next_number(session=session, kind="invoice", office_code=settings.office_code, now=now)
    invoice = Invoice(
        request_id=request_id,
        number=number,
        issued_at=now,
        valid_until=add_months(now, settings.invoice_valid_months),
        amount_idr=total_idr(lines),
        lines_json=json.dumps([line.__dict__ for line in lines]),
        regulation=DEFAULT_TARIFF.regulation,
    )
    session.add(invoice)
    pdf = render_invoice(
        number=number,
        issued_at=now,
        valid_until=invoice.valid_until,
        customer=party_of(customer),
        lines=lines,
        total_idr=invoice.amount_idr,
        payment_instructions=_payment_instructions(customer, settings),
        regulation=invoice.regulation,
        request_number=req.number,
    )
    store_pdf(session, settings, req, "invoice", number, pdf, now)
    sppd_number = next_number(session=session, kind="sppd", office_code=settings.office_code, now=now)
    sppd = render_sppd(
        number=sppd_number,
        issued_at=now,
        customer=party_of(customer),
        request_number=req.number,
        datasets=_sppd_datasets(session, req),
        purpose=req.purpose,
    )
    store_pdf(session, settings, req, "sppd", sppd_number, sppd, now)
    workflow.fire(session=session, request_id=request_id, event="issue_documents", actor=actor, now=now)
    return invoice


def _sppd_datasets(session: Session, req: DataRequest) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for item in cart_items(session=session, request_id=req.id or 0):
        dataset = session.get(Dataset, item.dataset_id)
        assert dataset is not None
        variables = _codebook_vars(session, item.dataset_id, item_variables(item))
        out.append((dataset.title, [(v["name"], v["label"]) for v in variables]))
    return out


def store_pdf(
    session: Session, settings: Settings, req: DataRequest, kind: str, number: str, pdf: bytes, now: datetime
) -> Document:
    name = f"{number.replace('/', '-')}.pdf"
    stored = store_bytes(
        session=session, files_dir=settings.files_dir, data=pdf, name=name, mime=PDF_MIME, now=now
    )
    return add_document(
        session, request_id=req.id or 0, kind=kind, file_id=stored.id or 0, now=now, number=number
    )
