"""A configuration checked against the rules it names, so that nothing in it is silently ignored.

`config.py` reads a file and checks its shape; what only the rules can tell is
checked here: rule directories that exist and load, names in `select`, `ignore`
and `[severity]` that are rule ids or id prefixes, and per-rule options
(`[rules."id"]`) that the rule's kind reads and accepts. Every error names the
configuration file and the key, with the nearest valid name; never a built-in
rule file, since the mistake is in the configuration.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .checks import KINDS, CompileContext
from .checks.base import ReadFields
from .config import Config, ConfigError, did_you_mean
from .rulepack import LANGUAGES, Rule, RuleError, builtin_rules_dir, load_rules
from .selection import is_grammar_id
from .tokens import PhraseIndex
from .verdict import read_pack_settings


def check_config(config: Config) -> None:
    where = str(config.path) if config.path else "configuration"
    rules = _rules(config, where)
    _check_packs(config, where)
    names = rule_names(rules)
    for key, values in (("select", config.select), ("ignore", config.ignore),
                        ("severity", [prefix for prefix, _ in config.severity])):
        for name in values:
            if not is_rule_name(name, names):
                raise ConfigError(f"{where}: '{key}': {unknown_rule_message(name, names)}")
    by_id = {rule.id: rule for rule in rules}
    for rule_id, options in config.rule_options:
        _check_options(by_id, rule_id, config.options_for(rule_id), config, f"{where}: 'rules.\"{rule_id}\"'")


def known_rule_names(rule_dirs) -> set[str]:
    """Every rule id and id prefix of the built-in rules plus these rule directories."""
    return rule_names([rule for lang in LANGUAGES for rule in load_rules(lang, list(rule_dirs))])


def rule_names(rules: list[Rule]) -> set[str]:
    """Ids and the prefixes `select`/`ignore` accept: fr, fr.press-release, press-release, ..."""
    names = set(LANGUAGES)
    for rule in rules:
        parts = rule.id.split(".")
        names.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
        names.update(".".join(parts[1:end]) for end in range(2, len(parts) + 1))  # any language
    return names


def is_rule_name(name: str, names: set[str]) -> bool:
    return name in names or is_grammar_id(name)


def unknown_rule_message(name: str, names: set[str]) -> str:
    return f"unknown rule id or prefix {name!r}{did_you_mean(name, names)} (see `tonelint rules`)"


def _rules(config: Config, where: str) -> list[Rule]:
    for directory in config.rule_dirs:
        if not directory.is_dir():
            raise ConfigError(f"{where}: 'rule-dirs': {directory} is not a directory")
        if not any((directory / lang).is_dir() for lang in LANGUAGES):
            raise ConfigError(f"{where}: 'rule-dirs': {directory} has no {' or '.join(l + '/' for l in LANGUAGES)} "
                              "folder (rules live in <dir>/<lang>/<category>/<slug>.yaml)")
    try:
        return [rule for lang in LANGUAGES for rule in load_rules(lang, list(config.rule_dirs))]
    except RuleError as exc:
        if any(Path(exc.path).is_relative_to(directory) for directory in config.rule_dirs):
            raise ConfigError(f"{where}: 'rule-dirs': {exc}") from None
        raise


def _check_packs(config: Config, where: str) -> None:
    """A user pack.yaml must read, and its settings name categories that exist (built-in or its own)."""
    for directory in config.rule_dirs:
        for lang in LANGUAGES:
            try:
                read_pack_settings(lang, [builtin_rules_dir(), directory])
            except RuleError as exc:
                raise ConfigError(f"{where}: 'rule-dirs': {exc}") from None


def _check_options(by_id: dict[str, Rule], rule_id: str, options: dict, config: Config, where: str) -> None:
    """Compile the rule with the options, recording the fields its kind reads: an option
    it never reads is a typo (or meant for another rule), never silently ignored."""
    rule = by_id.get(rule_id)
    if rule is None:
        raise ConfigError(f"{where}: no rule has this id{did_you_mean(rule_id, by_id)} "
                          "(options need a full rule id: see `tonelint rules`)")
    kind = KINDS.get(rule.kind)
    if kind is None:
        return  # the rule file's own error, reported when its pack compiles
    ctx = CompileContext(rule.lang, PhraseIndex(), [*config.rule_dirs, builtin_rules_dir()],
                         list(config.self_names), list(config.known_terms))
    spec = ReadFields({**rule.match, **options})
    try:
        kind(replace(rule, match=spec), ctx)
    except RuleError as exc:
        option = _option_of(exc.field)
        if option not in options:
            raise  # the rule file is wrong whatever the options: its error names it
        raise ConfigError(f"{where}: '{option}': {exc.problem}") from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a kind that trusted its file's types
        raise ConfigError(f"{where}: an option has a value of the wrong type ({exc})") from None
    unknown = sorted(set(options) - spec.read)
    if unknown:
        raise ConfigError(f"{where}: unknown option '{unknown[0]}'{did_you_mean(unknown[0], spec.read)} "
                          f"(a {rule.kind} rule reads: {', '.join(sorted(spec.read))})")


def _option_of(field_name: str) -> str:
    """The `match` field a RuleError is about: "match.min_self" -> "min_self", "self.phrases" -> "self"."""
    if field_name.startswith("match."):
        field_name = field_name[len("match."):]
    return field_name.split(".", 1)[0]
