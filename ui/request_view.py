"""Parts of a request's page shared by customers and officers: summary, timeline, downloads, messages."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from core.clock import local, utcnow
from core.db import session_scope
from core.delivery import downloads, open_download
from core.files import is_present
from core.messages import post_message, thread
from core.models import DataRequest, User
from core.money import format_idr
from core.request_views import cart_summary, timeline
from core.workflow import latest_invoice
from ui.app import db, engine, run, settings, t


def summary(req: DataRequest, actor: User) -> None:
    st.subheader(f"{req.number} · {t('status_' + req.status)}")
    with db() as session:
        items = cart_summary(session=session, request_id=req.id or 0, actor=actor)
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


def history(req: DataRequest, actor: User) -> None:
    with db() as session:
        events = timeline(session=session, request_id=req.id or 0, actor=actor)
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


def _reader(document_id: int, actor: User) -> Callable[[], bytes]:
    """The file's bytes, read only when the button is clicked (ownership, status and hash checked then)."""
    eng, config = engine(), settings()

    def read() -> bytes:
        with session_scope(eng) as session:
            return open_download(session=session, settings=config, document_id=document_id, actor=actor)[2]

    return read


def download_buttons(req: DataRequest, actor: User) -> None:
    with db() as session:
        available = downloads(session=session, request_id=req.id or 0, actor=actor)
    if not available:
        st.caption(t("no_downloads"))
        return
    for item in available:
        if not is_present(files_dir=settings().files_dir, record=item.file):
            st.error(t("file_missing", name=item.file.original_name))
            continue
        st.download_button(
            f"{t('doc_' + item.document.kind)} (v{item.document.version})",
            icon=":material/download:",
            data=_reader(item.document.id or 0, actor),
            file_name=item.file.original_name,
            mime=item.file.mime,
            key=f"dl_{item.document.id}",
            on_click="ignore",
        )


def messages(req: DataRequest, actor: User) -> None:
    """The thread between customer and officer, with a box to write in."""
    with db() as session:
        found = thread(session=session, request_id=req.id or 0, actor=actor)
    for message, author in found:
        mine = message.author_id == actor.id
        with st.chat_message(author, avatar=":material/person:" if mine else ":material/support_agent:"):
            st.caption(f"{author} · {local(message.created_at)}")
            st.text(message.body)  # as written: no Markdown, so no remote images or disguised links
    if actor.role in ("customer", "officer"):
        with st.form(f"thread_{req.id}", clear_on_submit=True):
            body = st.text_area(t("new_message"), key=f"message_{req.id}")
            sent = st.form_submit_button(t("send_message"))
        if sent and run(
            lambda s: post_message(session=s, request_id=req.id or 0, actor=actor, body=body, now=utcnow()),
            success=t("message_sent"),
        ):
            st.rerun()
