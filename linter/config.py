"""Configuration: `[tool.tonelint]` in pyproject.toml or a `.tonelint.toml`,
found from the linted file upward (the nearest one wins)."""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .grammar import GrammarSettings
from .model import Severity
from .validation import as_string_list
from .variants import parse_variant

CONFIG_NAMES = (".tonelint.toml", "tonelint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 2_000_000


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    lang: str | None = None  # None: detect per document
    variant: str | None = None  # the readers' variant (fr-CA, fr-FR, en-GB...); None: front matter, then locale
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # id prefix -> severity name or "off"
    rule_options: tuple[tuple[str, tuple], ...] = ()  # rule id -> match overrides
    self_names: tuple[str, ...] = ()
    known_terms: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    min_severity: Severity = Severity.SUGGESTION
    fail_on: Severity = Severity.WARNING
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    grammar: GrammarSettings | None = None  # None: grammar off
    exclude: tuple[str, ...] = ()  # gitignore-style patterns, relative to the directory linted
    path: Path | None = field(default=None, compare=False)

    def options_for(self, rule_id: str) -> dict:
        return {name: _thawed(value) for name, value in dict(self.rule_options).get(rule_id, ())}


_KEYS = {"lang", "variant", "select", "ignore", "severity", "rules", "self-names", "known-terms", "rule-dirs",
         "min-severity", "fail-on", "max-file-size", "grammar", "exclude"}


def find_config_file(start: Path) -> Path | None:
    directory = start if start.is_dir() else start.parent
    return _config_in(directory)


def forget_config_files() -> None:
    """Start a run afresh: configuration files may have changed since the last one."""
    _config_in.cache_clear()


@lru_cache(maxsize=4096)
def _config_in(directory: Path) -> Path | None:
    """Nearest configuration file from `directory` upward (cached: many drafts share a folder)."""
    for folder in [directory, *directory.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name != "pyproject.toml" or _has_tool_section(candidate):
                    return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "tonelint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tonelint", {})
    return config_from_dict(data, path)


def config_from_dict(data: dict, path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"
    _reject_unknown_keys(data, _KEYS, where)
    base = path.parent if path else Path.cwd()
    lang = data.get("lang")
    if lang in (None, "auto"):
        lang = None
    elif lang not in ("fr", "en"):
        raise ConfigError(f"{where}: 'lang' must be fr, en or auto, not {lang!r}")
    try:
        variant = parse_variant(data.get("variant"), f"{where}: 'variant'")
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of rule prefix = severity")
    for prefix, value in severity.items():
        if value != "off":
            _severity(value, f"{where}: severity of '{prefix}'")
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{where}: 'rules' must be tables of options per rule id")
    return Config(
        lang=lang,
        variant=variant,
        select=_strings(data, "select", where),
        ignore=_strings(data, "ignore", where),
        severity=tuple(sorted(severity.items())),
        rule_options=tuple(sorted((k, tuple(sorted((name, _frozen(value)) for name, value in v.items())))
                                  for k, v in rules.items())),
        self_names=_strings(data, "self-names", where),
        known_terms=_strings(data, "known-terms", where),
        rule_dirs=tuple((base / d).resolve() for d in _strings(data, "rule-dirs", where)),
        min_severity=_severity(data.get("min-severity", "suggestion"), f"{where}: 'min-severity'"),
        fail_on=_severity(data.get("fail-on", "warning"), f"{where}: 'fail-on'"),
        max_file_size=_positive_int(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE), f"{where}: 'max-file-size'"),
        grammar=_grammar(data.get("grammar"), where),
        exclude=_strings(data, "exclude", where),
        path=path,
    )


_GRAMMAR_KEYS = {"server", "level", "enabled-categories", "disabled-categories", "disabled-rules", "timeout", "languages"}


def _grammar(data, where: str) -> GrammarSettings | None:
    """The [grammar] table: a LanguageTool server URL and its options."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: 'grammar' must be a table")
    where = f"{where}: grammar"
    _reject_unknown_keys(data, _GRAMMAR_KEYS, where)
    server = data.get("server")
    if server is not None and (not isinstance(server, str) or not server.startswith(("http://", "https://"))):
        raise ConfigError(f"{where}: 'server' must be an http:// or https:// URL")
    level = data.get("level", "default")
    if level not in ("default", "picky"):
        raise ConfigError(f"{where}: 'level' must be default or picky")
    timeout = data.get("timeout", 5.0)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 120:
        raise ConfigError(f"{where}: 'timeout' must be a number of seconds between 0 and 120")
    languages = data.get("languages", {})
    if not isinstance(languages, dict) or not all(isinstance(v, str) for v in languages.values()):
        raise ConfigError(f"{where}: 'languages' must map fr/en to LanguageTool codes (fr-CA, en-GB...)")
    return GrammarSettings(
        server=server, level=level, timeout=float(timeout),
        enabled_categories=_strings(data, "enabled-categories", where),
        disabled_categories=_strings(data, "disabled-categories", where),
        disabled_rules=_strings(data, "disabled-rules", where),
        variants=tuple(sorted(languages.items())),
    )


class _FrozenMapping(tuple):
    """A TOML table inside a rule option, as sorted (key, value) pairs: hashable."""


def _frozen(value):
    """Lists as tuples and tables as _FrozenMapping, all the way down: a Config is hashable
    (engines are cached by it); `options_for` gives the rule plain lists and dicts back."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return _FrozenMapping(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def _thawed(value):
    if isinstance(value, _FrozenMapping):
        return {k: _thawed(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return value


def did_you_mean(name: str, candidates) -> str:
    """" (did you mean 'x'?)" for the nearest candidate, or "" when none is close."""
    close = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _reject_unknown_keys(data: dict, known: set[str], where: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        hint = did_you_mean(unknown[0], known) or f" (known: {', '.join(sorted(known))})"
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'{hint}")


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = as_string_list(data.get(key, []))
    if value is None:
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value)


def _severity(value, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _positive_int(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{where}: must be a positive number of bytes")
    return value
