"""The closed set of rule kinds: the only code that gives rules meaning."""
from __future__ import annotations

from .absence import AbsenceCheck
from .acronym import AcronymCheck
from .balance import BalanceCheck
from .base import Check, CompileContext, Finding
from .cooccurrence import CooccurrenceCheck
from .existence import ExistenceCheck
from .foreignword import ForeignWordCheck
from .metric import MetricCheck
from .occurrence import OccurrenceCheck
from .pattern import PatternCheck
from .rareterm import RareTermCheck
from .reference import ReferenceCheck
from .substitution import SubstitutionCheck

KINDS: dict[str, type[Check]] = {
    cls.kind: cls
    for cls in (ExistenceCheck, SubstitutionCheck, OccurrenceCheck, BalanceCheck, AcronymCheck,
                MetricCheck, AbsenceCheck, PatternCheck, RareTermCheck, CooccurrenceCheck, ForeignWordCheck,
                ReferenceCheck)
}

__all__ = ["Check", "CompileContext", "Finding", "KINDS"]
