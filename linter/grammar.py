"""Grammar checking behind one small interface, with LanguageTool as the backend.

LanguageTool runs as an HTTP server the user points tonelint at (it cannot be
downloaded here, and is off by default). When the server is configured but
unreachable, failing or silent, tone linting goes on: the backend reports its
status once and stops trying for `retry_after` seconds instead of timing out
on every draft.

`timeout` bounds everything a caller waits for, the library's first query
included: the calls run on one worker thread the caller waits for at most
`timeout`, and each query the library makes gets what is left of that budget.
"""
from __future__ import annotations

import re
import threading
import time
from concurrent.futures import CancelledError, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Callable

from .utf16 import Utf16Map

DEFAULT_VARIANTS = {"fr": "fr", "en": "en-US"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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


class _BudgetSpent(Exception):
    """A queued call reached the worker after its caller's budget ran out."""


class LanguageToolBackend:
    name = "languagetool"

    def __init__(self, settings: GrammarSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock  # seconds, monotonic: deadlines and `retry_after` (tests pass their own)
        self._tools: dict[str, object] = {}  # used by the worker thread only
        self._client = None  # the library's class with a bounded timeout, made on first use
        self._deadline = 0.0  # monotonic end of the worker's current call: the library's queries read it
        self._state_lock = threading.Lock()
        self._error: str | None = None
        self._failed_at = 0.0
        # One call at a time: language-tool-python converts offsets with class-level state.
        # Callers wait for the worker at most `timeout`, never for each other's dead server.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tonelint-languagetool")

    def status(self) -> dict:
        with self._state_lock:
            error = self._error
        return {"backend": self.name, "server": self.settings.server, "available": error is None, "error": error}

    def prepare(self, langs) -> None:
        """Connect in the background (the library asks the server for its languages), so a
        server that is down shows in the status before the first draft; never waits."""
        for lang in langs:
            self._worker.submit(self._call, self._tool, lang, deadline=self._clock() + self.settings.timeout,
                                report=True)

    def check(self, text: str, lang: str) -> list[GrammarIssue]:
        self._raise_if_failing()
        timeout = self.settings.timeout
        # A lone surrogate cannot be encoded for the request; U+FFFD keeps every offset.
        sent = _LONE_SURROGATE.sub("\ufffd", text)
        future = self._worker.submit(self._call, lambda lang: self._tool(lang).check(sent), lang,
                                     deadline=self._clock() + timeout)
        try:
            matches = future.result(timeout=timeout)
        except (FutureTimeout, CancelledError, _BudgetSpent):
            future.cancel()  # still queued behind a call that hangs: it will not run
            self._fail(f"no answer within {timeout:g} s")
        except GrammarUnavailable:
            raise
        except Exception as exc:  # the library raises its own errors, requests' and OSError
            self._fail(_reason(exc, timeout))
        with self._state_lock:
            self._error = None
        return self._issues(text, matches)

    def _raise_if_failing(self) -> None:
        with self._state_lock:
            if self._error and self._clock() - self._failed_at < self.settings.retry_after:
                raise GrammarUnavailable(self._error)

    def _fail(self, reason: str):
        raise GrammarUnavailable(self._note_failure(reason)) from None

    def _note_failure(self, reason: str) -> str:
        message = f"LanguageTool server {self.settings.server} unavailable ({reason})"
        with self._state_lock:
            self._error, self._failed_at = message, self._clock()
        return message

    def _call(self, work, lang: str, deadline: float, report: bool = False):
        """On the worker thread: `work(lang)` within what is left of the caller's budget."""
        if self._clock() >= deadline:
            raise _BudgetSpent()
        self._raise_if_failing()  # the server failed while this call was queued: do not ask again
        self._deadline = deadline
        try:
            return work(lang)
        except Exception as exc:
            self._tools.clear()  # a client built against a failing server is not reused
            # Noted here, not only by the caller: the calls queued behind this one must not ask again.
            message = self._note_failure(_reason(exc, self.settings.timeout))
            if report:
                raise GrammarUnavailable(message) from None
            raise

    def _tool(self, lang: str):
        if lang not in self._tools:
            if self._client is None:
                self._client = self._client_class()
            tool = self._client(self.settings.variant(lang), remote_server=self.settings.server)
            tool.picky = self.settings.level == "picky"
            tool.enabled_categories = set(self.settings.enabled_categories)
            tool.disabled_categories = set(self.settings.disabled_categories)
            tool.disabled_rules = set(self.settings.disabled_rules)
            self._tools[lang] = tool
        return self._tools[lang]

    def _client_class(self):
        import language_tool_python

        backend = self

        class BoundedLanguageTool(language_tool_python.LanguageTool):
            # The library reads _TIMEOUT (300 s) for every query, the constructor's included,
            # and retries a failed check: each query gets what is left of the caller's budget.
            @property
            def _TIMEOUT(self) -> float:  # noqa: N802 - the library's name
                return max(0.05, backend._deadline - backend._clock())

        return BoundedLanguageTool

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
