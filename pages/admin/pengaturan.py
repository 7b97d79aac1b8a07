"""The admin's view of the settings in force and the mail outbox."""

import pandas as pd
import streamlit as st

from core.notify import outbox
from ui.app import db, require_role, settings, t

require_role("admin")
st.title(t("settings_title"))
s = settings()
st.dataframe(
    pd.DataFrame(
        [
            {"setting": "DATA_DIR", "value": str(s.data_dir)},
            {"setting": "DATABASE_URL", "value": s.db_url.split("@")[-1]},
            {"setting": "SILASTIK_DEMO", "value": str(s.demo)},
            {"setting": "SILASTIK_INVOICE_VALID_MONTHS", "value": str(s.invoice_valid_months)},
            {"setting": "SILASTIK_REVISION_WINDOW_DAYS", "value": str(s.revision_window_days)},
        ]
    ),
    hide_index=True,
)
st.subheader(t("outbox"))
with db() as session:
    mails = outbox(session=session)
st.dataframe(
    pd.DataFrame([{"to": m.to, "subject": m.subject, "body": m.body} for m in mails]),
    hide_index=True,
    width="stretch",
)
