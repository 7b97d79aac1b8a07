"""The officer's queue: requests waiting on the office, oldest first."""

import pandas as pd
import streamlit as st

from core.clock import local
from core.requests import list_requests
from core.workflow import WAITING_ON_OFFICE
from ui.app import db, require_role, t

user = require_role("officer")
st.title(t("queue_title"))
only_mine = st.toggle(t("only_waiting_on_office"), value=True)
with db() as session:
    found = list_requests(
        session=session, actor=user, statuses=(*WAITING_ON_OFFICE, "awaiting_payment") if only_mine else ()
    )
if not found:
    st.info(t("queue_empty"))
    st.stop()
st.dataframe(
    pd.DataFrame(
        [
            {
                t("number"): r.number,
                t("status"): t("status_" + r.status),
                t("submitted_at"): local(r.submitted_at),
            }
            for r in reversed(found)
        ]
    ),
    hide_index=True,
    width="stretch",
)
choice = st.selectbox(
    t("choose_request"),
    found,
    format_func=lambda r: f"{r.number} · {t('status_' + r.status)}",
    key="queue_choice",
)
if st.button(t("open_review"), type="primary"):
    st.session_state["review_id"] = choice.id
    st.switch_page("pages/petugas/tinjau.py")
