"""The cart: chosen variables per dataset, row filters with a live count, abstract, terms, submit."""

import streamlit as st

from catalog.query import count_rows
from core.clock import utcnow
from core.errors import UserError
from core.money import format_thousands
from core.request_views import cart_summary
from core.requests import (
    OUTPUT_FORMATS,
    attach_abstract,
    attach_letter,
    current_draft,
    remove_cart_item,
    set_cart_item,
    submit_request,
)
from ui.app import db, lang, require_role, run, settings, show_flash, t, upload_of

user = require_role("customer")
st.title(t("cart_title"))
show_flash()

with db() as session:
    draft = current_draft(session=session, actor=user, now=utcnow(), settings=settings())
    items = cart_summary(session=session, request_id=draft.id, actor=user)
st.caption(t("request_number", number=draft.number))
if not items:
    st.info(t("cart_empty"))
    st.page_link("pages/umum/katalog.py", label=t("menu_catalog"), icon=":material/menu_book:")
    st.stop()

for dataset, variables, row_filter in items:
    with st.container(border=True):
        st.subheader(dataset.title)
        st.write(", ".join(variables))
        new_filter = st.text_input(
            t("row_filter"), value=row_filter, key=f"filter_{dataset.id}", help=t("row_filter_help")
        )
        try:
            with db() as session:
                rows = count_rows(
                    session=session,
                    catalog_dir=settings().catalog_dir,
                    dataset_id=dataset.id,
                    where=new_filter,
                )
            st.caption(t("row_count", rows=format_thousands(rows)))
            if new_filter.strip() != row_filter:  # a valid filter is kept as soon as it is typed
                run(
                    lambda s, d=dataset, v=variables, f=new_filter: set_cart_item(
                        session=s, request_id=draft.id, actor=user, dataset_id=d.id, variables=v, row_filter=f
                    )
                )
                st.caption(t("filter_saved"))
        except UserError as exc:
            st.error(exc.message(lang()))
            st.warning(t("filter_not_saved", saved=row_filter or "-"))
        if st.button(t("remove"), key=f"remove_{dataset.id}"):
            run(
                lambda s, d=dataset: remove_cart_item(
                    session=s, request_id=draft.id, actor=user, dataset_id=d.id
                ),
                rerun=True,
            )

st.header(t("submit_header"))
with st.expander(t("terms_title")):
    st.markdown(t("terms_text"))
with st.form("submit_request"):
    purpose = st.text_area(t("purpose"), value=draft.purpose, help=t("purpose_help"))
    output_format = st.selectbox(
        t("output_format"), OUTPUT_FORMATS, format_func=lambda f: t("format_" + f), key="cart_format"
    )
    abstract = st.file_uploader(
        t("abstract_upload"), type=["pdf"], key="abstract", max_upload_size=settings().max_upload_mb
    )
    letter = (
        st.file_uploader(
            t("letter_upload"), type=["pdf"], key="letter", max_upload_size=settings().max_upload_mb
        )
        if draft.zero_tariff
        else None
    )
    accept = st.checkbox(t("accept_terms"))
    submitted = st.form_submit_button(t("submit_button"), type="primary")

if submitted:

    def _submit(session):
        if upload_of(abstract) is not None:
            attach_abstract(
                session=session,
                settings=settings(),
                request_id=draft.id,
                actor=user,
                upload=upload_of(abstract),
                now=utcnow(),
            )
        if upload_of(letter) is not None:
            attach_letter(
                session=session,
                settings=settings(),
                request_id=draft.id,
                actor=user,
                upload=upload_of(letter),
                now=utcnow(),
            )
        return submit_request(
            session=session,
            request_id=draft.id,
            actor=user,
            purpose=purpose,
            output_format=output_format,
            accept_terms=accept,
            now=utcnow(),
        )

    if run(_submit, success=t("submitted_ok", number=draft.number)):
        st.switch_page("pages/pelanggan/permintaan_saya.py")
