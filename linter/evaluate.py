"""Evaluate the rule packs on a labelled JSONL corpus (the format of shared/corpus/dev.jsonl).

Each line: {"id", "lang", "text", "labels": {"press_release": bool, ...},
"spans": [{"quote", "category"}]}; a label names a tone dimension of the packs (press_release:
press-release). A document is flagged for a dimension when
at least one diagnostic of that category is reported at default settings, at
severity warning or above (suggestions are tips that may appear on good text);
`min_severity` changes that threshold.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .engine import Engine
from .model import Severity
from .rulepack import LANGUAGES, builtin_rules_dir
from .rulepack.categories import declared_categories


class CorpusError(Exception):
    pass


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    spans: int = 0
    spans_found: int = 0
    clean: int = 0
    clean_flagged: int = 0

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def f1(self) -> float | None:
        p, r = self.precision(), self.recall()
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)


@dataclass
class Evaluation:
    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    clean_any: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    dimensions: dict[str, str] = field(default_factory=dict)  # corpus label key -> category


def labelled_dimensions(records: list[dict], config: Config) -> dict[str, str]:
    """The packs' tone dimensions the corpus labels, label key -> category id, in the packs' order.
    A label key is the category id with '_' for '-' (press_release: press-release); a true label
    says the document should be flagged for that dimension."""
    keys = {key for r in records for key in r.get("labels", {})}
    keys |= {span.get("category") for r in records for span in r.get("spans", [])}
    roots = [builtin_rules_dir(), *config.rule_dirs]
    ids = dict.fromkeys(c.id for lang in LANGUAGES for c in declared_categories(lang, roots).values() if c.dimension)
    return {category.replace("-", "_"): category for category in ids if category.replace("-", "_") in keys}


def read_corpus(path: Path) -> list[dict]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or record.get("lang") not in ("fr", "en"):
            raise CorpusError(f"{path}:{number}: each line needs 'text' and 'lang' (fr or en)")
        if not isinstance(record.get("labels", {}), dict) or not isinstance(record.get("spans", []), list):
            raise CorpusError(f"{path}:{number}: 'labels' must be an object and 'spans' a list")
        records.append(record)
    if not records:
        raise CorpusError(f"{path}: no records")
    return records


def select_split(records: list[dict], split_path: Path, part: str) -> list[dict]:
    """The records whose ids a split file (JSON: {part: [ids]}) lists under `part`."""
    try:
        split = json.loads(split_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CorpusError(f"{split_path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CorpusError(f"{split_path}: not a JSON split file") from None
    parts = {k: v for k, v in split.items() if isinstance(v, list)} if isinstance(split, dict) else {}
    if part not in parts:
        raise CorpusError(f"{split_path}: no part {part!r} (parts: {', '.join(sorted(parts)) or 'none'})")
    wanted = set(parts[part])
    chosen = [r for r in records if r.get("id") in wanted]
    if not chosen:
        raise CorpusError(f"{split_path}: part {part!r} names no record of the corpus")
    return chosen


def evaluate(records: list[dict], config: Config | None = None, fmt: str = "text",
             min_severity: Severity = Severity.WARNING) -> Evaluation:
    base = config or Config()
    engines = {lang: Engine(Config(**{**base.__dict__, "lang": lang})) for lang in ("fr", "en")}
    evaluation = Evaluation(dimensions=labelled_dimensions(records, base))
    dimensions = evaluation.dimensions
    for record in records:
        lang = record["lang"]
        text = record["text"]
        result = engines[lang].lint(text, fmt)
        flagged = {d.category for d in result.diagnostics if d.severity >= min_severity}
        labels = record.get("labels", {})
        is_clean = not any(labels.get(k) for k in dimensions)
        if is_clean:
            evaluation.clean_any[lang][0] += 1
            if flagged & set(dimensions.values()):
                evaluation.clean_any[lang][1] += 1
        for key, category in dimensions.items():
            counts = evaluation.counts[(lang, category)]
            truth, predicted = bool(labels.get(key)), category in flagged
            if truth and predicted:
                counts.tp += 1
            elif predicted:
                counts.fp += 1
                rules = sorted({d.rule for d in result.diagnostics
                                if d.category == category and d.severity >= min_severity})
                evaluation.misses.append(f"{record.get('id', '?')}: false alarm {category} ({', '.join(rules)})")
            elif truth:
                counts.fn += 1
                evaluation.misses.append(f"{record.get('id', '?')}: missed {category}")
            else:
                counts.tn += 1
            if is_clean:
                counts.clean += 1
                counts.clean_flagged += predicted
        for span in record.get("spans", []):
            category = dimensions.get(span.get("category"))
            quote = span.get("quote", "")
            start = text.find(quote) if quote else -1
            if category is None or start < 0:
                evaluation.errors.append(f"{record.get('id', '?')}: span not found in text: {quote[:40]!r}")
                continue
            end = start + len(quote)
            counts = evaluation.counts[(lang, category)]
            counts.spans += 1
            if any(d.category == category and d.severity >= min_severity and d.span.start < end and start < d.span.end
                   for d in result.diagnostics):
                counts.spans_found += 1
    return evaluation


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def report(evaluation: Evaluation) -> str:
    lines = ["lang  dimension        precision  recall    F1   span-recall  clean-flagged   (tp fp fn tn)"]
    for lang in ("fr", "en"):
        for category in evaluation.dimensions.values():
            c = evaluation.counts.get((lang, category))
            if c is None:
                continue
            span_recall = c.spans_found / c.spans if c.spans else None
            clean = f"{c.clean_flagged}/{c.clean}" if c.clean else "-"
            lines.append(f"{lang:<5} {category:<16} {_fmt(c.precision())}     {_fmt(c.recall())}  {_fmt(c.f1())}   "
                         f"{_fmt(span_recall)}      {clean:>6}          ({c.tp} {c.fp} {c.fn} {c.tn})")
    for lang, (total, flagged) in sorted(evaluation.clean_any.items()):
        lines.append(f"{lang}: clean documents flagged for any dimension: {flagged}/{total}"
                     f" ({100 * flagged / total:.0f}%)" if total else "")
    if evaluation.errors:
        lines.append(f"{len(evaluation.errors)} labelled spans could not be located: " + "; ".join(evaluation.errors[:3]))
    return "\n".join(lines)
