"""The /v1 endpoints: lint, rules, health and the OpenAPI document."""
from __future__ import annotations

import json
import re
import time

from flask import Blueprint, current_app, jsonify, request

from tonelint import SCHEMA_VERSION, __version__
from tonelint.engine import LintDeadlineExceeded, UnknownRuleError
from tonelint.rulepack import LANGUAGES
from tonelint.sources import FORMATS
from tonelint.utf16 import Utf16Map

from tonelint.variants import VARIANTS
from .errors import ApiError
from .openapi import openapi_document

v1 = Blueprint("v1", __name__, url_prefix="/v1")
ENCODINGS = ("utf-16", "codepoint")
_FIELDS = {"text", "format", "lang", "select", "ignore", "offset_encoding", "variant"}
# JSON can carry a lone surrogate (\ud800) that no encoder accepts (spaCy, LanguageTool);
# U+FFFD is one code point and one UTF-16 unit too, so every offset stays the same.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _state():
    return current_app.extensions["tonelint"]


def _read_json() -> dict:
    if request.mimetype != "application/json":
        raise ApiError(415, "send the draft as JSON with Content-Type: application/json")
    body = request.get_data(cache=False)
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "the body is not valid UTF-8") from None
    except (ValueError, RecursionError):
        raise ApiError(400, "the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object")
    return data


def _optional_string(data: dict, name: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"'{name}' must be a string")
    if value not in allowed:
        raise ApiError(422, f"unsupported {name} {value!r} (supported: {', '.join(allowed)})")
    return value


def _prefixes(data: dict, name: str) -> tuple[str, ...]:
    value = data.get(name)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, f"'{name}' must be a list of rule id prefixes")
    return tuple(v.strip() for v in value if v.strip())


@v1.post("/lint")
def lint():
    data = _read_json()
    unknown = set(data) - _FIELDS
    if unknown:
        raise ApiError(400, f"unknown field '{sorted(unknown)[0]}'")
    text = data.get("text")
    if text is None:
        raise ApiError(400, "'text' is required")
    if not isinstance(text, str):
        raise ApiError(400, "'text' must be a string")
    text = _LONE_SURROGATE.sub("\ufffd", text)
    fmt = _optional_string(data, "format", FORMATS) or "text"
    lang = _optional_string(data, "lang", LANGUAGES)
    variant = _optional_string(data, "variant", tuple(v for vs in VARIANTS.values() for v in vs))
    encoding = _optional_string(data, "offset_encoding", ENCODINGS) or "utf-16"
    select, ignore = _prefixes(data, "select"), _prefixes(data, "ignore")
    state = _state()
    engine = state.engine
    try:
        engine.check_rule_names(select + ignore)
    except UnknownRuleError as exc:
        raise ApiError(422, str(exc), code="unknown_rule") from None
    budget = state.settings.max_lint_seconds
    try:
        result = engine.lint(text, fmt, lang, select=select, ignore=ignore, variant=variant,
                             deadline=time.monotonic() + budget if budget else None)
    except LintDeadlineExceeded:
        raise ApiError(422, f"this draft takes longer than the server's limit of {budget:g} s to lint; "
                            "lint it in parts", code="time_limit") from None
    diagnostics = [d.to_dict() for d in result.diagnostics]
    if encoding == "utf-16":
        offsets = Utf16Map(text)
        for d in diagnostics:
            d["span"] = {"start": offsets.to_utf16(d["span"]["start"]), "end": offsets.to_utf16(d["span"]["end"])}
    body = {"schema_version": SCHEMA_VERSION, "lang": result.lang, "offset_encoding": encoding,
            "diagnostics": diagnostics, "profile": result.profile, "notices": result.notices,
            "linted": result.linted}
    if result.grammar is not None:
        body["grammar"] = result.grammar
    return jsonify(body)


@v1.get("/rules")
def rules():
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise ApiError(422, f"unsupported lang {lang!r} (supported: {', '.join(LANGUAGES)})")
    engine = _state().engine
    catalogues = [engine.catalogue(code) for code in ([lang] if lang else LANGUAGES)]
    # Each rule's severity and state under this server's configuration; the categories they belong to.
    return jsonify({"rules": [doc for catalogue in catalogues for doc in catalogue.rules],
                    "categories": [doc for catalogue in catalogues for doc in catalogue.category_docs()]})


@v1.get("/health")
def health():
    state = _state()
    grammar = state.engine.grammar.status() if state.engine.grammar else {"backend": None, "available": False}
    pipelines = state.engine.pipelines
    loaded = pipelines.loaded_languages()
    # Without its tagging model a language is still linted, minus the rules that need tags (see notices).
    models = {lang: {"name": pipelines.models.get(lang), "installed": pipelines.model_installed(lang),
                     "loaded": lang in loaded} for lang in LANGUAGES}
    return jsonify({"status": "ready" if state.ready else "starting", "version": __version__,
                    "languages": list(LANGUAGES), "languages_loaded": loaded, "models": models, "grammar": grammar})


@v1.get("/openapi.json")
def openapi():
    engine = _state().engine
    return jsonify(openapi_document({code: engine.catalogue(code).categories for code in LANGUAGES}))
