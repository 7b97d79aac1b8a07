"""The manager's first dashboard: requests by status and PNBP revenue."""

import altair as alt
import pandas as pd
import streamlit as st

from core.kpi import requests_by_status, revenue_by_month
from core.money import format_idr
from ui.app import db, require_role, t

require_role("manager")
st.title(t("dashboard_title"))
with db() as session:
    statuses = requests_by_status(session=session)
    revenue = revenue_by_month(session=session)
by_status = pd.DataFrame([(t("status_" + s), n) for s, n in statuses], columns=[t("status"), t("count")])

st.subheader(t("requests_by_status"))
if by_status.empty:
    st.info(t("no_requests"))
else:
    bars = (
        alt.Chart(by_status)
        .mark_bar()
        .encode(
            x=alt.X(t("count"), axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y(t("status"), sort="-x"),
        )
    )
    st.altair_chart(bars, width="stretch")
    st.dataframe(by_status, hide_index=True)
    st.download_button(
        "CSV",
        by_status.to_csv(index=False).encode(),
        file_name="permintaan_per_status.csv",
        on_click="ignore",
    )

st.subheader(t("revenue"))
table = pd.DataFrame(
    [(month, format_idr(amount)) for month, amount in revenue], columns=[t("month"), t("revenue_idr")]
)
st.dataframe(table, hide_index=True)
st.download_button(
    "CSV",
    pd.DataFrame(revenue, columns=["bulan", "pnbp_idr"]).to_csv(index=False).encode(),
    file_name="pnbp_per_bulan.csv",
    on_click="ignore",
    key="revenue_csv",
)
