"""Front matter (YAML `---` or TOML `+++`) of static-site pages.

The block itself is never prose, but its `title` and `description` are what
readers see first (page title, search snippet), so they are linted; a
`lang`/`language` key sets the document's language.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

import yaml

from ..variants import normalize_variant

_BLOCK = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# The value is the rest of the line less its trailing blanks (stripped in Python: a lazy value
# followed by [ \t]* rescanned a long run of spaces once per character, quadratic).
# libyaml's parser when PyYAML was built with it (5x faster), with safe_load's constructor either way.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FIELD = re.compile(r"^(title|description)[ \t]*[:=][ \t]*(.*)$", re.M)


@dataclass
class FrontMatter:
    start: int
    end: int
    data: dict
    prose: list[tuple[str, int, int]] = field(default_factory=list)  # (key, start, end) of linted values
    readable: bool = True  # False: not valid YAML/TOML, so its lang/variant keys could not be read

    @property
    def lang(self) -> str | None:
        value = self.data.get("lang") or self.data.get("language") or self.data.get("locale")
        if not isinstance(value, str):
            return None
        code = value.strip().lower().replace("_", "-").split("-")[0]
        return code if code in ("fr", "en") else None

    @property
    def variant(self) -> str | None:
        """`variant: fr-CA`, or a language key that names a region (`lang: fr-CA`)."""
        for key in ("variant", "lang", "language", "locale"):
            found = normalize_variant(self.data.get(key))
            if found:
                return found
        return None


def find_front_matter(source: str) -> FrontMatter | None:
    match = _BLOCK.match(source)
    if not match:
        return None
    body = match.group(2)
    try:
        data = yaml.load(body, Loader=_YAML_LOADER) if match.group(1) == "---" else tomllib.loads(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        data = False  # unreadable (or nested past the parser's depth): no keys, the block is still not prose
    front = FrontMatter(0, match.end(), data if isinstance(data, dict) else {}, readable=data is not False)
    for field_match in _FIELD.finditer(source, match.start(2), match.end(2)):
        value, start = field_match.group(2), field_match.start(2)
        value = (value[:-1] if value.endswith("\r") else value).rstrip(" \t")
        if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
            if "\\" in value or (value[0] == "'" and "''" in value[1:-1]):
                continue  # escaped quotes: the text differs from the source, skip rather than misplace
            value, start = value[1:-1], start + 1
        elif value[:1] in "|>[{&*!":
            continue  # block scalars, lists, anchors: not a plain one-line value
        if value.strip():
            front.prose.append((field_match.group(1), start, start + len(value)))
    return front


def blank_out(source: str, start: int, end: int) -> str:
    """Replace [start, end) by spaces, keeping line breaks, so offsets do not move."""
    middle = re.sub(r"[^\r\n]", " ", source[start:end])
    return source[:start] + middle + source[end:]
