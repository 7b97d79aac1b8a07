"""Demo catalog: two synthetic survey files for Kabupaten Bener Meriah, generated and imported once.

Every value is drawn from a fixed-seed generator; nothing comes from real respondents.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
from sqlmodel import Session, select

from catalog.importer import import_dataset
from catalog.search import list_datasets
from core.models import Dataset

SEED = 1117
ValueLabels = dict[int | float, str]
KECAMATAN: ValueLabels = {
    10: "Timang Gajah",
    20: "Gajah Putih",
    30: "Pintu Rime Gayo",
    40: "Bukit",
    50: "Wih Pesam",
    60: "Bandar",
    70: "Bener Kelipah",
    80: "Syiah Utama",
    90: "Mesidah",
    100: "Permata",
}
COMMON_LABELS: dict[str, ValueLabels] = {
    "R101": {11: "Aceh"},
    "R102": {17: "Bener Meriah"},
    "R103": KECAMATAN,
}
SUSENAS_TITLE = "Survei Sosial Ekonomi Nasional (demo) Kabupaten Bener Meriah"
PODES_TITLE = "Potensi Desa (demo) Kabupaten Bener Meriah"


def ensure_demo_catalog(
    *, session: Session, catalog_dir: Path, work_dir: Path, now: datetime
) -> list[Dataset]:
    """Import the two demo files when the catalog is empty; otherwise change nothing."""
    if session.exec(select(Dataset)).first() is not None:
        return list_datasets(session=session)
    work_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    files = [
        (write_susenas_demo(work_dir / "susenas_demo_bener_meriah.sav", rng), SUSENAS_TITLE, "individu"),
        (write_podes_demo(work_dir / "podes_demo_bener_meriah.sav", rng), PODES_TITLE, "desa"),
    ]
    datasets = []
    for path, title, unit in files:
        dataset = import_dataset(session=session, path=path, catalog_dir=catalog_dir, now=now, title=title)
        dataset.survey = "SUSENAS" if unit == "individu" else "PODES"
        dataset.period = "2024"
        dataset.unit = unit
        dataset.coverage = "Kabupaten Bener Meriah, Aceh"
        dataset.access_tier = "berbayar"
        session.add(dataset)
        datasets.append(dataset)
    session.flush()
    return datasets


def write_susenas_demo(path: Path, rng: np.random.Generator, rows: int = 2000) -> Path:
    """Individuals: area codes, urban/rural, sex, age, education, expenditure and the weight FWT."""
    households = np.sort(rng.integers(1, rows // 4 + 1, size=rows))
    education = rng.choice(
        [0, 1, 2, 3, 4, 5, 6, 99], size=rows, p=[0.1, 0.3, 0.2, 0.25, 0.05, 0.07, 0.01, 0.02]
    )
    frame = pd.DataFrame(
        {
            "RENUM": households.astype(float),
            "R401": (pd.Series(households).groupby(households).cumcount() + 1).to_numpy(dtype=float),
            "R101": np.full(rows, 11.0),
            "R102": np.full(rows, 17.0),
            "R103": rng.choice(list(KECAMATAN), size=rows).astype(float),
            "R105": rng.choice([1.0, 2.0], size=rows, p=[0.2, 0.8]),
            "R405": rng.choice([1.0, 2.0], size=rows),
            "R407": rng.integers(0, 91, size=rows).astype(float),
            "R614": education.astype(float),
            "KAPITA": np.round(rng.lognormal(mean=13.8, sigma=0.5, size=rows), -2),
            "FWT": np.round(rng.uniform(40, 160, size=rows), 4),
        }
    )
    labels: dict[str, str | None] = {
        "RENUM": "Nomor urut unik rumah tangga",
        "R401": "Nomor urut anggota rumah tangga",
        "R101": "Provinsi",
        "R102": "Kabupaten/Kota",
        "R103": "Kecamatan",
        "R105": "Tipe daerah",
        "R405": "Jenis kelamin",
        "R407": "Umur (tahun)",
        "R614": "Ijazah/STTB tertinggi yang dimiliki",
        "KAPITA": "Pengeluaran per kapita sebulan (rupiah)",
        "FWT": "Penimbang",
    }
    value_labels: dict[str, ValueLabels] = {
        **COMMON_LABELS,
        "R105": {1: "Perkotaan", 2: "Perdesaan"},
        "R405": {1: "Laki-laki", 2: "Perempuan"},
        "R614": {
            0: "Tidak punya ijazah",
            1: "SD/sederajat",
            2: "SMP/sederajat",
            3: "SMA/SMK/sederajat",
            4: "D1/D2/D3",
            5: "D4/S1",
            6: "S2/S3",
            99: "Tidak menjawab",
        },
    }
    pyreadstat.write_sav(
        frame,
        str(path),
        file_label="SUSENAS demo Bener Meriah (sintetis)",
        column_labels=labels,
        variable_value_labels=value_labels,
        missing_ranges={"R614": [99.0]},
        variable_format={name: "F8.0" for name in frame.columns if name not in ("KAPITA", "FWT")},
    )
    return path


def write_podes_demo(path: Path, rng: np.random.Generator, villages: int = 233) -> Path:
    """Villages: area codes and names, government status, electricity, cooking fuel, school, distance."""
    kecamatan = np.sort(rng.choice(list(KECAMATAN), size=villages)).astype(float)
    number = (pd.Series(kecamatan).groupby(kecamatan).cumcount() + 1).to_numpy()
    frame = pd.DataFrame(
        {
            "R101": np.full(villages, 11.0),
            "R102": np.full(villages, 17.0),
            "R103": kecamatan,
            "R104": (number + 1000).astype(float),
            "R104N": pd.Series(
                [f"Kampung Demo {int(k):03d}-{n:02d}" for k, n in zip(kecamatan, number, strict=True)],
                dtype="str",
            ),
            "R107": rng.choice([1.0, 2.0], size=villages, p=[0.95, 0.05]),
            "R401A": rng.integers(40, 900, size=villages).astype(float),
            "R403": rng.choice([1.0, 2.0, 3.0, 4.0], size=villages, p=[0.55, 0.1, 0.3, 0.05]),
            "R501": rng.choice([1.0, 2.0], size=villages, p=[0.8, 0.2]),
            "R1301": np.round(rng.gamma(shape=2.0, scale=9.0, size=villages), 1),
        }
    )
    labels: dict[str, str | None] = {
        "R101": "Provinsi",
        "R102": "Kabupaten/Kota",
        "R103": "Kecamatan",
        "R104": "Desa/Kelurahan",
        "R104N": "Nama desa/kelurahan",
        "R107": "Status pemerintahan",
        "R401A": "Jumlah keluarga pengguna listrik PLN",
        "R403": "Bahan bakar untuk memasak sebagian besar keluarga",
        "R501": "Keberadaan sekolah dasar (SD/sederajat) di desa",
        "R1301": "Jarak ke kantor bupati (km)",
    }
    value_labels: dict[str, ValueLabels] = {
        **COMMON_LABELS,
        "R107": {1: "Desa", 2: "Kelurahan"},
        "R403": {1: "Gas/elpiji", 2: "Minyak tanah", 3: "Kayu bakar", 4: "Lainnya"},
        "R501": {1: "Ada", 2: "Tidak ada"},
    }
    pyreadstat.write_sav(
        frame,
        str(path),
        file_label="PODES demo Bener Meriah (sintetis)",
        column_labels=labels,
        variable_value_labels=value_labels,
        variable_format={
            name: "F8.0" for name in ("R101", "R102", "R103", "R104", "R107", "R401A", "R403", "R501")
        },
    )
    return path
