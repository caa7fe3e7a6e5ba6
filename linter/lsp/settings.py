"""The configuration in force for each draft, per workspace, and the engines built from it.

Configuration files are found and read by `linter.config` exactly as the CLI
finds them (nearest `.tonelint.toml`, `tonelint.toml` or `pyproject.toml`
with `[tool.tonelint]`, from the draft's folder upward). Each file is read
once and kept until the editor says it changed. A file that no longer reads
(bad TOML, an unknown rule, a broken rule directory) is reported once and the
last good configuration from it stays in force.

Engines: one per distinct configuration, kept warm (compiled rules, block
caches); with one configuration file per workspace that is one engine. The
language models themselves are loaded once: every engine shares the settings'
`nlp.Pipelines`, whatever the number of engines.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..cache import LRU
from ..config import CONFIG_NAMES, Config, ConfigError, find_config_file, forget_config_files, load_config
from ..configcheck import check_config
from ..engine import Engine, UnknownRuleError
from ..grammar import GrammarSettings
from ..nlp import Pipelines
from ..rulepack import RuleError

DEFAULT_CONFIG = Config()
CONFIG_FILE_NAME = ".tonelint.toml"


class WorkspaceSettings:
    def __init__(self, report_error: Callable[[str], None], max_engines: int = 4) -> None:
        self._report_error = report_error  # tells the writer, once per problem
        self._pipelines = Pipelines()  # the language server's tagging models, for all its engines
        self._configs: dict[Path, Config] = {}  # last good configuration read from each file
        self._fresh: set[Path] = set()  # files read since they last changed
        self._rules_changed: set[Path] = set()  # files whose rule directories changed since read
        self._engines = LRU(max_engines)  # a few: configurations edited many times must not pile up
        self._lock = threading.Lock()  # lints run on a worker thread, code actions on the event loop

    def engine_for(self, draft: Path | None, grammar_server: str | None = None) -> Engine:
        """The warm engine for a draft's configuration (`draft` None: the defaults), checking
        grammar with `grammar_server` when the editor names one (over the configuration's)."""
        with self._lock:
            config, recompile = self._config_for(draft)
            if grammar_server is not None:
                config = replace(config, grammar=replace(config.grammar or GrammarSettings(), server=grammar_server))
            engine = self._engines.get(config)
            if engine is None or recompile:
                engine = Engine(config, pipelines=self._pipelines)
                self._engines.put(config, engine)
            return engine

    def _config_for(self, draft: Path | None) -> tuple[Config, bool]:
        """The configuration in force, and whether its rules must be compiled again."""
        found = find_config_file(draft) if draft is not None else None
        if found is None:
            return DEFAULT_CONFIG, False
        if found in self._fresh:
            return self._configs.get(found, DEFAULT_CONFIG), False
        self._fresh.add(found)
        try:
            config = load_config(found)
            check_config(config)  # loads its rule directories: a broken rule file fails here, not mid-lint
        except (ConfigError, RuleError, UnknownRuleError) as exc:
            kept = "the last good configuration" if found in self._configs else "the default configuration"
            self._report_error(f"tonelint: {exc} (linting goes on with {kept})")
            return self._configs.get(found, DEFAULT_CONFIG), False
        self._configs[found] = config
        recompile = found in self._rules_changed
        self._rules_changed.discard(found)
        return config, recompile

    def config_file_for(self, draft: Path) -> Path | None:
        return find_config_file(draft)

    def files_changed(self, paths: list[Path]) -> bool:
        """The editor reports these files changed on disk. Configuration files are found and
        read again on the next lint; a change under a configuration's rule directories makes
        its engine compile its rules again, once the configuration (rules included) reads
        without error. Returns whether the open drafts should be linted again."""
        with self._lock:
            configs = [p for p in paths if p.name in CONFIG_NAMES]
            rule_files = {found for found, config in self._configs.items()
                          for p in paths for folder in config.rule_dirs if folder in p.parents}
            if not configs and not rule_files:
                return False  # a draft saved, or a file tonelint does not read
            forget_config_files()
            self._fresh.clear()
            self._rules_changed |= rule_files
            return True
