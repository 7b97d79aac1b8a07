"""Command line for the catalog: import, list, search and extract, on the configured DATA_DIR.

python -m catalog import PATH [--title T]        prints the new dataset id
python -m catalog list                           id, title, rows, variables
python -m catalog search TEXT                    dataset id, name, label
python -m catalog extract ID --vars A,B --format csv --out FILE [--where EXPR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlmodel import Session

from catalog.errors import CatalogError
from core.clock import utcnow
from core.db import make_engine, migrate, session_scope
from core.errors import UserError
from core.settings import get_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m catalog", description="Katalog data mikro Silastik Mikro"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="impor berkas SPSS/Stata/SAS ke katalog")
    importing.add_argument("path", type=Path)
    importing.add_argument("--title", default=None)
    commands.add_parser("list", help="daftar dataset")
    searching = commands.add_parser("search", help="cari variabel menurut nama atau label")
    searching.add_argument("text")
    extracting = commands.add_parser("extract", help="tulis ekstrak data")
    extracting.add_argument("dataset_id", type=int)
    extracting.add_argument("--vars", required=True, help="nama variabel dipisah koma")
    extracting.add_argument("--format", required=True, help="csv, sav, dta, parquet atau xlsx")
    extracting.add_argument("--out", required=True, type=Path)
    extracting.add_argument("--where", default="")
    extracting.add_argument("--fingerprint", default="")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    try:
        migrate(settings.db_url)
        engine = make_engine(settings.db_url)
        try:
            with session_scope(engine) as session:
                _run(args, session, settings.catalog_dir)
        finally:
            engine.dispose()
    except (CatalogError, UserError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Galat: berkas tidak dapat dibaca atau ditulis: {exc.filename or exc}", file=sys.stderr)
        return 2
    return 0


def _run(args: argparse.Namespace, session: Session, catalog_dir: Path) -> None:
    # Imported per command: pandas, pyarrow and DuckDB take a second to load, and `list` needs none.
    if args.command == "import":
        from catalog.importer import import_dataset

        dataset = import_dataset(
            session=session, path=args.path, catalog_dir=catalog_dir, now=utcnow(), title=args.title
        )
        print(dataset.id)
    elif args.command == "list":
        from catalog.search import list_datasets

        for dataset in list_datasets(session=session):
            print(f"{dataset.id}\t{dataset.title}\t{dataset.n_records}\t{dataset.n_variables}")
    elif args.command == "search":
        from catalog.search import search_variables

        for hit in search_variables(session=session, text=args.text):
            print(f"{hit.dataset_id}\t{hit.name}\t{hit.label}")
    elif args.command == "extract":
        from catalog.extract import write_extract

        result = write_extract(
            session=session,
            catalog_dir=catalog_dir,
            dataset_id=args.dataset_id,
            variables=[name for name in args.vars.split(",") if name.strip()],
            fmt=args.format,
            out_path=args.out,
            where=args.where,
            fingerprint=args.fingerprint,
        )
        print(f"{result.rows} baris, {len(result.columns)} kolom, {result.size} byte -> {result.path}")
