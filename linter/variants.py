"""Who the readers are: a language variant (fr-CA, fr-FR, fr-BE, fr-CH, en-US, en-GB...).

A variant orders and filters suggestions (« courriel », « infolettre » for Québec; the
terms in use in France for France) and turns variant-specific rules on or off. A
lexicon alternative says where it is the usage with region tags: `infolettre [CA]`,
`lettre d'information [FR BE CH]`; an alternative without tags is good everywhere.
"""
from __future__ import annotations

import re

VARIANTS = {"fr": ("fr-CA", "fr-FR", "fr-BE", "fr-CH"), "en": ("en-US", "en-GB", "en-CA", "en-AU")}
_REGION_TAGS = re.compile(r"\s*\[([A-Z]{2}(?:\s+[A-Z]{2})*)\]\s*$")
_CODE = re.compile(r"^([a-z]{2})[-_]([a-z]{2})\b", re.IGNORECASE)


def normalize_variant(value) -> str | None:
    """'fr_CA.UTF-8', 'fr-ca', 'fr-CA' -> 'fr-CA'; anything else -> None."""
    if not isinstance(value, str):
        return None
    match = _CODE.match(value.strip())
    if not match:
        return None
    code = f"{match.group(1).lower()}-{match.group(2).upper()}"
    return code if code in VARIANTS.get(code[:2], ()) else None


def parse_variant(value, where: str) -> str | None:
    """A variant given by the writer (option, configuration, API): valid or a clear error."""
    if value in (None, "", "auto"):
        return None
    variant = normalize_variant(value)
    if variant is None or variant.lower() != value.replace("_", "-").strip().lower():
        known = ", ".join(v for vs in VARIANTS.values() for v in vs)
        raise ValueError(f"{where}: unknown variant {value!r} (known: {known}, or auto)")
    return variant


def variant_from_locale(environ) -> str | None:
    """The writer's locale (LC_ALL, LC_MESSAGES, LANG), as a variant if it names one."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return normalize_variant(value)
    return None


def for_language(variant: str | None, lang: str) -> str | None:
    """The variant if it is one of the draft's language (fr-CA says nothing about English)."""
    return variant if variant and variant.startswith(lang + "-") else None


def split_regions(alternative: str) -> tuple[str, frozenset[str]]:
    """'infolettre [CA]' -> ('infolettre', {'CA'}); untagged -> (text, {})."""
    match = _REGION_TAGS.search(alternative)
    if not match:
        return alternative.strip(), frozenset()
    return alternative[:match.start()].strip(), frozenset(match.group(1).split())


def choose(suggestions: list[str], regions: list[frozenset[str]], variant: str | None) -> tuple[list[str], bool]:
    """The suggestions for readers of `variant`: those tagged for its region first, then the
    untagged ones; those tagged for other regions are dropped. Without a variant, all of them
    in the lexicon's order. Also says whether the first one is the variant's own usage."""
    if variant is None:
        return list(suggestions), False
    region = variant.split("-")[1]
    own = [s for s, r in zip(suggestions, regions) if region in r]
    common = [s for s, r in zip(suggestions, regions) if not r]
    return own + [s for s in common if s not in own], bool(own)
