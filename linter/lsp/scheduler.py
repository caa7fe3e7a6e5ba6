"""Debounced linting per draft.

A change waits `delay` seconds; a newer change to the same draft cancels the
waiting one. Lints run one at a time on one worker thread (the event loop stays
free for hovers and code actions, and the engine's caches see one draft at a
time). A result is published only while its draft is still at the version that
was linted, and never after a newer version's result. Lints wait for `ready` (the
editor's settings, asked for at start-up) before their first snapshot.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Awaitable, Callable, Generic, TypeVar

DEBOUNCE_SECONDS = 0.15

Result = TypeVar("Result")


@dataclass(frozen=True)
class Snapshot:
    uri: str
    version: int
    text: str
    language_id: str


class LintScheduler(Generic[Result]):
    def __init__(self, snapshot: Callable[[str], Snapshot | None], lint: Callable[[Snapshot], Result | None],
                 publish: Callable[[Snapshot, Result], None], delay: float = DEBOUNCE_SECONDS,
                 ready: Callable[[], Awaitable[None]] | None = None) -> None:
        self._snapshot = snapshot  # the draft as it is now (None: closed)
        self._lint = lint  # runs on the worker thread; None: nothing to publish
        self._publish = publish  # runs on the event loop
        self.delay = delay
        self._ready = ready
        self._pending: dict[str, asyncio.Task] = {}
        self._published: dict[str, int] = {}  # uri -> version of the last published result
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tonelint-lint")

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Lint `uri` after the debounce (or `delay`); must be called on the event loop."""
        self.cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(
            self._run(uri, self.delay if delay is None else delay))

    def cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def forget(self, uri: str) -> None:
        """The draft was closed."""
        self.cancel(uri)
        self._published.pop(uri, None)

    async def _run(self, uri: str, delay: float) -> None:
        task = asyncio.current_task()
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            if self._ready is not None:
                await self._ready()
            before = self._snapshot(uri)
            if before is None:
                return
            result = await asyncio.get_running_loop().run_in_executor(self._worker, self._lint, before)
            now = self._snapshot(uri)
            if result is None or now is None or now.version != before.version:
                return  # closed, or changed while linting: that change has its own lint coming
            if before.version < self._published.get(uri, before.version):
                return
            self._published[uri] = before.version
            self._publish(before, result)
        finally:
            if self._pending.get(uri) is task:
                del self._pending[uri]

    def shutdown(self) -> None:
        for uri in list(self._pending):
            self.cancel(uri)
        self._worker.shutdown(wait=False, cancel_futures=True)
