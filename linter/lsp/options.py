"""The editor's own settings for tonelint, sent as `initializationOptions`:

    {"lang": "fr" | "en" | "auto", "select": ["fr.press-release"], "ignore": ["fr.register"]}

They narrow each lint over the configuration files' settings, as the CLI's options do.
A value that makes no sense is reported and left out, never fatal.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..configcheck import is_rule_name, known_rule_names, unknown_rule_message
from ..rulepack import LANGUAGES

_KEYS = ("lang", "select", "ignore")


@dataclass(frozen=True)
class EditorOptions:
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def read_options(raw) -> tuple[EditorOptions, list[str]]:
    """The options, and a message for each value left out."""
    if raw is None:
        return EditorOptions(), []
    if not isinstance(raw, dict):
        return EditorOptions(), ["initializationOptions must be an object with lang, select or ignore"]
    problems = [f"unknown initialization option {key!r} (known: {', '.join(_KEYS)})" for key in raw if key not in _KEYS]
    lang = raw.get("lang")
    if lang in (None, "auto"):
        lang = None
    elif lang not in LANGUAGES:
        problems.append(f"initialization option 'lang' must be {', '.join(LANGUAGES)} or auto, not {lang!r}")
        lang = None
    names = None
    lists = {}
    for key in ("select", "ignore"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"initialization option {key!r} must be a list of rule ids or prefixes")
            value = []
        if value and names is None:
            names = known_rule_names(())
        kept = []
        for name in (v.strip() for v in value if v.strip()):
            if is_rule_name(name, names):
                kept.append(name)
            else:
                problems.append(f"initialization option {key!r}: {unknown_rule_message(name, names)}")
        lists[key] = tuple(kept)
    return EditorOptions(lang, lists["select"], lists["ignore"]), problems
