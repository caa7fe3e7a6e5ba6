"""Categories are data: each language's pack.yaml declares them under `categories:`.

    categories:
      press-release:                                  # the id, and the folder of its rules
        title: {en: Press release, fr: Communiqué}    # in every language of the interfaces
        description: ...                              # in the pack's language
        colour: "#ea580c"                             # underlines, the card, the popup
        scale: [none, some, strong]                   # the profile's level words (Category.level)
        dimension: true                               # the default (see Category.dimension)

The order is the profile's order. A user rule directory's pack.yaml adds categories, or
replaces one of the same id. The engine, the profile, `/v1/rules` (and through it the
browser extension) read categories from here and nowhere else.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .schema import SLUG_CHARS, RuleError

UI_LANGUAGES = ("en", "fr")  # the languages of the extension, the CLI's messages and the docs
FIELDS = ("title", "description", "colour", "scale", "dimension")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Category:
    id: str
    title: dict  # UI language -> title
    description: str
    colour: str  # "#rrggbb"
    scale: tuple[str, ...]
    # A tone dimension: its rules live in <lang>/<id>/ and every profile scores it. Otherwise its
    # findings come from elsewhere (the grammar backend) and the profile scores it when it has some.
    dimension: bool = True

    def level(self, used: bool, strong: bool) -> str:
        """The profile's word for a draft. The first word when no finding is a use (a mention is
        not); a two-word scale (a quality the draft should have: present, missing) then says its
        second; a three-word one (a problem: none, some, strong) its third when the evidence is
        strong, else its second."""
        if not used:
            return self.scale[0]
        if len(self.scale) == 2:
            return self.scale[1]
        return self.scale[2] if strong else self.scale[1]

    def doc(self) -> dict:
        return {"id": self.id, "title": dict(self.title), "description": self.description, "colour": self.colour,
                "scale": list(self.scale), "dimension": self.dimension}


def read_pack_file(path: Path) -> dict:
    """One pack.yaml as a mapping (empty when the file is empty)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise RuleError(path, "yaml", f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise RuleError(path, "yaml", "a pack file must be a mapping")
    return data


def parse_categories(path: Path, section) -> dict[str, Category]:
    """The `categories` section of one pack file, validated: errors name the file and the field."""
    if not isinstance(section, dict) or not section:
        raise RuleError(path, "categories", "must map each category id to its title, description, colour and scale")
    return {str(name): _category(path, name, spec) for name, spec in section.items()}


def _category(path: Path, name, spec) -> Category:
    where = f"categories.{name}"
    if not isinstance(name, str) or not name or not set(name) <= SLUG_CHARS:
        raise RuleError(path, where, "a category id uses lowercase letters, digits and '-'")
    if not isinstance(spec, dict):
        raise RuleError(path, where, f"must be a mapping of {', '.join(FIELDS)}")
    unknown = sorted(set(spec) - set(FIELDS), key=str)
    if unknown:
        raise RuleError(path, f"{where}.{unknown[0]}", f"unknown field{_did_you_mean(str(unknown[0]), FIELDS)} "
                        f"(fields: {', '.join(FIELDS)})")
    for required in ("title", "description", "colour", "scale"):
        if required not in spec:
            raise RuleError(path, f"{where}.{required}", "is required")
    title = spec["title"]
    if not isinstance(title, dict) or set(title) != set(UI_LANGUAGES) \
            or not all(isinstance(t, str) and t.strip() for t in title.values()):
        raise RuleError(path, f"{where}.title", f"must give a title in each of {', '.join(UI_LANGUAGES)}, "
                        "e.g. {en: Press release, fr: Communiqué}")
    description = spec["description"]
    if not isinstance(description, str) or not description.strip():
        raise RuleError(path, f"{where}.description", "must be a text")
    colour = spec["colour"]
    if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
        raise RuleError(path, f"{where}.colour", 'must be a colour written "#rrggbb"')
    scale = spec["scale"]
    if not isinstance(scale, list) or len(scale) not in (2, 3) or len(set(map(str, scale))) != len(scale) \
            or not all(isinstance(w, str) and w and set(w) <= SLUG_CHARS for w in scale):
        raise RuleError(path, f"{where}.scale", "must list 2 distinct level words (a quality: [present, missing]) "
                        "or 3 (a problem: [none, some, strong]), in lowercase letters and '-'")
    dimension = spec.get("dimension", True)
    if not isinstance(dimension, bool):
        raise RuleError(path, f"{where}.dimension", "must be true or false")
    return Category(name, {lang: title[lang].strip() for lang in UI_LANGUAGES}, " ".join(description.split()),
                    colour.lower(), tuple(scale), dimension)


def declared_categories(lang: str, roots: list[Path]) -> dict[str, Category]:
    """The categories the pack files <root>/<lang>/pack.yaml declare, in order; later roots add or replace."""
    categories: dict[str, Category] = {}
    for root in roots:
        path = root / lang / "pack.yaml"
        if path.is_file():
            section = read_pack_file(path).get("categories")
            if section is not None:
                categories.update(parse_categories(path, section))
    return categories


def check_reference(path: Path, field_name: str, name: str, categories: dict[str, Category],
                    dimensions_only: bool = False) -> None:
    """A pack setting that names a category must name a declared one."""
    known = [c.id for c in categories.values() if c.dimension or not dimensions_only]
    if name not in known:
        raise RuleError(path, field_name, f"unknown category{_did_you_mean(name, known)} "
                        f"(categories: {', '.join(known) or 'none declared'})")


def _did_you_mean(name: str, candidates) -> str:
    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
