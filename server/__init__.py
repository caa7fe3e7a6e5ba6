"""The tonelint HTTP API (Flask): a thin adapter around one warm engine per process.

    from tonelint.server import create_app
    app = create_app()                      # settings from the environment (gunicorn)
"""
from __future__ import annotations

import hashlib
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
from tonelint.wordclasses import lemmas

from .api import v1
from .errors import ApiError, error_response, register_error_handlers
from .logs import escape_controls
from .ratelimit import RateLimiter
from .settings import ServerSettings

log = logging.getLogger("tonelint.server")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


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
    app = _PrivateFlask("tonelint.server", static_folder=None)  # no /static route: the API serves no files
    app.url_map.merge_slashes = False  # /v1//lint is a JSON 404, not an HTML redirect
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = True  # lone surrogates in a draft must still give valid JSON
    state = ServerState(settings, Engine(settings.config, block_cache_size=settings.block_cache_size),
                        RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None)
    app.extensions["tonelint"] = state
    CORS(app, resources={r"/v1/*": {"origins": [re.compile(f"^{o}$") for o in settings.cors_origins]}},
         allow_headers=["Content-Type", "Authorization"], methods=["GET", "POST", "OPTIONS"], max_age=600)
    register_error_handlers(app)
    app.register_blueprint(v1)

    # The token's identity in rate-limit keys: a fingerprint, never the token itself.
    token_id = hashlib.sha256(settings.token.encode()).hexdigest()[:16] if settings.token else None

    @app.before_request
    def guard():
        given_id = request.headers.get("X-Request-Id", "")
        g.request_id = given_id if _REQUEST_ID.fullmatch(given_id) else uuid.uuid4().hex
        g.started = time.perf_counter()
        if request.method == "OPTIONS" or request.path == "/v1/health":
            return None
        authorized = settings.token is None or _authorized(settings.token)
        if state.limiter is not None:
            # Failed attempts are limited too, in the address's own bucket: they cannot
            # use up the budget of a client that holds the token.
            key = request.remote_addr or "-"
            if settings.token and authorized:
                key += "|" + token_id
            allowed, wait = state.limiter.allow(key)
            if not allowed:
                return error_response(429, "too many requests; slow down",
                                      headers={"Retry-After": str(max(1, round(wait)))})
        if not authorized:
            return error_response(401, "missing or wrong access token", headers={"WWW-Authenticate": "Bearer"})
        if request.content_length is not None and request.content_length > settings.max_body_bytes:
            return error_response(413, f"request body too large (limit {settings.max_body_bytes} bytes)")
        return None

    @app.after_request
    def log_request(response):
        # Sizes and timings only: drafts are private and never logged.
        response.headers["X-Request-Id"] = g.get("request_id", "-")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        log.info("%s %s %s %s in=%s out=%s %.1fms", g.get("request_id", "-"), request.method,
                 escape_controls(request.path),
                 response.status_code, request.content_length or 0, response.calculate_content_length() or 0, elapsed)
        return response

    return app


def warm_up(app: Flask, langs=("fr", "en")) -> None:
    """Compile the rule packs (and load the tagging models, when a rule needs one) before the port
    opens. The grammar server is not waited for: it is asked in the background and shows in
    /v1/health."""
    state: ServerState = app.extensions["tonelint"]
    samples = {"fr": "Les demandes sont traitées par notre équipe. Vous êtes le bienvenu.",
               "en": "Requests are processed by our team. You are welcome."}
    for lang in langs:
        state.engine.lint(samples[lang], "text", lang, grammar=False)
        pack = state.engine.pack(lang)
        if pack.needs_tagging:  # no built-in rule does: only a pack's own pattern rules
            state.engine.pipelines.get(lang, pack.needs_lemmas)
        # the rare-word rule reads an inflected form by its lemma: load the tables now, not on the
        # first request that holds a rare word
        lemmas(lang, "")
    if state.engine.grammar is not None:
        state.engine.grammar.prepare(langs)
    state.ready = True


def _authorized(token: str) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["ApiError", "ServerSettings", "create_app", "is_loopback", "warm_up"]
