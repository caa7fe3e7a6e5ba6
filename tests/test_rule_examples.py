"""Every example of every rule, in isolation, as text, Markdown and HTML, with exact spans."""
from __future__ import annotations

import pytest

from .rule_engines import RULES, engine_alone
from .wrapping import wrap

FORMATS = ("text", "markdown", "html")


def _cases(which: str):
    for rule in RULES:
        for number, example in enumerate(getattr(rule, which)):
            for fmt in FORMATS:
                yield pytest.param(rule, example, fmt, id=f"{rule.id}-{which}{number}-{fmt}")


def _code_for(rule) -> str:
    # The rule's own trigger, placed in code blocks: it must never fire there.
    return rule.incorrect[0].text.split("\n\n")[0]


@pytest.mark.parametrize("rule, example, fmt", list(_cases("incorrect")))
def test_incorrect_example_fires_on_exact_span(rule, example, fmt):
    source, expected = wrap(example.text, example.spans, fmt, code=_code_for(rule))
    result = engine_alone(rule).lint(source, fmt)
    found = [(d.span.start, d.span.end) for d in result.diagnostics if d.rule == rule.id]
    assert sorted(found) == sorted(expected), [source[s:e] for s, e in found]
    for d in result.diagnostics:
        assert d.match == source[d.span.start:d.span.end]
        assert d.category == rule.category
        assert "{" not in d.message, d.message


@pytest.mark.parametrize("rule, example, fmt", list(_cases("correct")))
def test_correct_example_stays_silent(rule, example, fmt):
    source, _ = wrap(example.text, [], fmt, code=_code_for(rule))
    result = engine_alone(rule).lint(source, fmt)
    assert [d.match for d in result.diagnostics] == []


FIXES = [pytest.param(rule, ex, id=f"{rule.id}-fix{n}") for rule in RULES for n, ex in enumerate(rule.incorrect) if ex.fix]


@pytest.mark.parametrize("rule, example", FIXES)
def test_first_suggestion_gives_expected_text(rule, example):
    result = engine_alone(rule).lint(example.text, "text")
    diagnostic = next(d for d in result.diagnostics if d.rule == rule.id)
    assert diagnostic.suggestions, "a rule example with 'fix' must produce suggestions"
    fixed = example.text[:diagnostic.span.start] + diagnostic.suggestions[0] + example.text[diagnostic.span.end:]
    assert fixed == example.fix


SUGGESTING = [pytest.param(rule, ex, id=f"{rule.id}-applied{n}") for rule in RULES for n, ex in enumerate(rule.incorrect)]


@pytest.mark.parametrize("rule, example", SUGGESTING)
def test_every_suggestion_once_applied_silences_the_rule(rule, example):
    """Like LanguageTool's rule tests: each suggestion, applied, must fix what the rule saw."""
    engine = engine_alone(rule)
    result = engine.lint(example.text, "text")
    for diagnostic in (d for d in result.diagnostics if d.rule == rule.id):
        for suggestion in diagnostic.suggestions:
            start, end = diagnostic.span.start, diagnostic.span.end
            fixed = example.text[:start] + suggestion + example.text[end:]
            again = engine.lint(fixed, "text")
            still = [d for d in again.diagnostics if d.rule == rule.id
                     and d.span.start < start + len(suggestion) and start < d.span.end]
            assert not still, (fixed, [d.match for d in still])
            assert suggestion.strip() and suggestion.lower() != diagnostic.match.lower()
