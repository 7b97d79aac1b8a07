"""The customer's side of a request: draft and cart, abstract, submission, listing and rating."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from core import requests as svc
from core.errors import PermissionDenied, UserError
from core.files import read_checked
from core.models import CartItem, DataRequest, Rating, StoredFile, User
from core.settings import Settings
from core.uploads import Upload
from tests.conftest import NOW
from tests.factories import PDF_BYTES, make_dataset, make_request, make_user

PURPOSE = "Analisis ketenagakerjaan menurut umur dan jenis kelamin"
SCORES = [4, 4, 3, 4, 3, 4, 4, 3, 4]


@pytest.fixture
def settings(data_dir) -> Settings:
    return Settings(DATA_DIR=data_dir, SILASTIK_DEMO=False, DATABASE_URL="")


@pytest.fixture
def customer(session: Session) -> User:
    return make_user(session, now=NOW)


def draft_of(session: Session, actor: User, settings: Settings) -> DataRequest:
    return svc.current_draft(session=session, actor=actor, now=NOW, settings=settings)


def submit(session: Session, req: DataRequest, actor: User, **changes: object) -> DataRequest:
    values: dict[str, object] = {
        "purpose": PURPOSE,
        "output_format": "sav",
        "accept_terms": True,
        "now": NOW,
    }
    values.update(changes)
    return svc.submit_request(session=session, request_id=req.id, actor=actor, **values)  # type: ignore[arg-type]


def test_current_draft_makes_a_numbered_draft_once_and_then_reuses_it(session, customer, settings):
    draft = draft_of(session, customer, settings)
    assert (draft.number, draft.status, draft.customer_id, draft.zero_tariff) == (
        "REQ/1117/2026/00001",
        "draft",
        customer.id,
        False,
    )
    assert draft_of(session, customer, settings).id == draft.id
    other = draft_of(session, make_user(session, now=NOW), settings)
    assert other.id != draft.id and other.number == "REQ/1117/2026/00002"


@pytest.mark.parametrize(("segment", "zero"), [("pemerintah", True), ("pendidikan", True), ("swasta", False)])
def test_a_draft_is_zero_tariff_for_the_segments_the_regulation_names(session, settings, segment, zero):
    actor = make_user(session, now=NOW, segment=segment)
    assert draft_of(session, actor, settings).zero_tariff is zero


def test_current_draft_prefers_a_request_returned_for_fixing(session, customer, settings):
    draft = draft_of(session, customer, settings)
    returned = make_request(session, customer=customer, status="returned", now=NOW)
    assert draft_of(session, customer, settings).id == returned.id
    assert draft.id != returned.id


def test_staff_have_no_cart(session, settings):
    with pytest.raises(PermissionDenied):
        draft_of(session, make_user(session, role="officer", now=NOW), settings)


def test_set_cart_item_replaces_the_variables_of_the_same_dataset(session, customer, settings):
    draft = draft_of(session, customer, settings)
    first = make_dataset(session, now=NOW)
    second = make_dataset(session, now=NOW, names=("B1", "B2"))
    svc.set_cart_item(
        session=session, request_id=draft.id, actor=customer, dataset_id=first.id, variables=["R101"]
    )
    svc.set_cart_item(
        session=session, request_id=draft.id, actor=customer, dataset_id=second.id, variables=["B1"]
    )
    svc.set_cart_item(
        session=session,
        request_id=draft.id,
        actor=customer,
        dataset_id=first.id,
        variables=["R405", "R101", "R405"],
        row_filter="  R101 = 11 ",
    )
    items = svc.cart_items(session=session, request_id=draft.id)
    assert [(i.dataset_id, svc.item_variables(i), i.row_filter) for i in items] == [
        (first.id, ["R405", "R101"], "R101 = 11"),
        (second.id, ["B1"], ""),
    ]
    svc.remove_cart_item(session=session, request_id=draft.id, actor=customer, dataset_id=second.id)
    assert [i.dataset_id for i in svc.cart_items(session=session, request_id=draft.id)] == [first.id]


def test_a_cart_item_needs_a_known_dataset(session, customer, settings):
    draft = draft_of(session, customer, settings)
    with pytest.raises(UserError, match="Dataset tidak ditemukan"):
        svc.set_cart_item(
            session=session, request_id=draft.id, actor=customer, dataset_id=9999, variables=["X"]
        )
    assert session.exec(select(CartItem)).all() == []


def test_only_the_owner_edits_a_draft_and_only_while_it_is_open(session, customer, settings):
    draft = draft_of(session, customer, settings)
    dataset = make_dataset(session, now=NOW)
    stranger = make_user(session, now=NOW)
    with pytest.raises(PermissionDenied):
        svc.set_cart_item(
            session=session, request_id=draft.id, actor=stranger, dataset_id=dataset.id, variables=["R101"]
        )
    submitted = make_request(session, customer=customer, status="submitted", now=NOW)
    with pytest.raises(UserError, match="tidak dapat diubah lagi"):
        svc.set_cart_item(
            session=session,
            request_id=submitted.id,
            actor=customer,
            dataset_id=dataset.id,
            variables=["R101"],
        )
    with pytest.raises(UserError, match="tidak dapat diubah lagi"):
        svc.set_cart_item(
            session=session,
            request_id=draft.id,
            actor=make_user(session, role="officer", now=NOW),
            dataset_id=dataset.id,
            variables=["R101"],
        )


def test_the_abstract_is_stored_when_its_content_is_pdf(session, customer, settings):
    draft = draft_of(session, customer, settings)
    svc.attach_abstract(
        session=session,
        settings=settings,
        request_id=draft.id,
        actor=customer,
        upload=Upload("Abstraksi Saya.pdf", PDF_BYTES),
        now=NOW,
    )
    stored = session.get(StoredFile, draft.abstract_file_id)
    assert (stored.original_name, stored.mime) == ("Abstraksi_Saya.pdf", "application/pdf")
    assert read_checked(files_dir=settings.files_dir, record=stored) == PDF_BYTES


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, b"PK\x03\x04docx", b"teks biasa"])
def test_an_abstract_that_is_not_a_pdf_is_refused(session, customer, settings, data):
    draft = draft_of(session, customer, settings)
    with pytest.raises(UserError) as refused:
        svc.attach_abstract(
            session=session,
            settings=settings,
            request_id=draft.id,
            actor=customer,
            upload=Upload("abstraksi.pdf", data),
            now=NOW,
        )
    assert str(refused.value) == "Abstraksi: isi berkas abstraksi.pdf bukan PDF."
    assert draft.abstract_file_id is None
    assert session.exec(select(StoredFile)).all() == []


def test_a_complete_draft_is_submitted_with_its_purpose_format_and_terms(session, customer):
    req = make_request(session, customer=customer, status="draft", now=NOW)
    req.terms_accepted_at = None
    later = NOW.replace(hour=5)
    done = submit(session, req, customer, purpose=f"  {PURPOSE}  ", output_format="dta", now=later)
    assert (done.status, done.purpose, done.output_format, done.terms_accepted_at, done.submitted_at) == (
        "submitted",
        PURPOSE,
        "dta",
        later,
        later,
    )


def test_a_returned_request_is_resubmitted(session, customer):
    req = make_request(session, customer=customer, status="returned", now=NOW)
    assert submit(session, req, customer).status == "submitted"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"purpose": "Penelitian"}, "minimal 20 karakter"),
        ({"purpose": "   " + "x" * 19 + "   "}, "minimal 20 karakter"),
        ({"output_format": "docx"}, "Format keluaran tidak dikenal"),
        ({"output_format": "SAV"}, "Format keluaran tidak dikenal"),
        ({"accept_terms": False}, "harus menyetujui syarat pembelian"),
    ],
)
def test_submission_is_refused_without_purpose_known_format_or_accepted_terms(
    session, customer, changes, message
):
    req = make_request(session, customer=customer, status="draft", now=NOW)
    with pytest.raises(UserError, match=message):
        submit(session, req, customer, **changes)
    session.refresh(req)
    assert req.status == "draft"


def test_submission_is_refused_until_the_email_is_verified(session):
    unverified = make_user(session, now=NOW)
    unverified.email_verified = False
    req = make_request(session, customer=unverified, status="draft", now=NOW)
    with pytest.raises(UserError, match="Verifikasi email Anda terlebih dahulu"):
        submit(session, req, unverified)
    assert session.get(DataRequest, req.id).status == "draft"


@pytest.mark.parametrize("output_format", svc.OUTPUT_FORMATS)
def test_every_offered_output_format_can_be_submitted(session, customer, output_format):
    req = make_request(session, customer=customer, status="draft", now=NOW)
    assert submit(session, req, customer, output_format=output_format).output_format == output_format


def test_customers_list_only_their_own_requests_and_nobody_lists_drafts(session, customer):
    other = make_user(session, now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    make_request(session, customer=customer, status="draft", now=NOW, complete=False)
    mine_old = make_request(session, customer=customer, status="submitted", now=NOW, complete=False)
    mine_new = make_request(session, customer=customer, status="closed", now=NOW, complete=False)
    theirs = make_request(session, customer=other, status="approved", now=NOW, complete=False)
    make_request(session, customer=other, status="draft", now=NOW, complete=False)
    assert [r.id for r in svc.list_requests(session=session, actor=customer)] == [mine_new.id, mine_old.id]
    assert [r.id for r in svc.list_requests(session=session, actor=other)] == [theirs.id]
    assert [r.id for r in svc.list_requests(session=session, actor=officer)] == [
        theirs.id,
        mine_new.id,
        mine_old.id,
    ]
    assert [
        r.id for r in svc.list_requests(session=session, actor=officer, statuses=("submitted", "approved"))
    ] == [
        theirs.id,
        mine_old.id,
    ]
    assert svc.list_requests(session=session, actor=officer, statuses=("draft",)) == []


def test_get_request_keeps_customers_to_their_own(session, customer):
    req = make_request(session, customer=customer, status="submitted", now=NOW, complete=False)
    assert svc.get_request(session=session, request_id=req.id, actor=customer).id == req.id
    manager = make_user(session, role="manager", now=NOW)
    assert svc.get_request(session=session, request_id=req.id, actor=manager).id == req.id
    with pytest.raises(PermissionDenied, match="bukan milik Anda"):
        svc.get_request(session=session, request_id=req.id, actor=make_user(session, now=NOW))
    with pytest.raises(UserError, match="tidak ditemukan"):
        svc.get_request(session=session, request_id=9999, actor=manager)


def rate(
    session: Session, req: DataRequest, actor: User, scores=SCORES, feedback="Cepat dan jelas"
) -> Rating:
    return svc.rate_request(
        session=session, request_id=req.id, actor=actor, scores=list(scores), feedback=feedback, now=NOW
    )


def test_a_closed_request_is_rated_once(session, customer):
    req = make_request(session, customer=customer, status="closed", now=NOW, complete=False)
    rating = rate(session, req, customer, feedback="  Cepat dan jelas \n")
    stored = session.get(Rating, rating.id)
    assert (json.loads(stored.scores_json), stored.feedback, stored.created_at) == (
        SCORES,
        "Cepat dan jelas",
        NOW,
    )
    with pytest.raises(UserError, match="sudah dinilai"):
        rate(session, req, customer, scores=[1] * 9)
    assert len(session.exec(select(Rating)).all()) == 1


@pytest.mark.parametrize("status", ["submitted", "awaiting_payment", "delivered", "revision", "cancelled"])
def test_only_a_closed_request_can_be_rated(session, customer, status):
    req = make_request(session, customer=customer, status=status, now=NOW, complete=False)
    with pytest.raises(UserError, match="setelah transaksi selesai"):
        rate(session, req, customer)


@pytest.mark.parametrize("scores", [[4] * 8, [4] * 10, [4] * 8 + [5], [0] + [4] * 8, [4] * 8 + [2.5], []])
def test_a_rating_needs_nine_scores_from_1_to_4(session, customer, scores):
    req = make_request(session, customer=customer, status="closed", now=NOW, complete=False)
    with pytest.raises(UserError, match="Isi 9 unsur penilaian, masing-masing 1 sampai 4"):
        rate(session, req, customer, scores=scores)
    assert session.exec(select(Rating)).all() == []


def test_only_the_customer_who_ordered_rates(session, customer):
    req = make_request(session, customer=customer, status="closed", now=NOW, complete=False)
    with pytest.raises(PermissionDenied):
        rate(session, req, make_user(session, now=NOW))
    with pytest.raises(PermissionDenied):
        rate(session, req, make_user(session, role="officer", now=NOW))


@pytest.mark.parametrize(
    ("scores", "index"),
    [
        ([4] * 9, 100.0),
        ([1] * 9, 25.0),
        ([3] * 9, 75.0),
        (SCORES, 33 / 9 * 25),
        ([1, 2, 3, 4, 1, 2, 3, 4, 4], 600 / 9),
    ],
)
def test_the_ikm_index_is_the_mean_score_times_25(scores, index):
    assert svc.ikm_index(scores) == pytest.approx(index)
