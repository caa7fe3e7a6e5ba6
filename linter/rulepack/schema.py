"""The rule-file schema: what every rule has, and the errors that name the file and field."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Severity

REQUIRED_FIELDS = ("title", "kind", "severity", "message", "description", "match", "examples")
OPTIONAL_FIELDS = ("suggestions", "exceptions", "requires", "limit", "scope", "enabled", "category", "link", "strength", "max_strength", "repeat_decay", "speech_weight", "unowned", "variants", "autofix")
AUTOFIX = ("safe", "unsafe")
KNOWN_REQUIRES = ("lemma", "pos", "sentences")
SLUG_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


class RuleError(Exception):
    """A rule file is invalid. The message names the file and the field."""

    def __init__(self, path: Path | str, field_name: str, problem: str) -> None:
        super().__init__(f"{path}: field '{field_name}': {problem}")
        self.path = str(path)
        self.field = field_name
        self.problem = problem


@dataclass
class Example:
    text: str  # without the [[ ]] markers
    spans: list[tuple[int, int]]  # expected prose offsets, for incorrect examples
    fix: str | None = None  # expected text after applying the first suggestion


@dataclass
class Rule:
    id: str
    lang: str
    category: str
    slug: str
    path: str
    title: str
    kind: str
    severity: Severity
    message: str
    description: str
    match: dict
    suggestions: list[str] = field(default_factory=list)
    exceptions: list[str] | dict = field(default_factory=list)  # phrases, or {phrases, regex}
    requires: tuple[str, ...] = ()
    limit: int | None = None
    strength: float | None = None  # weight of one finding in its dimension's verdict (verdict.py)
    max_strength: float | None = None  # the most evidence the rule may give one draft
    # Each further distinct finding of the rule weighs this much of the one before (None: the
    # dimension's repeat_decay); 1 when every new instance is as telling as the first.
    repeat_decay: float | None = None
    # What a finding weighs inside someone's quoted speech (None: the pack's `mention.speech_weights`);
    # 1 for words that are the point of the quotation wherever it stands (a client's "highly recommend").
    speech_weight: float | None = None
    # {"owner"": term set, "self_names": bool, "strength": float}: a finding whose paragraph holds
    # no owner (we/our, the author's name) may praise someone else, and weighs `strength`.
    unowned: dict | None = None
    variants: tuple[str, ...] = ()  # only for readers of these variants (fr-CA...); empty: everyone
    # Whether `check --fix` may apply its first suggestion without --unsafe-fixes: "safe" or "unsafe";
    # None: the kind says (a one-to-one term substitution is safe, anything else rewords).
    autofix: str | None = None
    link: str | None = None
    enabled: bool = True
    incorrect: list[Example] = field(default_factory=list)
    correct: list[Example] = field(default_factory=list)

    def doc(self) -> dict:
        """Public description of the rule (CLI `explain`, API rule list)."""
        return {
            "id": self.id,
            "lang": self.lang,
            "title": self.title,
            "category": self.category,
            "kind": self.kind,
            "severity": self.severity.label,
            "message": self.message,
            "description": self.description,
            "suggestions": list(self.suggestions),
            "examples": {
                "incorrect": [_marked(e) for e in self.incorrect],
                "correct": [e.text for e in self.correct],
            },
        }


def _marked(example: Example) -> str:
    text = example.text
    for start, end in sorted(example.spans, reverse=True):
        text = text[:start] + "[[" + text[start:end] + "]]" + text[end:]
    return text


def parse_marked(text: str, where: Path | str, field_name: str) -> tuple[str, list[tuple[int, int]]]:
    """`Nous sommes [[fiers d'annoncer]] ...` -> plain text and the marked spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    while True:
        open_at = text.find("[[", pos)
        if open_at < 0:
            plain.append(text[pos:])
            break
        close_at = text.find("]]", open_at + 2)
        if close_at < 0:
            raise RuleError(where, field_name, f"unclosed '[[' in example {text!r}")
        before = text[pos:open_at]
        marked = text[open_at + 2:close_at]
        if "[[" in marked:
            raise RuleError(where, field_name, f"nested '[[' in example {text!r}")
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(marked)))
        plain.append(marked)
        length += len(marked)
        pos = close_at + 2
    return "".join(plain), spans
