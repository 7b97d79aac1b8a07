"""Sign in (and confirm an email address from its verification link)."""

import streamlit as st

from core.users import verify_email
from ui.app import run, show_flash, t

st.title(t("login_title"))
st.caption(t("app_tagline"))
show_flash()

token = st.query_params.get("verify")
if token:
    run(lambda s: verify_email(session=s, token=token), success=t("email_verified"))
    st.query_params.clear()
    st.rerun()  # the flash message survives the rerun that clearing the address causes

authenticator = st.session_state["authenticator"]
authenticator.login(
    location="main",
    key="login",
    fields={
        "Form name": t("login_title"),
        "Username": t("username"),
        "Password": t("password"),
        "Login": t("login_button"),
    },
)
if st.session_state.get("authentication_status"):
    st.session_state["set_auth_cookie"] = True  # written on the next run, once the menu is the user's
    st.rerun()
elif st.session_state.get("authentication_status") is False:
    st.error(t("login_failed"))
