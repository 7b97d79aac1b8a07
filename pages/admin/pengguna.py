"""The admin's list of users and roles."""

import pandas as pd
import streamlit as st

from core.browse import all_users
from ui.app import db, require_role, t

user = require_role("admin")
st.title(t("users_title"))
with db() as session:
    users = all_users(session=session, actor=user)
st.dataframe(
    pd.DataFrame(
        [
            {
                t("username"): u.username,
                t("full_name"): u.name,
                t("email"): u.email,
                t("role"): t("role_" + u.role),
                t("verified"): u.email_verified,
            }
            for u in users
        ]
    ),
    hide_index=True,
    width="stretch",
)
