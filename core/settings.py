"""One settings object, read from the environment (and an optional .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), alias="DATA_DIR")
    database_url: str = Field(default="", alias="DATABASE_URL")
    cookie_key: str = Field(default="", alias="SILASTIK_COOKIE_KEY")
    cookie_name: str = Field(default="silastik_mikro", alias="SILASTIK_COOKIE_NAME")
    demo: bool = Field(default=False, alias="SILASTIK_DEMO")
    office_code: str = Field(default="1117", alias="SILASTIK_OFFICE_CODE")
    invoice_valid_months: int = Field(default=1, alias="SILASTIK_INVOICE_VALID_MONTHS")
    revision_window_days: int = Field(default=30, alias="SILASTIK_REVISION_WINDOW_DAYS")
    service_target_days: int = Field(default=10, alias="SILASTIK_SERVICE_TARGET_DAYS")
    sample_rows: int = Field(default=20, alias="SILASTIK_SAMPLE_ROWS")
    # Bank name, account and SWIFT code for payers abroad; empty: the transfer_instructions_default text.
    transfer_instructions: str = Field(default="", alias="SILASTIK_TRANSFER_INSTRUCTIONS")
    base_url: str = Field(default="http://localhost:8501", alias="SILASTIK_BASE_URL")
    max_upload_mb: int = Field(default=20, alias="SILASTIK_MAX_UPLOAD_MB")

    @property
    def db_url(self) -> str:
        """DATABASE_URL, or SQLite inside DATA_DIR for the embedded default."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'silastik.db').resolve()}"

    @property
    def catalog_dir(self) -> Path:
        return self.data_dir / "catalog"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
