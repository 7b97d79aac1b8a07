"""The signed-in customer's account details."""

import streamlit as st

from ui.app import require_role, t

user = require_role("customer", "officer", "manager", "admin")
st.title(t("account_title"))
st.write(f"**{t('full_name')}:** {user.name}")
st.write(f"**{t('email')}:** {user.email} ({t('verified') if user.email_verified else t('not_verified')})")
st.write(f"**{t('institution')}:** {user.institution or '-'}")
st.write(f"**{t('segment')}:** {t('segment_' + user.segment)}")
st.write(f"**{t('domicile')}:** {t('domicile_' + user.domicile)}")
st.write(f"**{t('npwp')}:** {user.npwp or '-'}")
st.caption(t("complaints"))
