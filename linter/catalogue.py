"""What an engine tells about its rules (`GET /v1/rules`, the extension's options and colours):
every rule of a language with the severity and state it has under the engine's configuration,
and the categories its pack declares. Built once per engine and language (Engine.catalogue)."""
from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .rulepack import builtin_rules_dir, load_rules
from .rulepack.categories import Category, declared_categories
from .selection import Selection


@dataclass(frozen=True)
class Catalogue:
    lang: str
    rules: tuple[dict, ...]  # Rule.doc() with the effective severity, the file's and whether it runs
    categories: tuple[Category, ...]  # in the pack's order

    def category_docs(self) -> list[dict]:
        return [{**category.doc(), "lang": self.lang} for category in self.categories]


def build_catalogue(lang: str, config: Config) -> Catalogue:
    selection = Selection(config.select, config.ignore, config.severity)
    docs = []
    for rule in sorted(load_rules(lang, list(config.rule_dirs)), key=lambda r: r.id):
        effective = selection.severity_for(rule.id, rule.severity)  # None: turned off ("off")
        docs.append({**rule.doc(), "severity": (effective or rule.severity).label,
                     "default_severity": rule.severity.label,
                     "enabled": rule.enabled and selection.runs(rule.id)})
    categories = declared_categories(lang, [builtin_rules_dir(), *config.rule_dirs])
    return Catalogue(lang, tuple(docs), tuple(categories.values()))
