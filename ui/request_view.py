"""Parts of a request's page shared by customers and officers: summary, timeline, downloads, messages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.browse import cart_summary, timeline
from core.clock import local
from core.delivery import downloads, open_download
from core.errors import UserError
from core.models import DataRequest, User
from core.money import format_idr
from core.workflow import latest_invoice
from ui.app import db, settings, t


def summary(req: DataRequest) -> None:
    st.subheader(f"{req.number} · {t('status_' + req.status)}")
    with db() as session:
        items = cart_summary(session=session, request_id=req.id or 0)
        invoice = latest_invoice(session, req)
    for dataset, variables, row_filter in items:
        st.write(
            f"**{dataset.title}**: {', '.join(variables)}"
            + (f"  \n{t('row_filter')}: `{row_filter}`" if row_filter else "")
        )
    st.write(f"{t('output_format')}: {t('format_' + req.output_format)}")
    if req.purpose:
        st.caption(f"{t('purpose')}: {req.purpose}")
    if invoice is not None:
        st.write(
            t(
                "invoice_line",
                number=invoice.number,
                amount=format_idr(invoice.amount_idr),
                until=local(invoice.valid_until),
            )
        )


def history(req: DataRequest) -> None:
    with db() as session:
        events = timeline(session=session, request_id=req.id or 0)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("time"): local(e.at),
                    t("event"): t("event_" + e.event),
                    t("status"): t("status_" + e.to_status),
                    t("note"): e.note,
                }
                for e in events
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def download_buttons(req: DataRequest, actor: User) -> None:
    with db() as session:
        available = downloads(session=session, request_id=req.id or 0, actor=actor)
    if not available:
        st.caption(t("no_downloads"))
        return
    for item in available:
        try:
            with db() as session:
                name, mime, data = open_download(
                    session=session, settings=settings(), document_id=item.document.id or 0, actor=actor
                )
        except UserError as exc:
            st.error(str(exc))
            continue
        st.download_button(
            f"⬇️ {t('doc_' + item.document.kind)} (v{item.document.version})",
            data=data,
            file_name=name,
            mime=mime,
            key=f"dl_{item.document.id}",
            on_click="ignore",
        )
