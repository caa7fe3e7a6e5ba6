"""Which rules run, which findings are shown, at which severity: one place for rule selection.

Rules are named by id (`fr.press-release.cliches`), by an id prefix (`fr.press-release`,
`fr`) or by a prefix without the language (`press-release`, `press-release.cliches`).
- `ignore` and `[severity] prefix = "off"` turn rules off: they do not run.
- `select` narrows what is shown; every rule still runs and judges the draft.
- `[severity]` sets a rule's severity; the most specific prefix wins.
Suppression comments and the per-request select/ignore of the API use the same names.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Severity


def rule_matches(rule_id: str, prefix: str) -> bool:
    """Is `prefix` the id itself or one of its dotted prefixes?"""
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def matches_any(rule_id: str, names) -> bool:
    """Does one of `names` name this rule, with or without its language?"""
    short = rule_id.split(".", 1)[1] if "." in rule_id else rule_id
    return any(rule_matches(rule_id, name) or rule_matches(short, name) for name in names)


def is_grammar_id(name: str) -> bool:
    """LanguageTool's rules (`fr.grammar.lt.ANY_ID`) are open-ended: any such name is valid."""
    return "grammar" in name.split(".")[:2]


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # prefix -> severity name or "off"

    def __post_init__(self) -> None:
        # Least specific first, so that the most specific prefix is applied last and wins.
        object.__setattr__(self, "severity", tuple(sorted(self.severity, key=lambda item: len(item[0]))))

    def runs(self, rule_id: str) -> bool:
        """Does the rule run at all (not ignored, not turned off)?"""
        if self.ignore and matches_any(rule_id, self.ignore):
            return False
        return self.severity_override(rule_id) != "off"

    def shows(self, rule_id: str) -> bool:
        """Is a finding of this rule shown (selected and not ignored)?"""
        return (not self.select or matches_any(rule_id, self.select)) and not (
            self.ignore and matches_any(rule_id, self.ignore))

    def severity_override(self, rule_id: str) -> str | None:
        """The user's severity for the rule ("off" included), the most specific prefix winning."""
        chosen = None
        for prefix, value in self.severity:
            if matches_any(rule_id, [prefix]):
                chosen = value
        return chosen

    def severity_for(self, rule_id: str, default: Severity) -> Severity | None:
        """The severity a finding gets; None when the rule is off."""
        override = self.severity_override(rule_id)
        if override == "off":
            return None
        return Severity.parse(override) if override else default

    def set_by_user(self, rule_id: str) -> bool:
        return self.severity_override(rule_id) is not None
