"""`rules/schema.json`: the rule-file format as JSON Schema, for editors (completion, checks).

Built from what the loader accepts (REQUIRED_FIELDS, OPTIONAL_FIELDS, severities,
kinds) and, for each kind, the `match` fields its built-in rules are read with
(recorded while compiling them). The loader stays the authority: it also refuses
a `match` field the kind does not read, which a schema cannot know for fields no
built-in rule uses, so `match` lists known fields without forbidding others.
Regenerate with `python -m tonelint.rulepack.jsonschema > rules/schema.json`
(a test checks the file is current).
"""
from __future__ import annotations

import json
from dataclasses import replace

from ..model import Severity
from .schema import AUTOFIX, KNOWN_REQUIRES, OPTIONAL_FIELDS, REQUIRED_FIELDS

_STRINGS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_EXAMPLE = {"oneOf": [{"type": "string"},
                      {"type": "object", "required": ["text"], "additionalProperties": False,
                       "properties": {"text": {"type": "string"}, "fix": {"type": "string"}}}]}


def match_fields_by_kind() -> dict[str, list[str]]:
    """For each kind, the `match` fields its built-in rules were read with (and those a kind
    declares in `match_fields`)."""
    from ..checks import KINDS, CompileContext
    from ..checks.base import ReadFields
    from ..tokens import PhraseIndex
    from . import LANGUAGES, builtin_rules_dir, load_rules

    fields: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for lang in LANGUAGES:
        ctx = CompileContext(lang, PhraseIndex(), [builtin_rules_dir()], [], [])
        for rule in load_rules(lang):
            spec = ReadFields(rule.match)
            KINDS[rule.kind](replace(rule, match=spec), ctx)
            fields[rule.kind] |= spec.read & set(dict.keys(spec))
    for kind, check in KINDS.items():
        # A kind no built-in rule uses (`pattern`) names its fields itself.
        fields[kind] |= set(getattr(check, "match_fields", ()))
    return {kind: sorted(names) for kind, names in sorted(fields.items())}


def rule_schema() -> dict:
    by_kind = match_fields_by_kind()
    properties = {
        "title": {"type": "string"}, "message": {"type": "string"}, "description": {"type": "string"},
        "kind": {"enum": sorted(by_kind)},
        "severity": {"enum": [s.label for s in Severity]},
        "match": {"type": "object"},
        "examples": {"type": "object", "required": ["incorrect", "correct"], "additionalProperties": False,
                     "properties": {"incorrect": {"type": "array", "items": _EXAMPLE},
                                    "correct": {"type": "array", "items": _EXAMPLE}}},
        "suggestions": _STRINGS, "exceptions": {"oneOf": [_STRINGS, {"type": "object", "additionalProperties": False,
                                                           "properties": {"phrases": _STRINGS, "regex": _STRINGS}}]}, "variants": _STRINGS,
        "requires": {"type": "array", "items": {"enum": list(KNOWN_REQUIRES)}},
        "limit": {"type": "integer", "minimum": 1}, "enabled": {"type": "boolean"},
        "strength": {"type": "number", "minimum": 0}, "max_strength": {"type": "number", "minimum": 0},
        "repeat_decay": {"type": "number", "minimum": 0, "maximum": 1},
        "speech_weight": {"type": "number", "minimum": 0, "maximum": 1},
        "unowned": {"type": "object", "required": ["owner", "strength"], "additionalProperties": False,
                    "properties": {"owner": {"oneOf": [{"type": "array", "items": {"type": "string"}},
                                                       {"type": "object"}]},
                                   "self_names": {"type": "boolean"},
                                   "strength": {"type": "number", "minimum": 0}}},
        "autofix": {"enum": list(AUTOFIX)}, "link": {"type": "string"},
        "category": {"type": "string"}, "scope": {"type": "string"},
    }
    assert set(properties) == set(REQUIRED_FIELDS) | set(OPTIONAL_FIELDS), "schema and loader disagree"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "tonelint rule file (rules/<lang>/<category>/<slug>.yaml)",
        "type": "object", "required": list(REQUIRED_FIELDS), "additionalProperties": False,
        "properties": properties,
        # Each kind's `match`: the fields its built-in rules use, for completion.
        "allOf": [{"if": {"properties": {"kind": {"const": kind}}},
                   "then": {"properties": {"match": {"properties": {name: {} for name in names}}}}}
                  for kind, names in by_kind.items()],
    }


if __name__ == "__main__":
    print(json.dumps(rule_schema(), indent=2, ensure_ascii=False))
