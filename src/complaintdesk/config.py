"""Settings, read from the environment once by bootstrap; nothing here runs at import time."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path


def _secret_key(var_dir: Path) -> str:
    env = os.environ.get("COMPLAINTDESK_SECRET_KEY")
    if env:
        return env
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = "sqlite:///complaintdesk.sqlite3"
    var_dir: Path = Path("var")
    secret_key: str = field(default="", repr=False)
    public_base_url: str = "http://127.0.0.1:8000"
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_sender: str = "complaintdesk@localhost"
    sweep_interval_seconds: float = 60.0
    deliver_interval_seconds: float = 5.0
    run_background_jobs: bool = True
    secure_cookies: bool = False
    max_text_chars: int = 20_000

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        var_dir = Path(env.get("COMPLAINTDESK_VAR", "var"))
        return cls(
            database_url=env.get("DATABASE_URL", "sqlite:///complaintdesk.sqlite3"),
            var_dir=var_dir,
            secret_key=_secret_key(var_dir),
            public_base_url=env.get("COMPLAINTDESK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
            smtp_host=env.get("COMPLAINTDESK_SMTP_HOST") or None,
            smtp_port=int(env.get("COMPLAINTDESK_SMTP_PORT", "25")),
            smtp_sender=env.get("COMPLAINTDESK_SMTP_SENDER", "complaintdesk@localhost"),
            sweep_interval_seconds=float(env.get("COMPLAINTDESK_SWEEP_SECONDS", "60")),
            deliver_interval_seconds=float(env.get("COMPLAINTDESK_DELIVER_SECONDS", "5")),
            run_background_jobs=env.get("COMPLAINTDESK_BACKGROUND", "1") != "0",
            secure_cookies=env.get("COMPLAINTDESK_SECURE_COOKIES", "0") == "1",
        )
