"""`tonelint rules test [DIR]`: run the examples of a rule directory's rules, as the project's own test does.

Each rule runs alone (every other rule of its language off). Every `incorrect` example must fire on
exactly its [[marked]] spans — as plain text, and wrapped in Markdown and HTML with the rule's own
trigger inside code, where it must never fire; every `correct` example must stay silent; a `fix`
must be the text once the first suggestion is applied; and each suggestion, applied, must silence
the rule. A failure names the rule file, the example's field and the format.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Config
from .engine import Engine
from .rulepack import LANGUAGES, Rule, load_rules

FORMATS = ("text", "markdown", "html")
_MARKDOWN_PREFIX = "---\nlayout: post\n---\n\n"
_HTML_PREFIX = "<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head>\n<body>\n<p>"


@dataclass
class RuleOutcome:
    rule: Rule
    examples: int = 0
    failures: list[str] = field(default_factory=list)  # "file: field (format): problem"


def with_directories(config: Config, directories: list[Path]) -> Config:
    """The configuration with `directories` among its rule directories (after its own)."""
    return replace(config, rule_dirs=(*config.rule_dirs, *(d for d in directories if d not in config.rule_dirs)))


def rules_in(directories: list[Path], config: Config) -> list[Rule]:
    """The rules whose files live in `directories` (empty: the built-in rules), loaded with the
    configuration's rule directories too, as a lint would see them."""
    dirs = list(with_directories(config, directories).rule_dirs)
    found = [rule for lang in LANGUAGES for rule in load_rules(lang, dirs)]
    if not directories:
        return found
    roots = [d.resolve() for d in directories]
    return [rule for rule in found if any(Path(rule.path).resolve().is_relative_to(root) for root in roots)]


def run_rule_examples(rules: list[Rule], config: Config, directories: list[Path] = ()) -> list[RuleOutcome]:
    """Run every example of `rules` (from `directories`); the configuration gives its rule
    directories, known terms and self-names. Its selection and severities do not apply."""
    base = replace(with_directories(config, list(directories)), select=(), ignore=(), severity=(),
                   rule_options=(), min_severity=Config().min_severity, grammar=None)
    everything = {lang: [r.id for r in load_rules(lang, list(base.rule_dirs))] for lang in {r.lang for r in rules}}
    return [_test_rule(rule, _alone(rule, base, everything[rule.lang])) for rule in rules]


def _alone(rule: Rule, base: Config, ids: list[str]) -> Engine:
    # `ignore`, not `select`: selected-out rules would still weigh in the verdict and merge with its findings.
    others = tuple(i for i in ids if i != rule.id)
    return Engine(replace(base, lang=rule.lang, ignore=others, variant=(rule.variants or (None,))[0]))


def _test_rule(rule: Rule, engine: Engine) -> RuleOutcome:
    outcome = RuleOutcome(rule)
    code = rule.incorrect[0].text.split("\n\n")[0] if rule.incorrect else ""
    for number, example in enumerate(rule.incorrect):
        where = f"examples.incorrect[{number}]"
        outcome.examples += 1
        for fmt in FORMATS:
            source, expected = wrap(example.text, example.spans, fmt, code)
            found = sorted((d.span.start, d.span.end) for d in engine.lint(source, fmt).diagnostics if d.rule == rule.id)
            if found != sorted(expected):
                plain = fmt == "text"
                outcome.failures.append(f"{rule.path}: {where} ({fmt}): expected {_show(source, expected, plain)}, "
                                        f"found {_show(source, found, plain) or 'nothing'}")
        outcome.failures += _suggestion_failures(rule, engine, example, where)
    for number, example in enumerate(rule.correct):
        outcome.examples += 1
        for fmt in FORMATS:
            source, _ = wrap(example.text, [], fmt, code)
            found = [d for d in engine.lint(source, fmt).diagnostics if d.rule == rule.id]
            if found:
                outcome.failures.append(f"{rule.path}: examples.correct[{number}] ({fmt}): must stay silent, "
                                        f"found {_show(source, [(d.span.start, d.span.end) for d in found], fmt == 'text')}")
    return outcome


def _suggestion_failures(rule: Rule, engine: Engine, example, where: str) -> list[str]:
    failures = []
    findings = [d for d in engine.lint(example.text, "text").diagnostics if d.rule == rule.id]
    if example.fix is not None:
        with_suggestions = [d for d in findings if d.suggestions]
        if not with_suggestions:
            failures.append(f"{rule.path}: {where}.fix: the rule gave no suggestion to apply")
        else:
            d = with_suggestions[0]
            fixed = example.text[:d.span.start] + d.suggestions[0] + example.text[d.span.end:]
            if fixed != example.fix:
                failures.append(f"{rule.path}: {where}.fix: expected {example.fix!r}, the first suggestion gives {fixed!r}")
    for d in findings:
        for suggestion in d.suggestions:
            fixed = example.text[:d.span.start] + suggestion + example.text[d.span.end:]
            end = d.span.start + len(suggestion)
            still = [s for s in engine.lint(fixed, "text").diagnostics
                     if s.rule == rule.id and s.span.start < end and d.span.start < s.span.end]
            if still:
                failures.append(f"{rule.path}: {where}: the suggestion {suggestion!r}, applied, still fires ({fixed!r})")
    return failures


def _show(source: str, spans, offsets: bool = True) -> str:
    """The spans' words, with their offsets in the example (a wrapped page's would not help)."""
    return ", ".join(f"[[{source[s:e]}]]" + (f" at {s}-{e}" if offsets else "") for s, e in spans)


def wrap(text: str, spans, fmt: str, code: str = "") -> tuple[str, list[tuple[int, int]]]:
    """The example as a Markdown or HTML page (with `code` in code blocks, which are never linted),
    and its marked spans moved to where they land in that page."""
    if fmt == "text":
        return text, list(spans)
    if fmt == "markdown":
        prefix, piece = _MARKDOWN_PREFIX, (lambda s: s)
        suffix = f"\n\n```\n{code}\n```\n\nInline `{code.replace('`', '')}` code.\n" if code else "\n"
    else:
        prefix, piece = _HTML_PREFIX, (lambda s: html.escape(s, quote=False).replace("\n\n", "</p>\n<p>"))
        suffix = f"</p>\n<pre><code>{html.escape(code)}</code></pre>\n</body></html>\n"
    cuts = sorted({0, len(text), *(p for span in spans for p in span)})
    out, position, length = [prefix], {}, len(prefix)
    for a, b in zip(cuts, cuts[1:]):
        position[a] = length
        out.append(piece(text[a:b]))
        length += len(out[-1])
    position[len(text)] = length
    out.append(suffix)
    return "".join(out), [(position[s], position[e]) for s, e in spans]


def report(outcomes: list[RuleOutcome]) -> str:
    lines = []
    for outcome in outcomes:
        status = "FAIL" if outcome.failures else "ok  "
        lines.append(f"{status} {outcome.rule.id} ({outcome.examples} examples)")
        lines += [f"     {failure}" for failure in outcome.failures]
    failed = sum(1 for o in outcomes if o.failures)
    examples = sum(o.examples for o in outcomes)
    lines.append(f"{len(outcomes) - failed} passed, {failed} failed ({len(outcomes)} rules, {examples} examples)")
    return "\n".join(lines)
