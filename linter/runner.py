"""Lint many files, in this process or in worker processes (`--jobs`).

Each process keeps one engine per configuration, so rules compile and the
spaCy model loads once per process, not per file. Results come back in the
order the files were given, whatever the number of workers. Whatever goes
wrong with one file (a bug included, or a worker process that dies) becomes
that file's one-line error: the other files are still reported.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .config import Config, ConfigError, find_config_file, load_config
from .configcheck import check_config
from .engine import Engine, UnknownRuleError
from .formatters import FileReport
from .i18n import N_, Message, message_of
from .nlp import Pipelines
from .reading import InputError, guess_format, read_draft
from .rulepack import RuleError

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Job:
    path: str
    explicit_config: Config | None  # --config: one configuration for every file
    overrides: tuple  # (field, value) pairs from the command line, applied to each file's configuration
    lang: str | None = None
    input_format: str | None = None
    locale_variant: str | None = None  # the writer's locale, when nothing else says who the readers are


class Engines:
    """The engines of one run, one per configuration (plus the command line's overrides).
    Owned by the run: a second run (a second `main()` in the same process) reads the rule
    files and configurations again, so edits made in between are seen."""

    def __init__(self, pipelines: Pipelines | None = None) -> None:
        self._by_config: dict[tuple[Config, tuple], Engine] = {}
        # One set of tagging models for every engine of the run: a model loads once per process.
        self.pipelines = pipelines if pipelines is not None else Pipelines()

    def engine_for(self, config: Config, overrides: tuple = ()) -> Engine:
        """The configuration is checked against the rules it names the first time it is seen."""
        key = (config, overrides)
        engine = self._by_config.get(key)
        if engine is None:
            check_config(config)
            engine = self._by_config[key] = Engine(replace(config, **dict(overrides)) if overrides else config,
                                                   pipelines=self.pipelines)
        return engine


# A --jobs worker process's engines: created by the pool's initializer, so they live as long as
# the run's pool (one run), never across runs.
_worker_engines: Engines | None = None


def _start_worker() -> None:
    global _worker_engines
    _leave_interrupts_to_the_parent()
    # The worker is tonelint's own process: what it inherited from the parent is never scanned by
    # its collector (nor copied page by page when a collection would touch it).
    gc.freeze()
    _worker_engines = Engines()


def file_config(job: Job) -> Config:
    """--config, else the configuration file nearest to the draft, before command-line overrides."""
    if job.explicit_config is not None:
        return job.explicit_config
    found = config_file_of(job)
    return load_config(found) if found else Config()


def config_file_of(job: Job) -> Path | None:
    """The configuration file nearest to the draft (None: the defaults)."""
    # realpath, not Path.resolve(): a symlink loop must be this file's error, not an exception.
    return find_config_file(Path.cwd() if job.path == "-" else Path(os.path.realpath(job.path)))


def lint_file(job: Job, stdin=None, engines: Engines | None = None) -> FileReport:
    """Lint one file with the run's engines (in a --jobs worker: the worker's)."""
    report = FileReport(job.path)
    engines = engines or _worker_engines or Engines()
    try:
        engine = engines.engine_for(file_config(job), job.overrides)
        report.fail_on = engine.config.fail_on
        text, notice = read_draft(job.path, engine.config.max_file_size, stdin)
        fmt = job.input_format or guess_format(job.path, text)
        report.source = text
        report.result = engine.lint(text, fmt, job.lang, locale_variant=job.locale_variant)
        report.notices = ([notice] if notice else []) + report.result.notices
    except (InputError, ConfigError, RuleError, UnknownRuleError) as exc:
        report.error = message_of(exc)
    except OSError as exc:  # a file that vanished or became unreadable mid-run
        report.error = Message(N_("cannot read ({reason})"), reason=exc.strerror or exc)
    except Exception as exc:  # noqa: BLE001 - a bug must cost one file its report, not the whole run
        report.result = None
        report.error = internal_error(exc)
    return report


def internal_error(exc: BaseException) -> str:
    """One line for a bug: the exception, where in tonelint it was raised, and a plea to report it."""
    detail = " ".join(str(exc).split())
    if len(detail) > 160:
        detail = detail[:157] + "..."
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        try:
            where = f" at {Path(frame.filename).resolve().relative_to(_PACKAGE_DIR).as_posix()}:{frame.lineno}"
            break
        except ValueError:
            continue  # a frame in a library; the innermost frame in tonelint's own code says more
    name = type(exc).__name__
    return (f"internal error: {name}{': ' + detail if detail else ''}{where} "
            f"(a bug in tonelint {__version__}: please report it)")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run(jobs: list[Job], workers: int, stdin=None, on_done=None, engines: Engines | None = None) -> list[FileReport]:
    """Lint every job; `on_done(report)` is called as each file finishes (progress).
    `engines`: the run's (the caller keeps them to fix the files afterwards)."""
    workers = max(1, min(workers, len(jobs)))
    engines = engines or Engines()
    if workers == 1 or any(job.path == "-" for job in jobs):
        reports = []
        for job in jobs:
            reports.append(lint_file(job, stdin, engines))
            if on_done:
                on_done(reports[-1])
        return reports
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Largest files first, so no worker is left with a long file while the others idle;
    # reports are put back in the order the files were given.
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
    reports: list[FileReport | None] = [None] * len(jobs)
    # An executor, not multiprocessing.Pool: when a worker dies (killed, out of memory),
    # Pool waits forever for its task; the executor fails the unfinished files instead.
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
    try:
        futures = {pool.submit(lint_file, jobs[i]): i for i in order}
        for future in as_completed(futures):
            position = futures[future]
            try:
                report = future.result()
            except BrokenProcessPool:
                report = FileReport(jobs[position].path,
                                    error="not linted: a worker process stopped unexpectedly (killed, or out of memory?)")
            except Exception as exc:  # noqa: BLE001 - e.g. a report that could not be sent back
                report = FileReport(jobs[position].path, error=internal_error(exc))
            reports[position] = report
            if on_done:
                on_done(report)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return reports


def _leave_interrupts_to_the_parent() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run, the workers
    # simply finish their file instead of each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
