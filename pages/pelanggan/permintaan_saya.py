"""The customer's requests: status, timeline, downloads, transfer proof, revision, acceptance, rating."""

import streamlit as st

from core import workflow
from core.clock import utcnow
from core.delivery import accept_delivery, request_revision
from core.payments import upload_transfer_proof
from core.requests import IKM_ELEMENTS, list_requests, rate_request, rating_of
from core.workflow import payment_of
from ui.app import db, require_role, run, settings, show_flash, t, upload_of
from ui.request_view import download_buttons, history, messages, summary

user = require_role("customer")
st.title(t("my_requests_title"))
show_flash()

with db() as session:
    mine = list_requests(session=session, actor=user)
if not mine:
    st.info(t("no_requests"))
    st.stop()

req = st.selectbox(
    t("choose_request"),
    mine,
    key="my_request",
    format_func=lambda r: f"{r.number} · {t('status_' + r.status)}",
)
summary(req, user)
with db() as session:
    events = workflow.allowed_events(
        session=session, request=req, actor=user, now=utcnow(), window_days=settings().revision_window_days
    )

st.header(t("documents"))
download_buttons(req, user)

if req.status == "awaiting_payment" and user.domicile != "ID":
    proof = st.file_uploader(
        t("transfer_proof"),
        type=["pdf", "png", "jpg", "jpeg"],
        key="proof",
        max_upload_size=settings().max_upload_mb,
    )
    if st.button(t("upload_proof"), disabled=proof is None):
        run(
            lambda s: upload_transfer_proof(
                session=s,
                settings=settings(),
                request_id=req.id,
                actor=user,
                upload=upload_of(proof),
                now=utcnow(),
            ),
            success=t("proof_uploaded"),
            rerun=True,
        )
if req.status == "awaiting_payment":
    with db() as session:
        payment = payment_of(session, req.id)
    if user.domicile == "ID":
        code = payment.billing_code if payment else None
        st.info(t("pay_with_billing_code", code=code) if code else t("billing_code_pending"))
    else:
        st.info(settings().transfer_instructions or t("transfer_instructions_default"))
    st.info(t("sppd_mail_instructions"))

if "reject_sample" in events:
    with st.expander(t("reject_sample")):
        reason = st.text_area(t("reason"), key="reject_reason")
        if st.button(t("reject_sample"), key="reject_btn"):
            run(
                lambda s: workflow.fire(
                    session=s, request_id=req.id, event="reject_sample", actor=user, now=utcnow(), note=reason
                ),
                success=t("done"),
                rerun=True,
            )

if "accept" in events and st.button(t("accept_data"), type="primary"):
    run(
        lambda s: accept_delivery(session=s, request_id=req.id, actor=user, now=utcnow()),
        success=t("done"),
        rerun=True,
    )

if "request_revision" in events:
    with st.expander(t("ask_revision")):
        reason = st.text_area(t("reason"), key="revision_reason")
        if st.button(t("send_revision"), key="revision_btn"):
            run(
                lambda s: request_revision(
                    session=s,
                    request_id=req.id,
                    actor=user,
                    reason=reason,
                    now=utcnow(),
                    window_days=settings().revision_window_days,
                ),
                success=t("done"),
                rerun=True,
            )

if req.status in ("returned",):
    st.warning(t("returned_hint"))
    st.page_link("pages/pelanggan/keranjang.py", label=t("menu_cart"), icon=":material/shopping_cart:")

with db() as session:
    rated = rating_of(session=session, request_id=req.id, actor=user) is not None
if req.status == "closed" and rated:
    st.success(t("rating_thanks"))
elif req.status == "closed":
    st.header(t("rating_title"))
    st.caption(t("rating_scale"))
    with st.form("rating"):
        scores = [st.slider(t(f"ikm_{i}"), 1, 4, 4, key=f"ikm_{i}") for i in range(1, IKM_ELEMENTS + 1)]
        feedback = st.text_area(t("feedback"))
        if st.form_submit_button(t("send_rating")):
            if run(
                lambda s: rate_request(
                    session=s, request_id=req.id, actor=user, scores=scores, feedback=feedback, now=utcnow()
                ),
                success=t("rating_thanks"),
            ):
                st.rerun()

st.header(t("timeline"))
history(req, user)
st.header(t("messages"))
messages(req, user)
