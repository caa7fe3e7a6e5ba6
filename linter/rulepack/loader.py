"""Find rule files, validate them and build Rule objects.

A rule's id comes from its path: rules/fr/press-release/fier-d-annoncer.yaml
is `fr.press-release.fier-d-annoncer`; the category is the folder name.
"""
from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path

import yaml

from ..model import Severity
from ..validation import as_string_list
from ..variants import VARIANTS
from .categories import declared_categories
from .schema import (AUTOFIX, KNOWN_REQUIRES, OPTIONAL_FIELDS, REQUIRED_FIELDS, SLUG_CHARS, Example, Rule,
                     RuleError, parse_marked)

LANGUAGES = ("fr", "en")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


def builtin_rules_dir() -> Path:
    return Path(str(resources.files("tonelint.rules")))


def rule_files(root: Path, lang: str) -> list[Path]:
    lang_dir = root / lang
    if not lang_dir.is_dir():
        return []
    return sorted(p for p in lang_dir.glob("*/*.yaml") if p.parent.name != "lexicons")


def load_rule(path: Path, root: Path) -> Rule:
    relative = path.relative_to(root)
    if len(relative.parts) != 3:
        raise RuleError(path, "path", "rules live in <lang>/<category>/<slug>.yaml")
    lang, category, filename = relative.parts
    slug = filename[: -len(".yaml")]
    for part, label in ((category, "category folder"), (slug, "file name")):
        if not part or not set(part) <= SLUG_CHARS:
            raise RuleError(path, "path", f"{label} {part!r} must use lowercase letters, digits and '-'")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RuleError(path, "yaml", f"not valid YAML ({exc.__class__.__name__}: {getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise RuleError(path, "yaml", "a rule file must be a mapping of fields")
    return rule_from_data(data, path, lang, category, slug)


def rule_from_data(data: dict, path: Path, lang: str, category: str, slug: str) -> Rule:
    for name in REQUIRED_FIELDS:
        if name not in data or data[name] in (None, "", [], {}):
            raise RuleError(path, name, "is required")
    unknown = set(data) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)
    if unknown:
        raise RuleError(path, sorted(unknown)[0], "is not a known field")
    if "category" in data and data["category"] != category:
        raise RuleError(path, "category", f"must match the folder name {category!r}")
    for name in ("title", "kind", "message", "description"):
        if not isinstance(data[name], str):
            raise RuleError(path, name, "must be a string")
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise RuleError(path, "severity", str(exc)) from None
    if not isinstance(data["match"], dict):
        raise RuleError(path, "match", "must be a mapping")
    suggestions = _string_list(data.get("suggestions", []), path, "suggestions")
    exceptions = _exceptions(data.get("exceptions", []), path)
    requires = tuple(_string_list(data.get("requires", []), path, "requires"))
    for need in requires:
        if need not in KNOWN_REQUIRES:
            raise RuleError(path, "requires", f"unknown feature {need!r} (known: {', '.join(KNOWN_REQUIRES)})")
    limit = data.get("limit")
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise RuleError(path, "limit", "must be a positive whole number")
    strength, max_strength = (weight_field(data.get(name), path, name) for name in ("strength", "max_strength"))
    repeat_decay = weight_field(data.get("repeat_decay"), path, "repeat_decay")
    if repeat_decay is not None and repeat_decay > 1:
        raise RuleError(path, "repeat_decay", "must be between 0 and 1")
    speech_weight = weight_field(data.get("speech_weight"), path, "speech_weight")
    if speech_weight is not None and speech_weight > 1:
        raise RuleError(path, "speech_weight", "must be between 0 and 1")
    unowned = _unowned(data.get("unowned"), path)
    variants = tuple(_string_list(data.get("variants", []), path, "variants"))
    autofix = data.get("autofix")
    if autofix is not None and autofix not in AUTOFIX:
        raise RuleError(path, "autofix", f"must be {' or '.join(AUTOFIX)}")
    for variant in variants:
        if variant not in VARIANTS.get(lang, ()):
            raise RuleError(path, "variants", f"unknown {lang} variant {variant!r} (known: {', '.join(VARIANTS.get(lang, ()))})")
    rule = Rule(
        id=f"{lang}.{category}.{slug}", lang=lang, category=category, slug=slug, path=str(path),
        title=data["title"].strip(), kind=data["kind"], severity=severity,
        message=data["message"].strip(), description=" ".join(data["description"].split()),
        match=data["match"], suggestions=suggestions, exceptions=exceptions, requires=requires,
        limit=limit, strength=strength, max_strength=max_strength, repeat_decay=repeat_decay, speech_weight=speech_weight, unowned=unowned, link=data.get("link"), enabled=bool(data.get("enabled", True)),
        variants=variants, autofix=autofix,
    )
    _load_examples(rule, data["examples"], path)
    return rule


def _unowned(value, path: Path) -> dict | None:
    """`unowned: {owner: <term set>, self_names: true, strength: 0.5}`: checked here for its shape;
    the term set itself is compiled (and its errors reported) with the rule's check."""
    if value is None:
        return None
    if not isinstance(value, dict) or "owner" not in value or "strength" not in value \
            or set(value) - {"owner", "self_names", "strength"}:
        raise RuleError(path, "unowned", "must be a mapping of owner (a term set), strength and optional self_names")
    if not isinstance(value.get("self_names", False), bool):
        raise RuleError(path, "unowned.self_names", "must be true or false")
    return {"owner": value["owner"], "self_names": value.get("self_names", False),
            "strength": weight_field(value["strength"], path, "unowned.strength")}


def weight_field(value, path: Path, name: str) -> float | None:
    """A rule's weight field (a strength, a cap, a decay): a number ≥ 0, or None when absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RuleError(path, name, "must be a number ≥ 0")
    return float(value)


def _string_list(value, path: Path, name: str) -> list[str]:
    strings = as_string_list(value, non_empty=False)
    if strings is None:
        raise RuleError(path, name, "must be a list of strings")
    return strings


def _exceptions(value, path: Path) -> list[str] | dict:
    """A list of phrases, or a mapping with `phrases` and `regex` (a pattern can say what a phrase cannot: a
    capitalised word inside a name)."""
    if isinstance(value, dict):
        unknown = set(value) - {"phrases", "regex"}
        if unknown:
            raise RuleError(path, "exceptions", f"unknown key {sorted(unknown)[0]!r} (known: phrases, regex)")
        return {key: _string_list(value.get(key, []), path, f"exceptions.{key}") for key in ("phrases", "regex")}
    return _string_list(value, path, "exceptions")


def _load_examples(rule: Rule, examples, path: Path) -> None:
    if not isinstance(examples, dict):
        raise RuleError(path, "examples", "must have 'incorrect' and 'correct' lists")
    incorrect = examples.get("incorrect")
    correct = examples.get("correct")
    if not isinstance(incorrect, list) or not incorrect:
        raise RuleError(path, "examples.incorrect", "needs at least one example that must fire")
    if not isinstance(correct, list) or not correct:
        raise RuleError(path, "examples.correct", "needs at least one near-miss that must stay silent")
    for i, item in enumerate(incorrect):
        where = f"examples.incorrect[{i}]"
        fix = None
        if isinstance(item, dict):
            text, fix = item.get("text"), item.get("fix")
        else:
            text = item
        if not isinstance(text, str) or not text.strip():
            raise RuleError(path, where, "must be a text or a mapping with 'text' (and optional 'fix')")
        plain, spans = parse_marked(text, path, where)
        if not spans:
            raise RuleError(path, where, "must mark the expected span with [[ ]]")
        rule.incorrect.append(Example(plain, spans, fix))
    for i, item in enumerate(correct):
        if not isinstance(item, str) or not item.strip():
            raise RuleError(path, f"examples.correct[{i}]", "must be a non-empty text")
        rule.correct.append(Example(item, []))


def load_lexicon(name: str, lang: str, search_dirs: list[Path]) -> list[str]:
    """Lines of rules/<lang>/lexicons/<name>, first found in search_dirs; '#' starts a comment."""
    return [line for line in (raw.split("#", 1)[0].strip() for raw in _lexicon_lines(name, lang, search_dirs)) if line]


def load_pattern(name: str, lang: str, search_dirs: list[Path]) -> list[str]:
    """Lines of rules/<lang>/lexicons/<name>, a regular expression per line: a line that starts with
    '#' is a comment, a '#' further on belongs to the expression."""
    return [line for line in (raw.strip() for raw in _lexicon_lines(name, lang, search_dirs))
            if line and not line.startswith("#")]


def _lexicon_lines(name: str, lang: str, search_dirs: list[Path]) -> list[str]:
    """The raw lines of rules/<lang>/lexicons/<name>, first found in search_dirs."""
    for root in search_dirs:
        path = root / lang / "lexicons" / name
        if path.is_file():
            return path.read_text(encoding="utf-8").splitlines()
    raise FileNotFoundError(name)


def load_rules(lang: str, extra_dirs: list[Path] | None = None) -> list[Rule]:
    """Built-in rules for a language, then user rule directories (same layout).

    A user rule with the same id replaces the built-in one.
    """
    roots = [builtin_rules_dir(), *(extra_dirs or [])]
    categories = [c.id for c in declared_categories(lang, roots).values() if c.dimension]
    by_id: dict[str, Rule] = {}
    for root in roots:
        for path in rule_files(root, lang):
            rule = load_rule(path, root)
            if rule.category not in categories:
                # A misspelt folder would make a rule that no tone dimension counts.
                close = difflib.get_close_matches(rule.category, categories, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise RuleError(path, "path", f"unknown category folder {rule.category!r} "
                                f"({hint}categories: {', '.join(categories)}; a new one is declared "
                                f"under 'categories' in {lang}/pack.yaml)")
            by_id[rule.id] = rule
    return list(by_id.values())

