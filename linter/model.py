"""Plain data shared by every part of the engine: severities, spans, diagnostics."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(f"unknown severity {name!r} (expected suggestion, warning or error)") from None

    @property
    def label(self) -> str:
        return _LABELS[int(self)]  # Enum.name is a slow descriptor, read once per finding by every formatter


_LABELS = {1: "suggestion", 2: "warning", 3: "error"}


@dataclass(frozen=True)
class Span:
    """Half-open [start, end) range of code points in the original source."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Diagnostic:
    rule: str
    category: str
    severity: Severity
    message: str
    span: Span
    suggestions: list[str] = field(default_factory=list)
    # Filled by the engine from the source once the span is final.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    match: str = ""
    # How much this finding weighs in its dimension's verdict, and whether its words are only
    # quoted or discussed (see verdict.py and mention.py). Internal: not in the JSON schema.
    strength: float = field(default=0.0, compare=False)
    mention: bool = field(default=False, compare=False)
    evidence_key: str = field(default="", compare=False)  # see checks.base.Finding
    # Other rules that flagged the same words for the same dimension: [{"rule", "message"}].
    also: list[dict] = field(default_factory=list)
    # About the whole draft (no invitation, readability): the span only points at where it shows.
    document_level: bool = False
    # The findings merged into this one, whole, so a selection of one of their rules can show it.
    merged: list["Diagnostic"] = field(default_factory=list, compare=False, repr=False)

    def sort_key(self) -> tuple:
        return (self.span.start, self.span.end, self.rule)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "span": {"start": self.span.start, "end": self.span.end},
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "suggestions": list(self.suggestions),
            **({"also": [dict(a) for a in self.also]} if self.also else {}),
            **({"scope": "document"} if self.document_level else {}),
        }
