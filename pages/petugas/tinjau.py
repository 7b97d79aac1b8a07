"""The officer reviews one request and carries it through: approve, build, issue, payment, SPPD, deliver."""

import streamlit as st

from core import workflow
from core.browse import dataset_variables
from core.clock import local_date, utcnow
from core.delivery import deliver, deliver_fix, open_revision
from core.fulfilment import build_extract_and_sample, issue_documents, latest_document
from core.payments import receive_sppd, record_billing_code, record_payment, verify_transfer
from core.request_views import cart_summary, customer_of
from core.requests import list_requests
from core.workflow import payment_of
from ui.app import db, require_role, run, settings, show_flash, t
from ui.request_view import download_buttons, history, messages, summary

user = require_role("officer")
st.title(t("review_title"))
show_flash()

with db() as session:
    found = list_requests(session=session, actor=user)
if not found:
    st.info(t("queue_empty"))
    st.stop()
ids = [r.id for r in found]
start = ids.index(st.session_state["review_id"]) if st.session_state.get("review_id") in ids else 0
req = st.selectbox(
    t("choose_request"),
    found,
    index=start,
    key="review_choice",
    format_func=lambda r: f"{r.number} · {t('status_' + r.status)}",
)
st.session_state["review_id"] = req.id
with db() as session:
    customer = customer_of(session=session, request_id=req.id, actor=user)
    events = workflow.allowed_events(
        session=session, request=req, actor=user, now=utcnow(), window_days=settings().revision_window_days
    )
    payment = payment_of(session, req.id)
    has_extract = latest_document(session, req.id, "extract") is not None
    invoice = workflow.latest_invoice(session, req)
summary(req, user)
if customer is not None:
    st.caption(
        t(
            "customer_line",
            name=customer.name,
            institution=customer.institution,
            segment=t("segment_" + customer.segment),
            email=customer.email,
            npwp=customer.npwp or "-",
        )
    )


def act(service, success: str = "done", **values) -> None:
    """Call an officer service on this request, as of the version this page showed, then refresh."""
    with st.spinner(t("building")):
        run(
            lambda s: service(session=s, request_id=req.id, actor=user, now=utcnow(), **values),
            success=t(success),
            rerun=True,
        )


def fire(event: str, note: str = "") -> None:
    act(workflow.fire, event=event, note=note, expected_version=req.version)


mine = {"seen_version": req.version}
with_files = {"seen_version": req.version, "settings": settings()}

if req.status == "submitted":
    st.header(t("review_decision"))
    reason = st.text_area(t("reason_for_return_or_cancel"), key="decision_reason")
    approve_col, return_col, cancel_col = st.columns(3)
    if approve_col.button(t("approve"), type="primary"):
        fire("approve")
    if return_col.button(t("return_for_fix")):
        fire("return_for_fix", reason)
    if cancel_col.button(t("cancel_request")):
        fire("cancel", reason)

if req.status == "approved":
    st.header(t("prepare_data"))
    if st.button(t("build_extract"), type="secondary" if has_extract else "primary"):
        act(build_extract_and_sample, "extract_built", **with_files)
    if st.button(
        t("issue_documents"), disabled=not has_extract, type="primary" if has_extract else "secondary"
    ):
        act(issue_documents, "documents_issued", **with_files)
    if "cancel" in events:
        with st.expander(t("cancel_request")):
            reason = st.text_area(t("reason"), key="cancel_reason")
            if st.button(t("cancel_request"), key="cancel_approved"):
                fire("cancel", reason)

if req.status == "awaiting_payment":
    st.header(t("payment_and_sppd"))
    if customer is not None and customer.domicile == "ID":
        billing = st.text_input(t("billing_code"), value=(payment.billing_code if payment else "") or "")
        if st.button(t("save_billing_code")):
            act(record_billing_code, billing_code=billing, **mine)
        with st.form("ntpn"):
            ntpn = st.text_input(t("ntpn"))
            paid_on = st.date_input(t("paid_on"), value=local_date(utcnow()), format="DD-MM-YYYY")
            amount = st.number_input(
                t("amount_idr"), min_value=0, step=1000, value=invoice.amount_idr if invoice else 0
            )
            if st.form_submit_button(t("record_payment")):
                act(record_payment, ntpn=ntpn, paid_on=paid_on, amount_idr=int(amount), **mine)
    elif payment is not None and payment.proof_file_id and not payment.confirmed:
        if st.button(t("verify_transfer")):
            act(verify_transfer, **mine)
    if req.sppd_received_at is None and st.button(t("sppd_received")):
        act(receive_sppd, **mine)

if req.status == "ready" and st.button(t("deliver"), type="primary"):
    act(deliver, "delivered_ok", **with_files)

if req.status == "revision":
    st.header(t("revision_header"))
    with db() as session:
        revision = open_revision(session=session, request_id=req.id, actor=user)
        order = cart_summary(session=session, request_id=req.id, actor=user)
        choices = {
            d.id: [v.name for v in dataset_variables(session=session, dataset_id=d.id)] for d, _, _ in order
        }
    if revision is not None:
        st.warning(t("revision_reason", reason=revision.reason))
    amendments = {}
    for dataset, variables, row_filter in order:
        st.caption(dataset.title)
        picked = st.multiselect(
            t("pick_variables"), choices[dataset.id], default=variables, key=f"fix_{dataset.id}"
        )
        new_filter = st.text_input(t("row_filter"), value=row_filter, key=f"fix_filter_{dataset.id}")
        amendments[dataset.id] = (picked, new_filter)
    if st.button(t("deliver_fix"), type="primary"):
        act(deliver_fix, "delivered_ok", amendments=amendments, **with_files)

st.header(t("documents"))
download_buttons(req, user)
st.header(t("timeline"))
history(req, user)
st.header(t("messages"))
messages(req, user)
