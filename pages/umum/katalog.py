"""Browse and search the microdata catalog; customers put variables in their cart."""

import pandas as pd
import streamlit as st

from catalog.search import list_datasets, search_variables
from core.browse import dataset_variables
from core.clock import utcnow
from core.requests import cart_items, current_draft, item_variables, set_cart_item
from ui.app import current_user, db, run, settings, show_flash, t

st.title(t("catalog_title"))
show_flash()
user = current_user()

query = st.text_input(t("search_variables"), key="catalog_query")
if query.strip():
    with db() as session:
        hits = search_variables(session=session, text=query)
    st.dataframe(
        pd.DataFrame(
            [{t("dataset"): h.dataset_title, t("variable"): h.name, t("label"): h.label} for h in hits]
        ),
        hide_index=True,
        width="stretch",
    )

with db() as session:
    datasets = list_datasets(session=session)
if not datasets:
    st.info(t("catalog_empty"))
    st.stop()

st.dataframe(
    pd.DataFrame(
        [
            {"ID": d.id, t("dataset"): d.title, t("records"): d.n_records, t("variables"): d.n_variables}
            for d in datasets
        ]
    ),
    hide_index=True,
    width="stretch",
)
chosen = st.selectbox(
    t("choose_dataset"), datasets, format_func=lambda d: f"{d.id} · {d.title}", key="catalog_ds"
)
with db() as session:
    variables = dataset_variables(session=session, dataset_id=chosen.id)
st.dataframe(
    pd.DataFrame(
        [{t("variable"): v.name, t("label"): v.label, t("kind"): t("kind_" + v.kind)} for v in variables]
    ),
    hide_index=True,
    width="stretch",
    height=300,
)

if user is None or user.role != "customer":
    st.info(t("login_to_order"))
    st.stop()

with db() as session:
    draft = current_draft(session=session, actor=user, now=utcnow(), settings=settings())
    in_cart = next(
        (
            item_variables(i)
            for i in cart_items(session=session, request_id=draft.id)
            if i.dataset_id == chosen.id
        ),
        [],
    )
labels = {v.name: f"{v.name} · {v.label}" if v.label else v.name for v in variables}
picked = st.multiselect(
    t("pick_variables"),
    list(labels),
    default=in_cart,
    format_func=labels.__getitem__,
    placeholder=t("choose_options"),
    key=f"pick_{chosen.id}",
)
if st.button(t("add_to_cart"), type="primary", disabled=not picked):
    run(
        lambda s: set_cart_item(
            session=s, request_id=draft.id, actor=user, dataset_id=chosen.id, variables=picked
        ),
        success=t("cart_saved", n=len(picked)),
        rerun=True,
    )
