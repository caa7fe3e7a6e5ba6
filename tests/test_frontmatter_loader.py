"""Front matter is read with libyaml's parser when available, with safe_load's meaning."""
from __future__ import annotations

import pytest

from tonelint.sources.frontmatter import find_front_matter


@pytest.mark.parametrize(("body", "data", "readable"), [
    ('title: "Prix d\'été"\nlang: fr-CA', {"title": "Prix d'été", "lang": "fr-CA"}, True),
    ("title: !!python/object/apply:os.system [ls]", {}, False),  # never constructs objects
    ("title: [unclosed", {}, False),
    ("tags:\n" + "  " + "[" * 3000, {}, False),  # nested past any parser's depth
    ("- a list, not a mapping", {}, True),
])
def test_front_matter_reads_as_safe_load_would(body, data, readable):
    front = find_front_matter(f"---\n{body}\n---\n\nLe texte.\n")
    assert front is not None and front.data == data and front.readable is readable
