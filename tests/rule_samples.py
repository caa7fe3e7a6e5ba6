"""A user's rule file, as tests that build their own rule packs write it."""
from __future__ import annotations

from pathlib import Path


def contract_phrase_rule(lexicon: str | None = None, exception: str | None = None) -> str:
    """A French existence rule flagging « attendu que » (a contract's wording in a blog post),
    optionally with a lexicon file of more phrases and one exception."""
    more = f"  lexicon: [{lexicon}]\n" if lexicon else ""
    exceptions = f'exceptions: ["{exception}"]\n' if exception else ""
    return f"""title: Attendu que
kind: existence
severity: warning
message: "« {{match}} » : écrivez comme vous parlez."
description: Une formule de contrat éloigne le lecteur.
match:
  phrases: ["attendu que"]
{more}{exceptions}examples:
  incorrect: ["[[Attendu que]] le toit fuit."]
  correct: ["Le toit fuit."]
"""


# A user pack whose French passive-voice rule is the tagger-based `pattern` kind (spaCy token
# patterns): the built-in rule tests a word class instead and loads no model, so the tests of the
# tagging machinery (windows, model loading, recycled pipelines) lint with this pack.
TAGGED_PASSIVE_PACK = Path(__file__).resolve().parent / "data" / "tagged-pack"
