"""Evidence, then verdict: does the whole draft show a tone problem, or only a trace of one?

One weak signal is no verdict: a single « nous » paragraph, one "leverage", one
« incontournable ». Each finding carries a strength (its rule's `strength`; by
default 1 for a warning rule, 0.5 for a suggestion rule; 0 for a mention). Per
dimension that the language pack lists under `verdict`, the draft's evidence is
the sum of those strengths, where
- words flagged by two rules of one dimension count once, at the stronger finding,
- the same words flagged again by the same rule count once (whatever their case, spacing or
  plural; for a substitution, whatever variant of its lexicon entry matched), and
- each further distinct finding of one rule counts `repeat_decay` times the one
  before (variety of signals weighs more than repetition of one signal); a rule may
  set its own (a release cited again is as telling as the first citation).
When the evidence reaches the dimension's threshold (`threshold`, or
`per_100_words` x words / 100 on long drafts, whichever is larger), the
dimension's findings are warnings; below it they are suggestions. A dimension's
`raised_by` names what makes a draft need more evidence: a draft that explains
terms again and again (« qu'est-ce que… », "stands for") is written for lay
readers, so a few terms it did not explain in a way we recognise are no verdict. A rule whose
severity the user set in the configuration keeps that severity.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .model import Diagnostic, Severity
from .rulepack.categories import Category, check_reference, parse_categories, read_pack_file
from .rulepack.schema import RuleError
from .cues import recurs
from .mention import outside_quotations
from .prefilter import Search
from .terms import same_term

DEFAULT_STRENGTH = {Severity.SUGGESTION: 0.5, Severity.WARNING: 1.0, Severity.ERROR: 1.5}


def rule_strength(rule) -> float:
    """What one finding of the rule weighs: its `strength`, else its severity's default."""
    return rule.strength if rule.strength is not None else DEFAULT_STRENGTH[rule.severity]


@dataclass(frozen=True)
class ThresholdRaise:
    """A kind of draft that needs `factor` times the evidence: `cue` found `min` times or more
    (with `outside_quotes`, only in the author's own words, not in what the draft quotes), unless
    `unless` is found once (a draft that calls itself a release is one, whoever speaks in it)."""
    cue: re.Pattern
    min: int = 2
    factor: float = 1.5
    outside_quotes: bool = False
    unless: re.Pattern | None = None

    def applies(self, texts: list[str]) -> bool:
        if self.unless is not None and recurs(self._unless_search, texts, 1):
            return False
        if self.outside_quotes:  # blanked paragraph by paragraph, only as far as the count goes
            return recurs(self._search, (outside_quotations(text) for text in texts), self.min)
        return recurs(self._search, texts, self.min)

    @cached_property
    def _search(self) -> Search:
        """The cue with the literals its matches need, worked out once."""
        return Search(self.cue)

    @cached_property
    def _unless_search(self) -> Search:
        """`unless`, read the same way: paragraphs without its literals are skipped."""
        return Search(self.unless)


@dataclass(frozen=True)
class VerdictRaise:
    """A draft whose `passes` dimension's verdict passed needs `factor` times the evidence: in a
    release, the organisation's praise is the release's voice before it is self-promotion."""
    passes: str
    factor: float = 2.0


@dataclass(frozen=True)
class VerdictModel:
    threshold: float
    per_100_words: float = 0.0
    repeat_decay: float = 0.5
    # The strongest finding must reach this: weak hints alone (self-reference, one "!") never
    # make a verdict, however many of them there are...
    min_signal: float = 0.0
    # ...unless this many different claim rules (rules whose findings reach `min_signal` when owned)
    # each found a sign of half strength or more (0: never): an unclaimed award, an unclaimed "the
    # only network" and an unclaimed superlative together are a pattern, not a trace.
    min_variety: int = 0
    raised_by: ThresholdRaise | None = None
    raised_when: VerdictRaise | None = None

    def required(self, words: int, texts: list[str] = (), passed: frozenset[str] = frozenset()) -> float:
        """The evidence the draft needs; `passed`: the dimensions whose verdict already passed."""
        required = max(self.threshold, self.per_100_words * words / 100.0)
        if self.raised_by is not None and self.raised_by.applies(texts):
            required *= self.raised_by.factor
        if self.raised_when is not None and self.raised_when.passes in passed:
            required *= self.raised_when.factor
        return required


@dataclass(frozen=True)
class RuleWeighting:
    """A rule's own say in its dimension's evidence (None: the dimension decides)."""
    max_strength: float | None = None  # the most evidence the rule may give one draft
    repeat_decay: float | None = None  # each further finding weighs this much of the one before
    strength: float | None = None  # what one finding weighs before `unowned` or speech lowers it


@dataclass(frozen=True)
class Verdict:
    category: str
    evidence: float
    required: float
    strong_enough: bool = True  # some finding reaches the dimension's `min_signal`

    @property
    def passed(self) -> bool:
        return self.strong_enough and self.evidence >= self.required - 1e-9

    def to_dict(self) -> dict:
        return {"strength": round(self.evidence, 2), "threshold": round(self.required, 2),
                "severity": "warning" if self.passed else "suggestion"}


def read_pack_settings(lang: str, roots: list[Path]) -> dict:
    """The `categories`, `verdict`, `mention` and `usage` sections of <root>/<lang>/pack.yaml; later
    roots add to or override earlier ones. A setting that names a category must name a declared one."""
    packs = [(path, read_pack_file(path)) for path in (root / lang / "pack.yaml" for root in roots) if path.is_file()]
    categories: dict[str, Category] = {}
    for path, data in packs:
        if data.get("categories") is not None:
            categories.update(parse_categories(path, data["categories"]))
    settings: dict = {"categories": categories, "verdict": {}, "mention": {}, "usage": {}}
    defined_in: dict[str, Path] = {}  # the pack file each dimension's verdict model comes from
    for path, data in packs:
        for category, spec in (data.get("verdict") or {}).items():
            settings["verdict"][category] = _verdict_model(path, category, spec)
            defined_in[category] = path
            check_reference(path, f"verdict.{category}", category, categories, dimensions_only=True)
            raised_when = settings["verdict"][category].raised_when
            if raised_when is not None:
                check_reference(path, f"verdict.{category}.raised_when.passes", raised_when.passes, categories,
                                dimensions_only=True)
        mention = data.get("mention")
        if mention is not None:
            if not isinstance(mention, dict) or not all(isinstance(c, str) for c in mention.get("cues", [])):
                raise RuleError(path, "mention", "must be a mapping with 'cues': a list of regular expressions")
            for key in ("examples", "announcements", "testimonial_cues"):
                if not isinstance(mention.get(key, []), list) or not all(isinstance(c, str) for c in mention.get(key, [])):
                    raise RuleError(path, f"mention.{key}", "must be a list of regular expressions")
            for category, topic in (mention.get("topics") or {}).items():
                if not isinstance(topic, dict) or not isinstance(topic.get("cue"), str) \
                        or not isinstance(topic.get("min", 3), int) or not isinstance(topic.get("not_after", ""), str) \
                        or set(topic) - {"cue", "min", "not_after"}:
                    raise RuleError(path, f"mention.topics.{category}",
                                    "must be a mapping with 'cue' (a regular expression), 'min' and optional 'not_after'")
                check_reference(path, f"mention.topics.{category}", category, categories)
            if not isinstance(mention.get("speech_verbs", ""), str):
                raise RuleError(path, "mention.speech_verbs", "must name a lexicon of speech verbs")
            for category, weight in (mention.get("speech_weights") or {}).items():
                if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
                    raise RuleError(path, f"mention.speech_weights.{category}", "must be a weight from 0 to 1")
                check_reference(path, "mention.speech_weights", category, categories)
            for key in ("quotes_still_count", "headword_lists", "definition_headings"):
                for category in mention.get(key) or ():
                    check_reference(path, f"mention.{key}", category, categories)
            settings["mention"] = mention
        usage = data.get("usage")
        if usage is not None:
            if not isinstance(usage, dict) or not all(isinstance(v, str) for v in usage.values()):
                raise RuleError(path, "usage", "must map each variant (fr-CA...) to how a message names its usage")
            settings["usage"].update(usage)
    for category, model in settings["verdict"].items():
        if model.raised_when is None:
            continue
        other = settings["verdict"].get(model.raised_when.passes)
        where = f"verdict.{category}.raised_when.passes"
        if other is None:
            raise RuleError(defined_in[category], where, f"{model.raised_when.passes!r} has no verdict model: name a judged dimension")
        # one step only: the dimension that raises is judged on its own evidence
        if other.raised_when is not None:
            raise RuleError(defined_in[category], where,
                            f"{model.raised_when.passes!r} is itself raised by another verdict: name a dimension judged on its own")
    return settings


def _verdict_model(path: Path, category: str, spec) -> VerdictModel:
    where = f"verdict.{category}"
    if not isinstance(spec, dict) or set(spec) - {"threshold", "per_100_words", "repeat_decay", "min_signal",
                                                  "min_variety", "raised_by", "raised_when"}:
        raise RuleError(path, where, "must be a mapping of threshold, per_100_words, repeat_decay, min_signal, "
                                     "min_variety, raised_by and raised_when")
    values: dict = {}
    spec = dict(spec)
    if "raised_by" in spec:
        values["raised_by"] = _threshold_raise(path, f"{where}.raised_by", spec.pop("raised_by"))
    if "raised_when" in spec:
        values["raised_when"] = _verdict_raise(path, f"{where}.raised_when", category, spec.pop("raised_when"))
    for key, value in spec.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise RuleError(path, f"{where}.{key}", "must be a number ≥ 0")
        values[key] = float(value)
    if "min_variety" in values:
        if values["min_variety"] != int(values["min_variety"]):
            raise RuleError(path, f"{where}.min_variety", "must be a whole number ≥ 0")
        values["min_variety"] = int(values["min_variety"])
    if "threshold" not in values:
        raise RuleError(path, f"{where}.threshold", "is required")
    if values.get("repeat_decay", 0.5) > 1:
        raise RuleError(path, f"{where}.repeat_decay", "must be between 0 and 1")
    return VerdictModel(**values)


def _threshold_raise(path: Path, where: str, spec) -> ThresholdRaise:
    if not isinstance(spec, dict) or not isinstance(spec.get("cue"), str) \
            or set(spec) - {"cue", "min", "factor", "outside_quotes", "unless"}:
        raise RuleError(path, where, "must be a mapping with 'cue' (a regular expression), optional 'min', 'factor', "
                                     "'outside_quotes' and 'unless' (a regular expression)")
    if not isinstance(spec.get("outside_quotes", False), bool):
        raise RuleError(path, f"{where}.outside_quotes", "must be true or false")
    minimum, factor = spec.get("min", 2), spec.get("factor", 1.5)
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        raise RuleError(path, f"{where}.min", "must be a whole number ≥ 1")
    if isinstance(factor, bool) or not isinstance(factor, (int, float)) or factor < 1:
        raise RuleError(path, f"{where}.factor", "must be a number ≥ 1")
    patterns = {}
    for key in ("cue", "unless"):
        if key not in spec:
            continue
        if not isinstance(spec[key], str):
            raise RuleError(path, f"{where}.{key}", "must be a regular expression")
        try:
            patterns[key] = re.compile(spec[key], re.IGNORECASE)
        except re.error as exc:
            raise RuleError(path, f"{where}.{key}", f"is not a valid regular expression ({exc})") from None
    return ThresholdRaise(patterns["cue"], minimum, float(factor), spec.get("outside_quotes", False), patterns.get("unless"))


def _verdict_raise(path: Path, where: str, category: str, spec) -> VerdictRaise:
    if not isinstance(spec, dict) or not isinstance(spec.get("passes"), str) or set(spec) - {"passes", "factor"}:
        raise RuleError(path, where, "must be a mapping with 'passes' (another dimension) and optional 'factor'")
    if spec["passes"] == category:
        raise RuleError(path, f"{where}.passes", "must name another dimension")
    factor = spec.get("factor", 2.0)
    if isinstance(factor, bool) or not isinstance(factor, (int, float)) or factor < 1:
        raise RuleError(path, f"{where}.factor", "must be a number ≥ 1")
    return VerdictRaise(spec["passes"], float(factor))


_DIMENSION_DECIDES = RuleWeighting()


def judge(diagnostics: list[Diagnostic], words: int, models: dict[str, VerdictModel],
          weightings: dict[str, RuleWeighting] | None = None, texts: list[str] = ()) -> dict[str, Verdict]:
    """The verdict of each dimension that has a model, from the findings' strengths.

    `weightings`: rule id -> the rule's own cap and repeat_decay, where it sets them.
    `texts`: the draft's prose blocks, where a model's `raised_by` cue is looked for."""
    weightings = weightings or {}
    seen: set[tuple[str, str]] = set()
    by_rule: dict[str, list[float]] = defaultdict(list)
    category_of: dict[str, str] = {}
    for d in _one_per_place(diagnostics, models):
        key = (d.rule, d.evidence_key or same_term(d.match))
        if key in seen:
            continue
        seen.add(key)
        by_rule[d.rule].append(d.strength)
        category_of[d.rule] = d.category
    evidence: dict[str, float] = defaultdict(float)
    strongest: dict[str, float] = defaultdict(float)
    variety: dict[str, int] = defaultdict(int)  # claim rules with a sign of half strength or more
    for rule, strengths in by_rule.items():
        category = category_of[rule]
        own = weightings.get(rule, _DIMENSION_DECIDES)
        decay = own.repeat_decay if own.repeat_decay is not None else models[category].repeat_decay
        total = sum(strength * decay ** rank for rank, strength in enumerate(sorted(strengths, reverse=True)))
        evidence[category] += total if own.max_strength is None else min(total, own.max_strength)
        strongest[category] = max(strongest[category], *strengths)
        # a claim rule (one that alone could carry the verdict), even where its finding weighs less
        # because nobody in the paragraph owns it; never a hint such as "we" or "!"
        nominal = own.strength if own.strength is not None else max(strengths)
        if nominal >= models[category].min_signal and max(strengths) >= _VARIETY_SIGN:
            variety[category] += 1
    verdicts: dict[str, Verdict] = {}
    # A dimension raised by another's verdict is judged after those judged on their own evidence (the
    # pack loader allows no chain of raises, so one pass in this order is enough).
    for category, model in sorted(models.items(), key=lambda item: item[1].raised_when is not None):
        passed = frozenset(c for c, v in verdicts.items() if v.passed)
        verdicts[category] = Verdict(category, evidence[category], model.required(words, texts, passed),
                                     strong_enough=strongest[category] >= model.min_signal
                                     or 0 < model.min_variety <= variety[category])
    return {category: verdicts[category] for category in models}


# What a rule's finding must weigh to count towards a dimension's variety of signs.
_VARIETY_SIGN = 0.5


_SUGGESTION, _WARNING = Severity.SUGGESTION, Severity.WARNING  # enum attribute look-ups are slow


def _one_per_place(diagnostics: list[Diagnostic], models) -> list[Diagnostic]:
    """Of findings of one dimension on overlapping words, the strongest: the same words flagged
    by two rules ("exceptional" as a superlative and as self-praise) are one piece of evidence."""
    kept: list[Diagnostic] = []
    last_by_category: dict[str, int] = {}
    for d in sorted((d for d in diagnostics if d.category in models and d.strength > 0),
                    key=lambda d: (d.span.start, -d.span.end)):
        index = last_by_category.get(d.category)
        if index is not None and d.span.start < kept[index].span.end:
            if d.strength > kept[index].strength:
                kept[index] = d
            continue
        last_by_category[d.category] = len(kept)
        kept.append(d)
    return kept


def apply_verdicts(diagnostics: list[Diagnostic], verdicts: dict[str, Verdict], user_set) -> None:
    """Warnings where the dimension's verdict passed, suggestions elsewhere and for mentions.

    `user_set(rule_id)` tells whether the configuration sets that rule's severity (it then wins)."""
    for d in diagnostics:
        verdict = verdicts.get(d.category)
        if verdict is None or user_set(d.rule):
            continue
        if d.mention or not verdict.passed:
            d.severity = _SUGGESTION
        elif d.severity < _WARNING:
            d.severity = _WARNING
