"""Rule files: schema, loading and validation."""
from .loader import LANGUAGES, builtin_rules_dir, load_lexicon, load_rules
from .schema import Example, Rule, RuleError

__all__ = ["Example", "LANGUAGES", "Rule", "RuleError", "builtin_rules_dir", "load_lexicon", "load_rules"]
