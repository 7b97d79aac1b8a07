"""The customer's side of a request: cart, abstract, submission, listing, rating."""

from __future__ import annotations

import json
from datetime import datetime
from statistics import mean
from typing import Any

from sqlmodel import Session, col, select

from catalog.filters import parse_filter
from core import workflow
from core.browse import variable_kinds
from core.doclog import add_document
from core.errors import PermissionDenied, UserError
from core.files import store_bytes
from core.i18n import Msg
from core.models import ZERO_TARIFF_SEGMENTS, CartItem, DataRequest, Dataset, Rating, User
from core.numbering import next_number
from core.settings import Settings
from core.uploads import Upload, check_upload

OUTPUT_FORMATS = ("csv", "sav", "dta", "parquet", "xlsx")
IKM_ELEMENTS = 9


def _require_customer(actor: User) -> None:
    if actor.role != "customer":
        raise PermissionDenied("err_customers_only")


def get_request(*, session: Session, request_id: int, actor: User) -> DataRequest:
    """A request the actor may see: customers only their own; officers, managers and admins all."""
    req = session.get(DataRequest, request_id)
    if req is None:
        raise UserError("err_request_not_found")
    if actor.role == "customer" and req.customer_id != actor.id:
        raise PermissionDenied("err_request_not_yours")
    return req


def current_draft(*, session: Session, actor: User, now: datetime, settings: Settings) -> DataRequest:
    """The customer's open cart: a request returned for fixing first, else the draft (made if none)."""
    _require_customer(actor)
    for status in ("returned", "draft"):
        found = session.exec(
            select(DataRequest).where(DataRequest.customer_id == actor.id, DataRequest.status == status)
        ).first()
        if found is not None:
            return found
    number = next_number(session=session, kind="request", office_code=settings.office_code, now=now)
    draft = DataRequest(
        number=number,
        customer_id=actor.id or 0,
        status="draft",
        created_at=now,
        zero_tariff=actor.segment in ZERO_TARIFF_SEGMENTS,
    )
    session.add(draft)
    session.flush()
    return draft


def _editable(session: Session, request_id: int, actor: User) -> DataRequest:
    req = get_request(session=session, request_id=request_id, actor=actor)
    if actor.id != req.customer_id or req.status not in ("draft", "returned"):
        raise UserError("err_request_locked")
    return req


def set_cart_item(
    *,
    session: Session,
    request_id: int,
    actor: User,
    dataset_id: int,
    variables: list[str],
    row_filter: str = "",
) -> CartItem:
    """Put one dataset's chosen variables (and row filter) in the cart, replacing an earlier choice."""
    req = _editable(session, request_id, actor)
    return write_cart_item(session, req, dataset_id, variables, row_filter)


def write_cart_item(
    session: Session, req: DataRequest, dataset_id: int, variables: list[str], row_filter: str
) -> CartItem:
    """Check the variables and the filter against the dataset, then store the choice."""
    if session.get(Dataset, dataset_id) is None:
        raise UserError("err_dataset_not_found")
    kinds = variable_kinds(session=session, dataset_id=dataset_id)
    unknown = [name for name in variables if name not in kinds]
    if unknown:
        raise UserError("err_variables_unknown", names=", ".join(unknown))
    if not variables:
        raise UserError("err_pick_a_variable")
    parse_filter(row_filter, kinds)  # raises a clear CatalogError for a bad filter
    item = session.exec(
        select(CartItem).where(CartItem.request_id == req.id, CartItem.dataset_id == dataset_id)
    ).first() or CartItem(request_id=req.id or 0, dataset_id=dataset_id)
    item.variables_json = json.dumps(list(dict.fromkeys(variables)))
    item.row_filter = row_filter.strip()
    session.add(item)
    session.flush()
    return item


def remove_cart_item(*, session: Session, request_id: int, actor: User, dataset_id: int) -> None:
    req = _editable(session, request_id, actor)
    for item in cart_items(session=session, request_id=req.id or 0):
        if item.dataset_id == dataset_id:
            session.delete(item)
    session.flush()


def cart_items(*, session: Session, request_id: int) -> list[CartItem]:
    return list(
        session.exec(select(CartItem).where(CartItem.request_id == request_id).order_by(col(CartItem.id)))
    )


def item_variables(item: CartItem) -> list[str]:
    return list(json.loads(item.variables_json or "[]"))


UPLOAD_KINDS = {"abstract": Msg("err_upload_what_abstract"), "letter": Msg("err_upload_what_letter")}


def attach_upload(
    *,
    session: Session,
    settings: Settings,
    request_id: int,
    actor: User,
    kind: str,
    upload: Upload,
    now: datetime,
) -> None:
    """Store the customer's abstract or request letter (PDF, checked by content) as a new version."""
    req = _editable(session, request_id, actor)
    mime = check_upload(upload, allowed=("pdf",), max_mb=settings.max_upload_mb, what=UPLOAD_KINDS[kind])
    stored = store_bytes(
        session=session, files_dir=settings.files_dir, data=upload.data, name=upload.name, mime=mime, now=now
    )
    add_document(session, request_id=req.id or 0, kind=kind, file_id=stored.id or 0, now=now)
    if kind == "abstract":
        req.abstract_file_id = stored.id
    else:
        req.letter_file_id = stored.id
    session.add(req)
    session.flush()


def attach_abstract(**kwargs: Any) -> None:
    attach_upload(kind="abstract", **kwargs)


def attach_letter(**kwargs: Any) -> None:
    attach_upload(kind="letter", **kwargs)


def submit_request(
    *,
    session: Session,
    request_id: int,
    actor: User,
    purpose: str,
    output_format: str,
    accept_terms: bool,
    now: datetime,
) -> DataRequest:
    """Record the purpose, format and accepted terms, then submit (or resubmit) the request."""
    req = _editable(session, request_id, actor)
    if not actor.email_verified:
        raise UserError("err_verify_email_first")
    if output_format not in OUTPUT_FORMATS:
        raise UserError("err_output_format_unknown")
    if len(purpose.strip()) < 20:
        raise UserError("err_purpose_too_short")
    if not accept_terms:
        raise UserError("err_terms_not_accepted")
    req.purpose, req.output_format, req.terms_accepted_at = purpose.strip(), output_format, now
    session.add(req)
    session.flush()
    event = "submit" if req.status == "draft" else "resubmit"
    return workflow.fire(session=session, request_id=req.id or 0, event=event, actor=actor, now=now)


def list_requests(*, session: Session, actor: User, statuses: tuple[str, ...] = ()) -> list[DataRequest]:
    """Customers see their own requests; staff see all. Drafts are left out."""
    query = select(DataRequest).where(DataRequest.status != "draft")
    if actor.role == "customer":
        query = query.where(DataRequest.customer_id == actor.id)
    if statuses:
        query = query.where(col(DataRequest.status).in_(statuses))
    return list(session.exec(query.order_by(col(DataRequest.id).desc())))


def ikm_index(scores: list[int]) -> float:
    """IKM index of one response (PermenPAN-RB 14/2017): mean of the element scores x 25."""
    return mean(scores) * 25


def rate_request(
    *, session: Session, request_id: int, actor: User, scores: list[int], feedback: str, now: datetime
) -> Rating:
    req = get_request(session=session, request_id=request_id, actor=actor)
    if actor.id != req.customer_id:
        raise PermissionDenied("err_rating_not_yours")
    if req.status != "closed":
        raise UserError("err_rating_too_early")
    if len(scores) != IKM_ELEMENTS or any(s not in (1, 2, 3, 4) for s in scores):
        raise UserError("err_rating_scores", n=IKM_ELEMENTS)
    if session.exec(select(Rating).where(Rating.request_id == req.id)).first():
        raise UserError("err_rating_exists")
    rating = Rating(
        request_id=req.id or 0, scores_json=json.dumps(scores), feedback=feedback.strip(), created_at=now
    )
    session.add(rating)
    session.flush()
    return rating


def rating_of(*, session: Session, request_id: int, actor: User) -> Rating | None:
    get_request(session=session, request_id=request_id, actor=actor)
    return session.exec(select(Rating).where(Rating.request_id == request_id)).first()
