"""The manager's first dashboard: requests by status and PNBP revenue."""

import altair as alt
import pandas as pd
import streamlit as st

from core.kpi import requests_by_status, revenue_by_month
from ui.app import db, require_role, t

require_role("manager")
st.title(t("dashboard_title"))
with db() as session:
    by_status = pd.DataFrame(requests_by_status(session=session), columns=[t("status"), t("count")])
    revenue = pd.DataFrame(revenue_by_month(session=session), columns=[t("month"), t("revenue_idr")])
st.subheader(t("requests_by_status"))
if by_status.empty:
    st.info(t("no_requests"))
else:
    st.altair_chart(
        alt.Chart(by_status).mark_bar().encode(x=t("count"), y=alt.Y(t("status"), sort="-x")), width="stretch"
    )
    st.dataframe(by_status, hide_index=True)
st.subheader(t("revenue"))
st.dataframe(revenue, hide_index=True)
st.download_button(
    "CSV", by_status.to_csv(index=False).encode(), file_name="permintaan_per_status.csv", on_click="ignore"
)
