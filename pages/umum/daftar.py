"""Register a customer account: email, institution, segment, domicile and NPWP for swasta."""

import streamlit as st

from core.clock import utcnow
from core.models import SEGMENTS
from core.notify import verification_link
from core.users import Registration, register_customer
from ui.app import base_url, run, settings, t

st.title(t("register_title"))
with st.form("register"):
    username = st.text_input(t("username"))
    email = st.text_input(t("email"))
    name = st.text_input(t("full_name"))
    institution = st.text_input(t("institution"))
    segment = st.selectbox(t("segment"), SEGMENTS, format_func=lambda s: t("segment_" + s), key="reg_segment")
    domicile = st.radio(
        t("domicile"), ["ID", "abroad"], format_func=lambda d: t("domicile_" + d), horizontal=True
    )
    npwp = st.text_input(t("npwp"), help=t("npwp_help"))
    password = st.text_input(t("password"), type="password")
    submitted = st.form_submit_button(t("register_button"))

if submitted:
    form = Registration(
        username=username,
        email=email,
        name=name,
        password=password,
        institution=institution,
        segment=segment,
        domicile=domicile,
        npwp=npwp,
    )
    user = run(lambda s: register_customer(session=s, form=form, now=utcnow(), base_url=base_url()))
    if user is not None:
        st.success(t("register_done", email=user.email))
        if settings().demo:
            st.info(t("demo_verify_link", link=verification_link(user.verify_token or "", base_url())))
