"""The OpenAPI 3.1 description of /v1, served at /v1/openapi.json and checked by the tests."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from tonelint import __version__
from tonelint.rulepack import LANGUAGES, builtin_rules_dir
from tonelint.rulepack.categories import UI_LANGUAGES, Category, declared_categories


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


_ERRORS = {
    "400": _error("Malformed JSON, or a missing or wrongly typed field"),
    "401": _error("Missing or wrong bearer token (when the server has one)"),
    "413": _error("Body over the size limit (answered for any size; bodies over twice the limit are refused before "
                  "they are read, so a client still sending may see the connection close first)"),
    "415": _error("Content-Type is not application/json"),
    "422": _error("Unsupported language, format or offset encoding, unknown rule id (code unknown_rule), or a draft "
                  "that takes longer than the server's time limit to lint (code time_limit)"),
    "429": _error("Rate limit reached; see Retry-After"),
}

_SPAN = {"type": "object", "required": ["start", "end"], "additionalProperties": False,
         "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}}

SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error"], "additionalProperties": False,
        "properties": {"error": {"type": "object", "required": ["code", "message"], "additionalProperties": False,
                                 "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
    },
    "LintRequest": {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "description": "The draft"},
            "format": {"type": "string", "enum": ["text", "markdown", "html"], "default": "text"},
            "lang": {"type": "string", "enum": ["fr", "en"], "description": "Detected when absent"},
            "variant": {"type": "string", "enum": ["fr-CA", "fr-FR", "fr-BE", "fr-CH", "en-US", "en-GB", "en-CA", "en-AU"],
                        "description": "Who the readers are: orders suggestions, turns regional rules on "
                                       "(default: the server's configuration, then the draft's front matter)"},
            "select": {"type": "array", "items": {"type": "string"}, "description": "Rule id prefixes to keep"},
            "ignore": {"type": "array", "items": {"type": "string"}, "description": "Rule id prefixes to drop"},
            "offset_encoding": {"type": "string", "enum": ["utf-16", "codepoint"], "default": "utf-16",
                                "description": "Unit of span offsets: UTF-16 code units (JavaScript) or code points"},
        },
    },
    "Diagnostic": {
        "type": "object", "additionalProperties": False,
        "required": ["rule", "category", "severity", "message", "span", "line", "column", "end_line", "end_column",
                     "match", "suggestions"],
        "properties": {
            "rule": {"type": "string"}, "category": {"type": "string"},
            "severity": {"type": "string", "enum": ["suggestion", "warning", "error"]},
            "message": {"type": "string"}, "span": _SPAN,
            "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
            "end_line": {"type": "integer", "minimum": 1}, "end_column": {"type": "integer", "minimum": 1},
            "match": {"type": "string"}, "suggestions": {"type": "array", "items": {"type": "string"}},
            "scope": {"type": "string", "enum": ["document"],
                      "description": "present when the finding is about the whole draft; its span only points at where it shows"},
            "also": {"type": "array", "description": "other rules that flagged the same words for the same dimension",
                     "items": {"type": "object", "required": ["rule", "message"],
                               "properties": {"rule": {"type": "string"}, "message": {"type": "string"}}}},
        },
    },
    "DimensionScore": {  # level: a word of the category's scale (see _category_schemas)
        "type": "object", "required": ["score", "level", "findings", "per_100_words", "rules", "evidence"],
        "properties": {"score": {"type": "integer", "minimum": 0, "maximum": 100},
                       "level": {"type": "string"},
                       "findings": {"type": "integer", "minimum": 0}, "per_100_words": {"type": "number"},
                       "rules": {"type": "array", "items": {"type": "string"}},
                       "evidence": {"type": "array", "items": {"type": "integer", "minimum": 0}}},
    },
    "Metrics": {
        "type": "object", "required": ["formula", "score", "words", "sentences", "words_per_sentence", "paragraphs"],
        "properties": {"formula": {"type": "string", "enum": ["kandel-moles", "flesch"]}, "score": {"type": "number"},
                       "grade": {"type": "number"}, "words": {"type": "integer"}, "sentences": {"type": "integer"},
                       "words_per_sentence": {"type": "number"},
                       "paragraphs": {"type": "array", "items": {"type": "object"}}},
    },
    "Profile": {  # required: the tone dimensions of the packs (see _category_schemas)
        "type": "object", "required": ["metrics"],
        "properties": {"metrics": {"$ref": "#/components/schemas/Metrics"}},
        "additionalProperties": {"$ref": "#/components/schemas/DimensionScore"},
    },
    "GrammarStatus": {
        "type": "object", "required": ["backend", "available"],
        "properties": {"backend": {"type": ["string", "null"]}, "server": {"type": ["string", "null"]},
                       "available": {"type": "boolean"}, "checked": {"type": "boolean"},
                       "error": {"type": ["string", "null"]}},
    },
    "LintResponse": {
        "type": "object", "additionalProperties": False,
        "required": ["schema_version", "lang", "offset_encoding", "diagnostics", "profile", "notices", "linted"],
        "properties": {
            "schema_version": {"type": "integer", "const": 1},
            "lang": {"type": "string", "enum": ["fr", "en"]},
            "offset_encoding": {"type": "string", "enum": ["utf-16", "codepoint"]},
            "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
            "profile": {"$ref": "#/components/schemas/Profile"},
            "grammar": {"$ref": "#/components/schemas/GrammarStatus"},
            "notices": {"type": "array", "items": {"type": "string"},
                        "description": "What the writer should know about this lint, as the CLI prints them: rules "
                                       "skipped (no tagging model for the language), text linted differently"},
            "linted": {"type": "boolean",
                       "description": "false when no rule ran because the text reads as neither French nor "
                                      "English (a notice says so): its profile then says nothing about its tone"},
        },
    },
    "Model": {
        "type": "object", "required": ["name", "installed", "loaded"], "additionalProperties": False,
        "properties": {"name": {"type": ["string", "null"], "description": "The spaCy tagging model's package"},
                       "installed": {"type": "boolean",
                                     "description": "When false, rules that need part-of-speech tags or lemmas are "
                                                    "skipped for this language (and /v1/lint says so in notices)"},
                       "loaded": {"type": "boolean"}},
    },
    "Rule": {
        "type": "object", "required": ["id", "lang", "title", "category", "kind", "severity", "description", "examples"],
        "properties": {"id": {"type": "string"}, "lang": {"type": "string"}, "title": {"type": "string"},
                       "category": {"type": "string"}, "kind": {"type": "string"},
                       "severity": {"type": "string", "enum": ["suggestion", "warning", "error"],
                                    "description": "under the server's configuration"},
                       "default_severity": {"type": "string", "enum": ["suggestion", "warning", "error"],
                                            "description": "as the rule file sets it"},
                       "enabled": {"type": "boolean",
                                   "description": "false when the rule file or the server's configuration turns it off"},
                       "message": {"type": "string"}, "description": {"type": "string"},
                       "suggestions": {"type": "array", "items": {"type": "string"}},
                       "examples": {"type": "object", "required": ["incorrect", "correct"],
                                    "properties": {"incorrect": {"type": "array", "items": {"type": "string"}},
                                                   "correct": {"type": "array", "items": {"type": "string"}}}}},
    },
    "Category": {
        "type": "object", "required": ["id", "lang", "title", "description", "colour", "scale", "dimension"],
        "additionalProperties": False,
        "properties": {"id": {"type": "string"}, "lang": {"type": "string"},
                       "title": {"type": "object", "required": list(UI_LANGUAGES), "additionalProperties": False,
                                 "properties": {ui: {"type": "string"} for ui in UI_LANGUAGES},
                                 "description": "in each language of the interfaces"},
                       "description": {"type": "string", "description": "in the pack's language"},
                       "colour": {"type": "string", "pattern": "^#[0-9a-f]{6}$"},
                       "scale": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 3,
                                 "description": "the profile's level words, from no sign to the strongest"},
                       "dimension": {"type": "boolean",
                                     "description": "a tone dimension, scored in every profile (else only when "
                                                    "it has findings, as grammar)"}},
    },
    "RulesResponse": {
        "type": "object", "required": ["rules", "categories"], "additionalProperties": False,
        "properties": {"rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}},
                       "categories": {"type": "array", "items": {"$ref": "#/components/schemas/Category"}}},
    },
    "Health": {
        "type": "object", "required": ["status", "version", "languages", "languages_loaded", "models", "grammar"],
        "additionalProperties": False,
        "properties": {"status": {"type": "string", "enum": ["starting", "ready"]}, "version": {"type": "string"},
                       "languages": {"type": "array", "items": {"type": "string"},
                                     "description": "Languages the server lints"},
                       "languages_loaded": {"type": "array", "items": {"type": "string"},
                                            "description": "Languages whose tagging model is loaded"},
                       "models": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Model"},
                                  "description": "Tagging model of each language"},
                       "grammar": {"$ref": "#/components/schemas/GrammarStatus"}},
    },
}


def _json(schema: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _category_schemas(categories: Mapping[str, Sequence[Category]]) -> dict:
    """The profile's schemas from the packs' categories: the dimensions every language scores are
    required; a level is a word of some category's scale."""
    per_lang = [[c.id for c in cats if c.dimension] for cats in categories.values()]
    everywhere = [name for name in per_lang[0] if all(name in ids for ids in per_lang)] if per_lang else []
    levels = sorted({word for cats in categories.values() for c in cats for word in c.scale})
    score = SCHEMAS["DimensionScore"]
    return {
        "DimensionScore": {**score, "properties": {**score["properties"], "level": {"type": "string", "enum": levels}}},
        "Profile": {**SCHEMAS["Profile"], "required": [*everywhere, "metrics"]},
    }


def openapi_document(categories: Mapping[str, Sequence[Category]] | None = None) -> dict:
    """The document; `categories` (language -> its pack's) default to the built-in packs'."""
    if categories is None:
        categories = {lang: list(declared_categories(lang, [builtin_rules_dir()]).values()) for lang in LANGUAGES}
    auth = [{"bearer": []}, {}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "tonelint API", "version": __version__,
                 "description": "Tone linting for client-facing blog posts (French and English). Drafts are never logged "
                                "or stored. Every error, including those answered before the application sees the "
                                "request (malformed HTTP: 400, 431 header fields too large, 501 unsupported transfer "
                                "coding), has the Error body."},
        "servers": [{"url": "http://127.0.0.1:8765"}],
        "paths": {
            "/v1/lint": {"post": {
                "summary": "Lint a draft", "operationId": "lint", "security": auth,
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/LintRequest"}}}},
                "responses": {"200": _json("LintResponse", "Findings and tone profile"), **_ERRORS},
            }},
            "/v1/rules": {"get": {
                "summary": "Rule documentation (with each rule's severity and state under the server's "
                           "configuration) and the categories", "operationId": "rules", "security": auth,
                "parameters": [{"name": "lang", "in": "query", "required": False,
                                "schema": {"type": "string", "enum": ["fr", "en"]}}],
                "responses": {"200": _json("RulesResponse", "The rules"), "401": _ERRORS["401"],
                              "422": _ERRORS["422"], "429": _ERRORS["429"]},
            }},
            "/v1/health": {"get": {
                "summary": "Version, readiness, loaded languages and grammar backend", "operationId": "health",
                "responses": {"200": _json("Health", "Server status")},
            }},
            "/v1/openapi.json": {"get": {
                "summary": "This document", "operationId": "openapi", "security": auth,
                "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {}}},
                              "401": _ERRORS["401"], "429": _ERRORS["429"]},
            }},
        },
        "components": {
            "schemas": {**SCHEMAS, **_category_schemas(categories)},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "Required when the server is started with a token"}},
        },
    }
