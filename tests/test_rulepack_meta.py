"""The rule packs themselves: ids, folders, required fields, examples, and loader errors."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tonelint import Config, Engine
from tonelint.checks import KINDS
from tonelint.rulepack import LANGUAGES, RuleError, builtin_rules_dir, load_rules
from tonelint.rulepack.categories import declared_categories
from tonelint.rulepack.loader import load_rule


def _categories(lang: str) -> dict:
    return declared_categories(lang, [builtin_rules_dir()])


def _dimensions(lang: str) -> set[str]:
    return {c.id for c in _categories(lang).values() if c.dimension}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_covers_every_dimension_with_enough_rules(lang):
    rules = load_rules(lang)
    assert len(rules) >= 12
    assert {r.category for r in rules} == _dimensions(lang)


def test_every_pack_declares_the_same_categories_alike():
    """Titles, colours and level words are the interface's: a category looks the same in every language;
    only its description is in the pack's language."""
    first, *others = ({name: {**c.doc(), "description": None} for name, c in _categories(lang).items()}
                      for lang in LANGUAGES)
    assert first and all(other == first for other in others)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_is_well_formed(lang):
    root = builtin_rules_dir()
    for rule in load_rules(lang):
        path = Path(rule.path)
        assert rule.id == f"{lang}.{path.parent.name}.{path.stem}"
        assert rule.category == path.parent.name in _dimensions(lang)
        assert rule.kind in KINDS
        assert rule.incorrect and rule.correct, rule.id
        assert len(rule.description) > 80, f"{rule.id}: say why it hurts the client relationship"
        assert path.is_relative_to(root)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_compiles(lang):
    pack = Engine(Config(lang=lang)).pack(lang)
    assert len(pack.checks) == len([r for r in load_rules(lang) if r.enabled])


# Two whitespace quantifiers around an optional comma or colon ("\\s*,?\\s*", "[ \\t]*:?[ \\t]+") read a long
# run of spaces again from every split: quadratic time (58 s for 20,000 spaces before "said Jane Doe").
# The first must be possessive ("\\s*+(?:,\\s*+)?"); bench/pathological.py times the cases found so far.
_SPACES_READ_TWICE = re.compile(r"(?:\\s|\[ \\t\])\*(?!\+)(?:[,:]\?)?(?:\\s|\[ \\t\])[*+]")


def _regexes(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from ([value] if isinstance(value, str) else value) if key == "regex" else _regexes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _regexes(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_rule_regex_reads_a_run_of_spaces_twice(lang):
    offending = [(rule.id, found.group()) for rule in load_rules(lang) for regex in _regexes(rule.match)
                 if (found := _SPACES_READ_TWICE.search(regex))]
    assert offending == []


def test_french_messages_use_french_quotes():
    for rule in load_rules("fr"):
        if "{match}" in rule.message:
            assert "« {match} »" in rule.message, rule.id


def _write_rule(tmp_path: Path, body: str, rel: str = "fr/press-release/essai.yaml") -> Path:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


VALID = """title: Essai
kind: existence
severity: warning
message: "« {match} »"
description: Une description.
match:
  phrases: ["leader mondial"]
examples:
  incorrect: ["Un [[leader mondial]]."]
  correct: ["Un leader."]
"""


@pytest.mark.parametrize("broken, field", [
    (VALID.replace("severity: warning", "severity: fatal"), "severity"),
    (VALID.replace("title: Essai\n", ""), "title"),
    (VALID.replace('  incorrect: ["Un [[leader mondial]]."]', '  incorrect: ["Un leader mondial."]'), "examples.incorrect[0]"),
    (VALID.replace('  correct: ["Un leader."]', "  correct: []"), "examples.correct"),
    (VALID + "colour: red\n", "colour"),
    (VALID.replace('match:\n  phrases: ["leader mondial"]', "match: 3"), "match"),
    ("title: [unclosed", "yaml"),
    (VALID + "strength: -1\n", "strength"),
    (VALID + "max_strength: lots\n", "max_strength"),
    (VALID + "repeat_decay: 1.5\n", "repeat_decay"),
    (VALID + "repeat_decay: -0.5\n", "repeat_decay"),
    (VALID + "speech_weight: 2\n", "speech_weight"),
    (VALID + "speech_weight: heavy\n", "speech_weight"),
    (VALID + "unowned: 0.5\n", "unowned"),
    (VALID + "unowned: {owner: [nous], strength: -1}\n", "unowned.strength"),
    (VALID + "unowned: {owner: [nous], strength: 0.5, self_names: maybe}\n", "unowned.self_names"),
    (VALID + "exceptions: {pattern: [x]}\n", "exceptions"),
    (VALID + "exceptions: {regex: 3}\n", "exceptions.regex"),
])
def test_loader_error_names_file_and_field(tmp_path, broken, field):
    path = _write_rule(tmp_path, broken)
    with pytest.raises(RuleError) as info:
        load_rule(path, tmp_path)
    assert info.value.field == field
    assert str(path) in str(info.value)


def test_bad_slug_is_rejected(tmp_path):
    path = _write_rule(tmp_path, VALID, "fr/press-release/Bad_Name.yaml")
    with pytest.raises(RuleError, match="file name"):
        load_rule(path, tmp_path)


def test_kind_specific_errors_name_the_field(tmp_path):
    _write_rule(tmp_path, VALID.replace('phrases: ["leader mondial"]', 'regex: ["(unclosed"]'))
    with pytest.raises(RuleError) as info:
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).pack("fr")
    assert info.value.field == "match.regex"


@pytest.mark.parametrize("references, introductions, field", [
    ('["a dit (?P<mark>\\\\w+)"]', '["(?P<name>\\\\w+), directeur"]', "match.regex"),
    ('["a dit (?P<name>\\\\w+)"]', '["(\\\\w+), directeur"]', "match.introductions"),
])
def test_a_reference_rule_must_capture_the_person(tmp_path, references, introductions, field):
    """Without a group named `name`, the reference kind cannot tell who is quoted: a clear error."""
    rule = VALID.replace("kind: existence", "kind: reference") \
        .replace('phrases: ["leader mondial"]', f"regex: {references}\n  introductions: {introductions}")
    _write_rule(tmp_path, rule, "fr/press-release/cite.yaml")
    with pytest.raises(RuleError, match="group named 'name'") as info:
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).pack("fr")
    assert info.value.field == field


@pytest.mark.parametrize("prefixes", ["5", "[auto, 3]", "{auto: bio}"])
def test_transparent_prefixes_must_be_strings(tmp_path, prefixes):
    rule = VALID.replace("kind: existence", "kind: rare-term") \
        .replace('phrases: ["leader mondial"]', f"transparent_prefixes: {prefixes}")
    _write_rule(tmp_path, rule, "fr/peer-jargon/rares.yaml")
    with pytest.raises(RuleError) as info:
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).pack("fr")
    assert info.value.field == "match.transparent_prefixes"


def test_user_rule_directory_adds_rules_without_python(tmp_path):
    _write_rule(tmp_path, VALID.replace("leader mondial", "meilleur des mondes"), "fr/press-release/maison.yaml")
    engine = Engine(Config(lang="fr", rule_dirs=(tmp_path,), select=("fr.press-release.maison",)))
    result = engine.lint("Le meilleur des mondes.", "text")
    assert [d.rule for d in result.diagnostics] == ["fr.press-release.maison"]


def test_user_lexicon_is_found_in_the_user_directory(tmp_path):
    _write_rule(tmp_path, VALID.replace('phrases: ["leader mondial"]', "lexicon: mes-cliches.txt")
                .replace("Un [[leader mondial]].", "Un service [[aux petits oignons]].")
                .replace("Un leader.", "Des oignons."), "fr/self-promotion/maison.yaml")
    (tmp_path / "fr" / "lexicons").mkdir()
    (tmp_path / "fr" / "lexicons" / "mes-cliches.txt").write_text("# mes formules\naux petits oignons\n", encoding="utf-8")
    engine = Engine(Config(lang="fr", rule_dirs=(tmp_path,), select=("fr.self-promotion.maison",)))
    result = engine.lint("Un service aux petits oignons, vraiment.", "text")
    assert [d.match for d in result.diagnostics] == ["aux petits oignons"]


def test_punctuation_in_a_phrase_is_an_error_not_a_silent_match(tmp_path):
    # "sources :" would otherwise match every "sources": phrases match words only.
    _write_rule(tmp_path, VALID.replace('phrases: ["leader mondial"]', 'phrases: ["sources :"]'))
    with pytest.raises(RuleError, match="phrases match words only"):
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).pack("fr")


@pytest.mark.parametrize("match, field", [
    ("  phrase: [abc]\n  phrases: [abd]\n", "match.phrase"),      # a typo beside the real field
    ("  phrases: [abc]\n  scope: paragraph\n", "match.scope"),   # a field another kind reads
    ("  context:\n    phrase: [nous]\n  target:\n    phrases: [abc]\n", "match.context.phrase"),
])
def test_a_match_field_the_kind_does_not_read_is_an_error(tmp_path, match, field):
    from tonelint import Config, Engine
    from tonelint.rulepack import RuleError

    kind = "cooccurrence" if "context" in match else "existence"
    rule = tmp_path / "fr" / "press-release" / "maison.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text(f"title: X\nkind: {kind}\nseverity: warning\nmessage: m\ndescription: d\nmatch:\n{match}"
                    "examples:\n  incorrect: ['Une [[abc]].']\n  correct: ['Une abd.']\n", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).pack("fr")
    assert error.value.field == field and "unknown field" in str(error.value)


def _pattern_rules():
    from tonelint.rulepack import load_rules

    return [r for lang in ("fr", "en") for r in load_rules(lang) if r.kind == "pattern"]


PATTERN_RULES = _pattern_rules()


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=[r.id for r in PATTERN_RULES])
def test_a_pattern_rules_trigger_reaches_every_flagged_span_of_its_examples(rule):
    """The hand-written trigger decides which sentences are tagged at all: it must match inside
    or at every span an incorrect example marks, or the rule would silently never see it."""
    import re

    trigger = re.compile(rule.match["trigger"], re.IGNORECASE)
    for example in rule.incorrect:
        for start, end in example.spans:
            sentence = example.text
            assert any(m.start() < end and start < m.end() for m in trigger.finditer(sentence)), \
                (rule.id, example.text[start:end])


def test_the_published_rule_schema_is_current_and_every_built_in_rule_validates():
    import json
    from pathlib import Path

    import jsonschema
    import yaml

    from tonelint.rulepack.jsonschema import rule_schema

    root = Path(__file__).resolve().parents[1] / "rules"
    published = json.loads((root / "schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(rule_schema())), \
        "rules/schema.json is stale: python -m tonelint.rulepack.jsonschema > rules/schema.json"
    validator = jsonschema.Draft202012Validator(published)
    for path in sorted(root.glob("*/*/*.yaml")):
        problems = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert not problems, (path, problems)
    assert list(validator.iter_errors({"title": "x", "kind": "existence", "severity": "loud", "message": "m",
                                       "description": "d", "match": {}, "examples": {"incorrect": [], "correct": []},
                                       "bogus": 1}))


def test_every_rule_pack_file_ships_with_the_package():
    """A lexicon or rule file that pyproject's package data leaves out works from the source tree and
    breaks once installed (a pre-commit hook, a wheel): every file under rules/ matches a glob."""
    import fnmatch
    import tomllib
    project = Path(__file__).resolve().parents[1]
    globs = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["tonelint.rules"]
    root = project / "rules"
    missing = [str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()
               and "__pycache__" not in path.parts and path.name != "__init__.py"
               and not any(fnmatch.fnmatch(str(path.relative_to(root)), glob) and
                           str(path.relative_to(root)).count("/") == glob.count("/") for glob in globs)]
    assert missing == []
