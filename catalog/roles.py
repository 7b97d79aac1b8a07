"""Guess a variable's disclosure role (weight, identifier, geography) from its name and label.

A guess only: the officer reviews roles in the catalog. Unknown variables keep an empty role.
"""

from __future__ import annotations

import re

WEIGHT = "weight"
IDENTIFIER = "identifier"
GEOGRAPHY = "geography"

_WEIGHT_NAME = re.compile(
    r"^(FWT|WT|WGT|WEIGHT|WEIG|PERWT|HHWT|ASECWT|WTFINAL|PENIMBANG|BOBOT)$"
    r"|^(FINAL_?WEIG\w*|\w*_WEIGHT|WEIGHT_\w+|WT_\w+|\w+_WT|FWT_?\w*)$",
    re.IGNORECASE,
)
_WEIGHT_LABEL = re.compile(
    r"\b(penimbang|faktor pengali|(survey|sampling|person|household|final) weight)\b", re.IGNORECASE
)

_ID_NAME = re.compile(
    r"^(ID|IDRT|IDART|RENUM|URUT|URUTAN|NO_?DSRT|NKS|ID_?NKS|NUS|NIK|SERIAL|PERNUM|CASEID|HHID|PID|"
    r"NO_?ART|NO_?RUTA)$|^(ID_\w+|\w+_ID)$",
    re.IGNORECASE,
)
_ID_LABEL = re.compile(r"\b(nomor urut|no\.? urut|identitas|id rumah tangga|kode unik)\b", re.IGNORECASE)

_GEO_NAME = re.compile(
    r"^(PROV|PROP|KAB|KOTA|KABKOT|KEC|DESA|KEL|KODE_?(PROV|KAB|KEC|DESA)\w*|NAMA_?(PROV|KAB|KEC|DESA)\w*|"
    r"R10[1-5]N?|B1R[1-5]|DAERAH|KLASIFIKAS\w*|URBAN|TIPE_?DAERAH)$",
    re.IGNORECASE,
)
_GEO_LABEL = re.compile(
    r"^(kode |nama )?(provinsi|kabupaten|kota|kabupaten/kota|kabupaten atau kota|kab/kota|kecamatan|"
    r"desa|kelurahan|desa/kelurahan|desa atau kelurahan|tipe daerah|daerah perkotaan/perdesaan|"
    r"klasifikasi desa(/kelurahan)?|perkotaan/perdesaan)$",
    re.IGNORECASE,
)


def guess_role(name: str, label: str) -> str:
    """'weight', 'identifier', 'geography' or '' from the variable's name and (whole, short) label."""
    label = label.strip()
    if _WEIGHT_NAME.match(name) or _WEIGHT_LABEL.search(label):
        return WEIGHT
    if _GEO_NAME.match(name) or _GEO_LABEL.match(label):
        return GEOGRAPHY
    if _ID_NAME.match(name) or _ID_LABEL.search(label):
        return IDENTIFIER
    return ""
