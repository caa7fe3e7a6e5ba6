"""Grammar checking behind one small interface, with LanguageTool as the backend.

LanguageTool runs as an HTTP server the user points tonelint at (it cannot be
downloaded here, and is off by default). When the server is configured but
unreachable or failing, tone linting goes on: the backend reports its status
once and stops trying for `retry_after` seconds instead of timing out on
every draft.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from .utf16 import Utf16Map

DEFAULT_VARIANTS = {"fr": "fr", "en": "en-US"}


@dataclass(frozen=True)
class GrammarSettings:
    server: str | None = None
    level: str = "default"  # or "picky": LanguageTool's extra style and typography rules
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    timeout: float = 5.0
    variants: tuple[tuple[str, str], ...] = ()  # lang -> LanguageTool language code (fr-CA, en-GB...)
    retry_after: float = 30.0

    def variant(self, lang: str) -> str:
        return dict(self.variants).get(lang, DEFAULT_VARIANTS.get(lang, lang))


@dataclass
class GrammarIssue:
    start: int  # code points in the checked text
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: list[str] = field(default_factory=list)


class GrammarUnavailable(Exception):
    pass


class LanguageToolBackend:
    name = "languagetool"

    def __init__(self, settings: GrammarSettings) -> None:
        self.settings = settings
        self._tools: dict[str, object] = {}
        self._lock = threading.Lock()
        self._error: str | None = None
        self._failed_at = 0.0

    def status(self) -> dict:
        return {"backend": self.name, "server": self.settings.server,
                "available": self._error is None, "error": self._error}

    def check(self, text: str, lang: str) -> list[GrammarIssue]:
        if self._error and time.monotonic() - self._failed_at < self.settings.retry_after:
            raise GrammarUnavailable(self._error)
        # language-tool-python keeps per-class state while it converts offsets: one call at a time.
        with self._lock:
            try:
                tool = self._tool(lang)
                matches = tool.check(text)
            except GrammarUnavailable:
                raise
            except Exception as exc:  # the library raises its own errors, requests' and OSError
                self._fail(exc)
            self._error = None
        return self._issues(text, matches)

    def _fail(self, exc: Exception):
        self._error = f"LanguageTool server {self.settings.server} unavailable ({_reason(exc, self.settings.timeout)})"
        self._failed_at = time.monotonic()
        self._tools.clear()
        raise GrammarUnavailable(self._error) from None

    def _tool(self, lang: str):
        if lang not in self._tools:
            import language_tool_python

            tool = language_tool_python.LanguageTool(self.settings.variant(lang), remote_server=self.settings.server)
            tool._TIMEOUT = self.settings.timeout  # the library's default is 300 s
            tool.picky = self.settings.level == "picky"
            tool.enabled_categories = set(self.settings.enabled_categories)
            tool.disabled_categories = set(self.settings.disabled_categories)
            tool.disabled_rules = set(self.settings.disabled_rules)
            self._tools[lang] = tool
        return self._tools[lang]

    @staticmethod
    def _issues(text: str, matches) -> list[GrammarIssue]:
        utf16 = Utf16Map(text)
        issues = []
        for match in matches:
            # The library converts the start to code points but leaves the length in UTF-16 units.
            start = match.offset
            end = utf16.to_codepoint(utf16.to_utf16(start) + match.error_length)
            issues.append(GrammarIssue(start, end, match.rule_id, match.category, match.rule_issue_type or "",
                                       match.message, list(match.replacements[:5])))
        return issues


def _reason(exc: Exception, timeout: float) -> str:
    text = str(exc)
    if "timed out" in text or "Timeout" in text:
        return f"no answer within {timeout:g} s"
    if "NewConnectionError" in text or "Connection refused" in text or "Failed to establish" in text:
        return "connection refused"
    if "NameResolutionError" in text or "Name or service not known" in text:
        return "unknown host"
    first = text.splitlines()[0] if text else exc.__class__.__name__
    return first[:160]


def make_backend(settings: GrammarSettings | None):
    if settings is None or not settings.server:
        return None
    return LanguageToolBackend(settings)
