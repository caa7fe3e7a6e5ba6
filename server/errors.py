"""One JSON error envelope for every failure: {"error": {"code", "message"}}. Never HTML, never a traceback."""
from __future__ import annotations

import logging

from flask import Flask, g, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger("tonelint.server")

_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
          413: "payload_too_large", 415: "unsupported_media_type", 422: "unprocessable",
          429: "rate_limited", 431: "headers_too_large", 500: "internal_error", 501: "not_implemented",
          503: "unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.headers = headers or {}


def envelope(status: int, message: str, code: str | None = None) -> dict:
    """The error body, for the application and for errors the WSGI server answers itself."""
    return {"error": {"code": code or _CODES.get(status, "error"), "message": message}}


def error_response(status: int, message: str, code: str | None = None, headers: dict | None = None):
    response = jsonify(envelope(status, message, code))
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError):
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        messages = {404: "no such endpoint", 405: "method not allowed on this endpoint",
                    413: "request body too large"}
        headers = {"Allow": ", ".join(exc.valid_methods)} if status == 405 and getattr(exc, "valid_methods", None) else None
        return error_response(status, messages.get(status, exc.description or exc.name), headers=headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        # Log the kind of failure only: an exception's message could quote the draft.
        log.error("request %s failed: %s", getattr(g, "request_id", "-"), exc.__class__.__name__)
        return error_response(500, "internal error; the request id is in the X-Request-Id header")
