"""Engine behaviour: language detection, configuration, tone profile, public API."""
from __future__ import annotations

import pytest

from tonelint import Config, Engine, Severity, lint_text
from tonelint.config import ConfigError, config_from_dict
from tonelint.engine import UnknownRuleError
from tonelint.lang import detect_language

FR_PROMO = ("Nous sommes fiers d'annoncer notre solution clé en main. Notre équipe chevronnée "
            "offre un service inégalé. Contactez-nous dès aujourd'hui !")
EN_PROMO = ("We are thrilled to announce our award-winning, state-of-the-art turnkey solution. "
            "Call us today!")


def test_public_api_lints_a_string():
    result = lint_text(FR_PROMO)
    assert result.lang == "fr"
    assert {d.category for d in result.diagnostics} >= {"press-release", "self-promotion"}
    first = result.diagnostics[0].to_dict()
    assert set(first) == {"rule", "category", "severity", "message", "span", "line", "column",
                          "end_line", "end_column", "match", "suggestions"}


@pytest.mark.parametrize("text, lang", [
    (FR_PROMO, "fr"), (EN_PROMO, "en"),
    ("Le chat dort sur le canapé et il rêve de souris.", "fr"),
    ("The cat sleeps on the sofa and it dreams of mice.", "en"),
])
def test_language_is_detected_per_document(text, lang):
    assert detect_language(text) == lang
    assert lint_text(text).lang == lang


def test_detection_falls_back_when_text_says_too_little():
    assert detect_language("OK 2024", fallback="en") == "en"
    assert detect_language("", fallback="fr") == "fr"


def test_english_works_without_any_english_model():
    result = lint_text(EN_PROMO, lang="en")
    rules = {d.rule for d in result.diagnostics}
    assert {"en.press-release.thrilled-to-announce", "en.self-promotion.superlatives",
            "en.self-promotion.hard-sell", "en.press-release.cliches"} <= rules


def test_select_and_ignore_by_prefix():
    only = Engine(Config(lang="fr", select=("fr.press-release",))).lint(FR_PROMO)
    assert {d.category for d in only.diagnostics} == {"press-release"}
    without = Engine(Config(lang="fr", ignore=("press-release",))).lint(FR_PROMO)
    assert "press-release" not in {d.category for d in without.diagnostics}


def test_unknown_rule_prefix_is_an_error():
    with pytest.raises(UnknownRuleError, match="fr.nope"):
        Engine(Config(select=("fr.nope",)))


def test_severity_override_and_off():
    config = config_from_dict({"lang": "fr", "severity": {"fr.press-release": "error", "fr.self-promotion.superlatifs": "off"}})
    result = Engine(config).lint(FR_PROMO)
    assert all(d.severity == Severity.ERROR for d in result.diagnostics if d.category == "press-release")
    assert not any(d.rule == "fr.self-promotion.superlatifs" for d in result.diagnostics)


def test_min_severity_hides_lower_findings():
    result = Engine(Config(lang="fr", min_severity=Severity.WARNING)).lint(FR_PROMO)
    assert result.diagnostics and all(d.severity >= Severity.WARNING for d in result.diagnostics)


def test_rule_options_override_thresholds():
    text = "Bienvenue ! Quelle joie ! Super !"
    strict = Engine(Config(lang="fr", select=("fr.self-promotion.points-d-exclamation",))).lint(text)
    assert len(strict.diagnostics) == 1
    lax = Engine(config_from_dict({"lang": "fr", "select": ["fr.self-promotion.points-d-exclamation"],
                                   "rules": {"fr.self-promotion.points-d-exclamation": {"max": 5}}})).lint(text)
    assert lax.diagnostics == []


def test_self_names_count_as_self_reference():
    text = "Acme Conseil aide les PME. Acme Conseil est là. Acme Conseil répond. Acme Conseil conseille."
    plain = Engine(Config(lang="fr", select=("fr.self-promotion.nous-plus-que-vous",))).lint(text)
    assert plain.diagnostics == []
    named = Engine(Config(lang="fr", select=("fr.self-promotion.nous-plus-que-vous",),
                          self_names=("Acme Conseil",))).lint(text)
    assert [d.match for d in named.diagnostics] == ["Acme Conseil"]


def test_known_terms_are_never_jargon():
    text = "Votre CRM et vos backlinks comptent."
    flagged = Engine(Config(lang="fr", select=("fr.peer-jargon",))).lint(text)
    assert {d.match for d in flagged.diagnostics} == {"CRM", "backlinks"}
    known = Engine(Config(lang="fr", select=("fr.peer-jargon",), known_terms=("CRM", "backlinks"))).lint(text)
    assert known.diagnostics == []


def test_known_terms_are_compared_composed_and_in_any_case():
    # a term the configuration writes with decomposed accents (e + U+0301) and capitals still matches
    text = "Votre CRM et votre crédit-bail comptent."
    known = Engine(Config(lang="fr", select=("fr.peer-jargon",), known_terms=("Cre\u0301dit-bail", "crm"))).lint(text)
    assert known.diagnostics == []


def test_first_person_singular_is_not_self_promotion():
    text = ("Je travaille seule depuis dix ans. J'aime mon métier. Je réponds moi-même à mes courriels. "
            "Je prends le temps d'écouter. Mon bureau est petit, mais mon agenda est souple.")
    result = Engine(Config(lang="fr", select=("fr.self-promotion",))).lint(text)
    assert result.diagnostics == []


def test_tone_profile_scores_and_evidence():
    result = lint_text(FR_PROMO)
    profile = result.profile
    assert set(profile) >= {"press-release", "self-promotion", "peer-jargon", "dialogue", "register", "metrics"}
    press = profile["press-release"]
    assert 0 < press["score"] <= 100
    assert press["findings"] == len(press["evidence"])
    assert all(result.diagnostics[i].category == "press-release" for i in press["evidence"])
    assert profile["peer-jargon"]["score"] == 0
    assert profile["metrics"]["formula"] == "kandel-moles"


def test_clean_client_focused_post_stays_quiet():
    text = (
        "# Combien coûte une toiture neuve ?\n\n"
        "Vous vous demandez combien coûte une toiture neuve. Tout dépend de la pente, des matériaux "
        "et de l'état du bois. Je passe chez vous, je regarde, et je vous donne un prix clair.\n\n"
        "Si le bois est sain, on garde la structure. Sinon, je vous montre les photos et on décide "
        "ensemble. Le chantier dure en général deux jours.\n\n"
        "Vous avez une question sur votre toit ? Écrivez-moi, je réponds à chaque message.\n"
    )
    result = lint_text(text, format="markdown")
    assert result.diagnostics == [], [(d.rule, d.match) for d in result.diagnostics]


def test_unsupported_language_is_rejected():
    with pytest.raises(ValueError, match="unsupported language"):
        Engine().lint("Hallo Welt", lang="de")


def test_bad_config_values_are_reported():
    with pytest.raises(ConfigError, match="lang"):
        config_from_dict({"lang": "de"})
    with pytest.raises(ConfigError, match="unknown key"):
        config_from_dict({"langue": "fr"})
    with pytest.raises(ConfigError, match="fail-on"):
        config_from_dict({"fail-on": "loud"})


def test_a_forced_language_that_the_text_contradicts_gets_a_notice():
    english = ("We help small businesses write better posts. Our team has worked with you and your peers for "
               "years, and we will keep the focus on what the reader wants to know from the post.")
    forced = Engine(Config(lang="fr")).lint(english)
    assert any("reads as en" in n for n in forced.notices)
    assert not any("reads as" in n for n in Engine(Config(lang="en")).lint(english).notices)
    assert not any("reads as" in n for n in Engine(Config()).lint(english).notices)  # detected: nothing to say


GERMAN = ("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark "
          "gewachsen ist. Unsere Kunden schätzen die Qualität unserer Arbeit und die persönliche Beratung. "
          "Wenn Sie Fragen haben, rufen Sie uns einfach an oder schreiben Sie uns eine Nachricht.")
SPANISH = ("Nos complace anunciar que nuestra empresa ha crecido mucho durante el último año. Nuestros "
           "clientes valoran la calidad de nuestro trabajo y la atención personalizada. Si tiene alguna "
           "pregunta, no dude en llamarnos o enviarnos un mensaje.")


@pytest.mark.parametrize("text", [GERMAN, SPANISH])
def test_text_in_neither_language_is_not_linted_and_says_so(text):
    result = Engine(Config()).lint(text)
    assert result.diagnostics == []  # not a page of "rare words"
    assert any("neither French nor English" in n for n in result.notices)
    assert not result.linted and result.to_dict()["linted"] is False  # no tone is claimed for it
    asked = Engine(Config()).lint(text, lang="fr")  # asking for a language lints it anyway
    assert asked.diagnostics and not any("neither" in n for n in asked.notices)
    assert asked.linted and "linted" not in asked.to_dict()
    front_matter = Engine(Config()).lint(f"---\nlang: fr\n---\n{text}\n", "markdown")
    assert front_matter.diagnostics


@pytest.mark.parametrize("text", [
    # Jargon-dense posts are still French or English: most of their words stay common ones.
    "Le bilan consolidé intègre les écarts d'acquisition, les impôts différés actifs et passifs, les provisions "
    "pour risques, l'EBITDA retraité et la trésorerie nette, selon les normes IFRS applicables au groupe.",
    "Configure the canonical tags, fix the hreflang annotations, compress the LCP image and audit the crawl "
    "budget so the SERP snippets and backlinks profile stop dragging your rankings down this quarter.",
    "Guten Tag! Wir sprechen Deutsch.",  # too short to tell: linted as usual
])
def test_jargon_and_short_snippets_are_not_taken_for_another_language(text):
    assert not any("neither French nor English" in n for n in Engine(Config()).lint(text).notices)


def test_a_suppression_comment_naming_no_rule_gets_a_notice_with_the_nearest_id():
    source = "Un leader mondial.\n\n<!-- tonelint-disable fr.press-relase -->\nUn leader mondial.\n"
    notices = Engine(Config(lang="fr")).lint(source, "markdown").notices
    assert any("fr.press-relase" in n and "did you mean 'fr.press-release'" in n for n in notices)
    fine = "<!-- tonelint-disable press-release.cliches -->\nUn leader mondial.\n"
    assert not any("names no rule" in n for n in Engine(Config(lang="fr")).lint(fine, "markdown").notices)


def test_lint_text_keeps_no_engine_between_calls(monkeypatch):
    """The convenience function owns nothing: each call makes (and drops) its own engine."""
    import tonelint.engine as engine_module

    made = []

    class CountedEngine(engine_module.Engine):
        def __init__(self, *args, **kwargs) -> None:
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(engine_module, "Engine", CountedEngine)
    first, second = lint_text(FR_PROMO), lint_text(FR_PROMO)
    assert len(made) == 2 and made[0] is not made[1]
    assert [d.to_dict() for d in first.diagnostics] == [d.to_dict() for d in second.diagnostics]
    assert not hasattr(engine_module, "_default_engine")


def test_a_list_valued_rule_option_in_the_configuration_file_reaches_the_rule(tmp_path, capsys):
    import json

    from tonelint.cli import main

    draft = tmp_path / "post.txt"
    draft.write_text("Le bail prévoit une clause résolutoire, des obligations déclaratives et un bail "
                     "emphytéotique.\n", encoding="utf-8")
    rule = "fr.peer-jargon.vocabulaire-rare"

    def flagged(options: str) -> list[str]:
        (tmp_path / ".tonelint.toml").write_text(f'lang = "fr"\n[rules."{rule}"]\n{options}\n', encoding="utf-8")
        code = main(["check", "--format", "json", "--select", rule, str(draft)])
        out = capsys.readouterr().out
        assert code in (0, 1), out
        return [d["match"] for d in json.loads(out)["files"][0]["diagnostics"]]

    assert "emphytéotique" in flagged("")
    assert flagged('allow = ["emphytéotique"]') == ["résolutoire", "déclaratives"]


def test_rare_words_are_judged_as_words_not_as_pieces_of_a_line_or_a_verb():
    engine = Engine(Config(lang="fr", select=("fr.peer-jargon.vocabulaire-rare",)))

    def rare(text: str) -> list[str]:
        return [d.match for d in engine.lint(text, "text").diagnostics]

    # Text copied from print: words cut at the line's end are whole words, not rare fragments.
    cut = "Un projet si ori-\nginal, une équipe qui déniche des histoires entrepreneu-\nriales inven-\ntives."
    assert rare(cut) == []
    assert rare(cut.replace("\n", "\r\n")) == []
    assert [d.match for d in engine.lint(cut, "markdown").diagnostics] == []  # soft breaks become spaces
    # A compound whose hyphen falls at the line's end keeps its halves as words.
    assert rare("Une clause résolutoire et une faute quasi-\ndélictuelle.") == ["résolutoire", "délictuelle"]
    # The forms of an everyday verb, a word drawn out for effect.
    assert rare("Vous blaguez, ils escaladent et s'efforcent, nooooon.") == []


def test_line_index_counts_every_kind_of_line_break_and_code_points():
    from tonelint.positions import LineIndex

    lines = LineIndex("été\r\nb\rc\nd😀e")
    assert [lines.position(i) for i in (0, 2, 5, 7, 9, 10, 11)] == [(1, 1), (1, 3), (2, 1), (3, 1), (4, 1), (4, 2), (4, 3)]


def test_a_rule_message_keeps_a_placeholder_it_has_no_value_for():
    from tonelint.findings import format_message

    assert format_message("« {match} » : {count} fois, {unknown}", {"match": "leader", "count": 3}) == \
        "« leader » : 3 fois, {unknown}"
    assert format_message("accolade seule { ou {0}", {"match": "x"}) == "accolade seule { ou {0}"
