"""One engine per built-in rule with every other rule of its language off, shared by the test modules
that try rules one at a time (their examples, their fixes): each is built once per test process."""
from __future__ import annotations

from tonelint import Config, Engine
from tonelint.rulepack import LANGUAGES, load_rules

RULES = [rule for lang in LANGUAGES for rule in load_rules(lang)]
_engines: dict[str, Engine] = {}


def engine_alone(rule) -> Engine:
    """The rule alone: every other rule of its language is off (`select` would only narrow the
    output, and the other rules would still weigh in the verdict and merge with its findings)."""
    if rule.id not in _engines:
        others = tuple(r.id for r in RULES if r.lang == rule.lang and r.id != rule.id)
        # A regional rule is tried with its readers (`variants`).
        _engines[rule.id] = Engine(Config(lang=rule.lang, ignore=others, variant=(rule.variants or (None,))[0]))
    return _engines[rule.id]


def term_sets():
    """Every TermSet (match, context, target, unless...) of the built-in packs' checks, for tests of
    what is compiled from the rules' regexes."""
    from tonelint.checks.base import TermSet

    engine = Engine(Config())
    for lang in LANGUAGES:
        for check in engine.pack(lang).checks:
            yield from (value for value in vars(check).values() if isinstance(value, TermSet))
