"""Entry point: page config, sign-in, and a menu built from the signed-in role."""

from __future__ import annotations

import streamlit as st
import streamlit_authenticator as stauth

from core.i18n import LANGUAGES
from core.users import credentials, record_failed_logins
from ui.app import cookie_key, current_user, db, enforce_timers, language_switch, settings, t

st.set_page_config(page_title="Silastik Mikro", page_icon=":material/analytics:", layout="wide")

MENU = {
    "customer": [
        ("pages/umum/katalog.py", "menu_catalog", ":material/menu_book:"),
        ("pages/pelanggan/keranjang.py", "menu_cart", ":material/shopping_cart:"),
        ("pages/pelanggan/permintaan_saya.py", "menu_my_requests", ":material/description:"),
        ("pages/umum/akun.py", "menu_account", ":material/person:"),
    ],
    "officer": [
        ("pages/petugas/antrian.py", "menu_queue", ":material/inbox:"),
        ("pages/petugas/tinjau.py", "menu_review", ":material/fact_check:"),
        ("pages/petugas/katalog_admin.py", "menu_catalog_admin", ":material/upload_file:"),
    ],
    "manager": [("pages/manajer/dasbor.py", "menu_dashboard", ":material/monitoring:")],
    "admin": [
        ("pages/admin/pengguna.py", "menu_users", ":material/group:"),
        ("pages/admin/pengaturan.py", "menu_settings", ":material/settings:"),
    ],
}

with st.sidebar:
    language_switch(list(LANGUAGES))

with db() as session:
    creds = credentials(session=session)
authenticator = stauth.Authenticate(
    creds, settings().cookie_name, cookie_key(), cookie_expiry_days=1, auto_hash=False, login_sleep_time=0
)

enforce_timers()
user = current_user()
if user is None:
    pages = [
        st.Page("pages/umum/masuk.py", title=t("menu_login"), icon=":material/login:", default=True),
        st.Page("pages/umum/daftar.py", title=t("menu_register"), icon=":material/person_add:"),
        st.Page("pages/umum/katalog.py", title=t("menu_catalog"), icon=":material/menu_book:"),
    ]
else:
    pages = [
        st.Page(path, title=t(key), icon=icon, default=index == 0)
        for index, (path, key, icon) in enumerate(MENU[user.role])
    ]
    if st.session_state.pop("set_auth_cookie", False):
        authenticator.cookie_controller.set_cookie()
    with st.sidebar:
        st.caption(t("signed_in_as", name=user.name, role=t("role_" + user.role)))
        authenticator.logout(t("logout"), location="sidebar")

st.session_state["authenticator"] = authenticator
counts_before = {name: entry.get("failed_login_attempts", 0) for name, entry in creds["usernames"].items()}

st.navigation(pages).run()

for name, entry in creds["usernames"].items():
    if entry.get("failed_login_attempts", 0) != counts_before.get(name):
        with db() as session:
            record_failed_logins(session=session, username=name, count=int(entry["failed_login_attempts"]))
