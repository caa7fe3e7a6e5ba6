"""Lint many files, in this process or in worker processes (`--jobs`).

Each worker keeps one engine per configuration, so rules compile and the
spaCy model loads once per worker, not per file. Results come back in the
order the files were given, whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from .config import Config, ConfigError, find_config_file, load_config
from .engine import Engine, UnknownRuleError
from .formatters import FileReport
from .reading import InputError, guess_format, read_draft
from .rulepack import RuleError


@dataclass(frozen=True)
class Job:
    path: str
    explicit_config: Config | None  # --config: one configuration for every file
    overrides: tuple  # (field, value) pairs from the command line, applied to each file's configuration
    lang: str | None = None
    input_format: str | None = None


_engines: dict[Config, Engine] = {}


def engine_for(config: Config) -> Engine:
    engine = _engines.get(config)
    if engine is None:
        engine = _engines[config] = Engine(config)
    return engine


def config_for(job: Job) -> Config:
    from dataclasses import replace

    if job.explicit_config is not None:
        config = job.explicit_config
    else:
        found = find_config_file(Path.cwd() if job.path == "-" else Path(job.path).resolve())
        config = load_config(found) if found else Config()
    return replace(config, **dict(job.overrides)) if job.overrides else config


def lint_file(job: Job, stdin=None) -> FileReport:
    report = FileReport(job.path)
    try:
        config = config_for(job)
        report.fail_on = config.fail_on
        text, notice = read_draft(job.path, config.max_file_size, stdin)
        fmt = job.input_format or guess_format(job.path, text)
        report.source = text
        report.result = engine_for(config).lint(text, fmt, job.lang)
        report.notices = ([notice] if notice else []) + report.result.notices
    except (InputError, ConfigError, RuleError, UnknownRuleError) as exc:
        report.error = str(exc)
    except OSError as exc:  # a file that vanished or became unreadable mid-run
        report.error = f"cannot read ({exc.strerror or exc})"
    return report


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run(jobs: list[Job], workers: int, stdin=None, on_done=None) -> list[FileReport]:
    """Lint every job; `on_done(report)` is called as each file finishes (progress)."""
    workers = max(1, min(workers, len(jobs)))
    if workers == 1 or any(job.path == "-" for job in jobs):
        reports = []
        for job in jobs:
            reports.append(lint_file(job, stdin))
            if on_done:
                on_done(reports[-1])
        return reports
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Largest files first, so no worker is left with a long file while the others idle;
    # reports are put back in the order the files were given.
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
    reports: list[FileReport | None] = [None] * len(jobs)
    with context.Pool(workers) as pool:
        for position, report in pool.imap_unordered(_lint_numbered, [(i, jobs[i]) for i in order], chunksize=1):
            reports[position] = report
            if on_done:
                on_done(report)
    return reports


def _lint_numbered(numbered: tuple[int, Job]) -> tuple[int, FileReport]:
    position, job = numbered
    return position, lint_file(job)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
