"""The officer imports microdata files into the catalog."""

import streamlit as st

from catalog.importer import import_dataset
from core.clock import utcnow
from core.files import atomic_write, safe_name
from ui.app import require_role, run, settings, show_flash, t

require_role("officer")
st.title(t("catalog_admin_title"))
show_flash()
uploaded = st.file_uploader(t("import_file"), type=["sav", "zsav", "por", "dta", "sas7bdat", "xpt"])
title = st.text_input(t("dataset_title"))
if st.button(t("import_button"), disabled=uploaded is None, type="primary"):
    staging = settings().data_dir / "tmp" / "upload" / safe_name(uploaded.name)
    atomic_write(staging, uploaded.getvalue())
    bar = st.progress(0.0, text=t("importing"))
    try:
        dataset = run(
            lambda s: import_dataset(
                session=s,
                path=staging,
                catalog_dir=settings().catalog_dir,
                now=utcnow(),
                title=title or None,
                progress=lambda f: bar.progress(min(f, 1.0), text=t("importing")),
            )
        )
    finally:
        staging.unlink(missing_ok=True)
    if dataset is not None:
        st.success(t("imported", title=dataset.title, rows=dataset.n_records, vars=dataset.n_variables))
