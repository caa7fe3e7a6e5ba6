"""tonelint: a tone linter for client-facing blog posts, in French and English."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .engine import SCHEMA_VERSION, Engine, LintResult, lint_text  # noqa: E402
from .model import Diagnostic, Severity, Span  # noqa: E402

__all__ = ["Config", "Diagnostic", "Engine", "LintResult", "SCHEMA_VERSION", "Severity", "Span", "lint_text", "__version__"]
