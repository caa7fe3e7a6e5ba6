"""The tonelint HTTP API (Flask): a thin adapter around one warm engine per process.

    from tonelint.server import create_app
    app = create_app()                      # settings from the environment (gunicorn)
"""
from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import time
import uuid
from dataclasses import dataclass

from flask import Flask, g, request
from flask_cors import CORS

from tonelint import Engine

from .api import v1
from .errors import ApiError, error_response, register_error_handlers
from .ratelimit import RateLimiter
from .settings import ServerSettings

log = logging.getLogger("tonelint.server")


@dataclass
class ServerState:
    settings: ServerSettings
    engine: Engine
    limiter: RateLimiter | None
    ready: bool = False


class _PrivateFlask(Flask):
    def log_exception(self, exc_info) -> None:
        # Flask would log the exception's message, which could quote the draft: log its kind only.
        log.error("request %s failed: %s", g.get("request_id", "-"), exc_info[0].__name__ if exc_info[0] else "-")


def create_app(settings: ServerSettings | None = None) -> Flask:
    settings = settings or ServerSettings.from_env()
    app = _PrivateFlask("tonelint.server")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = True  # lone surrogates in a draft must still give valid JSON
    state = ServerState(settings, Engine(settings.config, block_cache_size=settings.block_cache_size),
                        RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None)
    app.extensions["tonelint"] = state
    CORS(app, resources={r"/v1/*": {"origins": [re.compile(f"^{o}$") for o in settings.cors_origins]}},
         allow_headers=["Content-Type", "Authorization"], methods=["GET", "POST", "OPTIONS"], max_age=600)
    register_error_handlers(app)
    app.register_blueprint(v1)

    @app.before_request
    def guard():
        g.request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
        g.started = time.perf_counter()
        if request.method == "OPTIONS" or request.path == "/v1/health":
            return None
        if settings.token and not _authorized(settings.token):
            return error_response(401, "missing or wrong access token", headers={"WWW-Authenticate": "Bearer"})
        if state.limiter is not None:
            allowed, wait = state.limiter.allow(_client_key())
            if not allowed:
                return error_response(429, "too many requests; slow down",
                                      headers={"Retry-After": str(max(1, round(wait)))})
        if request.content_length is not None and request.content_length > settings.max_body_bytes:
            return error_response(413, f"request body too large (limit {settings.max_body_bytes} bytes)")
        return None

    @app.after_request
    def log_request(response):
        # Sizes and timings only: drafts are private and never logged.
        response.headers["X-Request-Id"] = g.get("request_id", "-")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        log.info("%s %s %s %s in=%s out=%s %.1fms", g.get("request_id", "-"), request.method, request.path,
                 response.status_code, request.content_length or 0, response.calculate_content_length() or 0, elapsed)
        return response

    return app


def warm_up(app: Flask, langs=("fr", "en")) -> None:
    """Compile the rule packs and load the models before the port opens."""
    state: ServerState = app.extensions["tonelint"]
    samples = {"fr": "Les demandes sont traitées par notre équipe. Vous êtes le bienvenu.",
               "en": "Requests are processed by our team. You are welcome."}
    for lang in langs:
        state.engine.lint(samples[lang], "text", lang)
        from tonelint import nlp

        nlp.get_pipeline(lang, state.engine.pack(lang).needs_lemmas)
    state.ready = True


def _authorized(token: str) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def _client_key() -> str:
    header = request.headers.get("Authorization", "")
    if header:
        return "token:" + header[-16:]
    return "addr:" + (request.remote_addr or "-")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["ApiError", "ServerSettings", "create_app", "is_loopback", "warm_up"]
