"""Sign in (and confirm an email address from its verification link)."""

import streamlit as st

from core.users import verify_email
from ui.app import run_and_reload, show_flash, t

st.title(t("login_title"))
st.caption(t("app_tagline"))
show_flash()

token = st.query_params.get("verify")
if token:
    st.query_params.clear()
    run_and_reload(lambda s: verify_email(session=s, token=token), success=t("email_verified"))

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
