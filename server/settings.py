"""Server settings: from `tonelint serve` options or, under gunicorn, from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tonelint.config import Config

DEFAULT_ORIGINS = (r"chrome-extension://[a-z]{32}", r"moz-extension://[0-9a-f-]{36}")


class SettingsError(Exception):
    pass


@dataclass(frozen=True)
class ServerSettings:
    config: Config = field(default_factory=Config)
    token: str | None = None  # when set, every /v1 call but health needs "Authorization: Bearer <token>"
    max_body_bytes: int = 1_000_000
    rate_limit_per_minute: int = 600  # per client address (and valid token); 0 turns it off
    cors_origins: tuple[str, ...] = DEFAULT_ORIGINS  # regular expressions, matched whole
    block_cache_size: int = 2048  # ≈130 drafts of 1,000 words
    max_lint_seconds: float = 10.0  # a draft still linting after this gets a 422 and frees its worker; 0: no limit

    @classmethod
    def from_env(cls, environ=os.environ) -> "ServerSettings":
        """TONELINT_TOKEN_FILE, TONELINT_MAX_BODY, TONELINT_RATE_LIMIT, TONELINT_MAX_LINT_SECONDS,
        TONELINT_CORS_ORIGINS (comma-separated regexes), TONELINT_CONFIG (a .tonelint.toml)."""
        from tonelint.config import load_config

        config = load_config(Path(environ["TONELINT_CONFIG"])) if environ.get("TONELINT_CONFIG") else Config()
        token = read_token(environ["TONELINT_TOKEN_FILE"]) if environ.get("TONELINT_TOKEN_FILE") else None
        extra = tuple(o.strip() for o in environ.get("TONELINT_CORS_ORIGINS", "").split(",") if o.strip())
        return cls(config=config, token=token,
                   max_body_bytes=_int(environ, "TONELINT_MAX_BODY", 1_000_000),
                   rate_limit_per_minute=_int(environ, "TONELINT_RATE_LIMIT", 600),
                   max_lint_seconds=_seconds(environ, "TONELINT_MAX_LINT_SECONDS", 10.0),
                   cors_origins=DEFAULT_ORIGINS + extra)


def read_token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the token file ({exc.strerror})") from None
    if len(token) < 16:
        raise SettingsError(f"{path}: the token must be at least 16 characters")
    return token


def _int(environ, name: str, default: int) -> int:
    value = environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number") from None
    if number < 0:
        raise SettingsError(f"{name} must not be negative")
    return number


def _seconds(environ, name: str, default: float) -> float:
    value = environ.get(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds") from None
    if not number >= 0 or number == float("inf"):
        raise SettingsError(f"{name} must be a finite, non-negative number of seconds")
    return number
