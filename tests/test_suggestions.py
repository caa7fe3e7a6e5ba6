"""Suggestions read right once applied: number, verb form and case follow the writer's words."""
from __future__ import annotations

import pytest

from tonelint import Config, Engine
from tonelint.agreement import pluralize_phrase

FR = Engine(Config(lang="fr"))
EN = Engine(Config(lang="en"))


def _first_fix(engine, text: str, word: str) -> str:
    found = [d for d in engine.lint(text).diagnostics if d.match == word and d.suggestions]
    assert found, f"no suggestion on {word!r}"
    d = found[0]
    return text[:d.span.start] + d.suggestions[0] + text[d.span.end:]


@pytest.mark.parametrize("engine, text, word, expected", [
    (FR, "Envoyez vos leads au bon vendeur.", "leads", "Envoyez vos clients potentiels au bon vendeur."),
    (FR, "Abonnez-vous à nos newsletters.", "newsletters", "Abonnez-vous à nos infolettres."),
    (FR, "Nos webinars reprennent en mars.", "webinars", "Nos webinaires reprennent en mars."),
    (FR, "Suivez vos KPIs chaque lundi.", "KPIs", "Suivez vos indicateurs de suivi chaque lundi."),
    (FR, "KPI : un mot à expliquer.", "KPI", "Indicateur de suivi : un mot à expliquer."),
    (FR, "Cette offre va booster vos ventes.", "booster", "Cette offre va stimuler vos ventes."),
    (FR, "Boostez vos ventes cet été.", "Boostez", "Stimulez vos ventes cet été."),
    (FR, "Nous avons boosté vos ventes.", "boosté", "Nous avons stimulé vos ventes."),
    (EN, "Track your KPIs every Monday.", "KPIs", "Track your measures of progress every Monday."),
    # "an" becomes "a" before a wording that opens with a consonant (the underline takes the article)
    (EN, "Buy an all-risks policy today.", "an all-risks policy", "Buy a cover for anything not excluded today."),
    # a term that opens with an acronym is not a capitalised word: the wording stays lower case
    (EN, "Point the CNAME record at the shop.", "CNAME record", "Point the setting that points your domain to a service at the shop."),
    (FR, "La ville met en œuvre le plan.", "met en œuvre", "La ville applique le plan."),
    (FR, "Nous avons mis en œuvre le plan.", "mis en œuvre", "Nous avons appliqué le plan."),
    (FR, "Il faut mettre en œuvre le plan.", "mettre en œuvre", "Il faut appliquer le plan."),
])
def test_the_first_suggestion_agrees(engine, text, word, expected):
    assert _first_fix(engine, text, word) == expected


def test_a_suggestion_never_gives_the_word_back():
    found = [d for d in FR.lint("Écoutez nos podcasts en voiture.").diagnostics if d.match == "podcasts"]
    assert found and all(s.lower() != "podcasts" for s in found[0].suggestions)


def test_an_email_is_not_an_address():
    found = [d for d in FR.lint("Envoyez-moi un e-mail demain.").diagnostics if d.match == "e-mail"]
    assert found and "adresse électronique" not in found[0].suggestions


def test_a_term_is_matched_whole_or_not_at_all():
    diagnostics = FR.lint("Une stratégie full-funnel pour votre boutique.").diagnostics
    assert not [d for d in diagnostics if d.match == "funnel" and d.suggestions]  # never « full-parcours d'achat »


@pytest.mark.parametrize("phrase, lang, plural", [
    ("client potentiel", "fr", "clients potentiels"),
    ("lettre d'information", "fr", "lettres d'information"),
    ("journal", "fr", "journaux"),
    ("bureau", "fr", "bureaux"),
    ("remue-méninges", "fr", "remue-méninges"),
    ("landing page", "en", "landing pages"),
    ("protection contre la foudre", "fr", "protections contre la foudre"),
    ("boîte sous le plancher", "fr", "boîtes sous le plancher"),
    ("fee per visit", "en", "fees per visit"),
    ("marker under the lid", "en", "markers under the lid"),
    ("point of sale", "en", "points of sale"),
    ("strategy", "en", "strategies"),
    # a determiner or an adverb opens another phrase; punctuation ends it
    ("recours devant la plus haute juridiction", "fr", "recours devant la plus haute juridiction"),
    ("bilan environnemental, social", "fr", "bilans environnementaux, social"),
    ("landing page, blog", "en", "landing pages, blog"),
    ("moving savings into an account", "en", "moving savings into an account"),
    ("business process", "en", "business processes"),
    # adverbs stay, the adjective after them agrees; an English participle after the head noun stays
    ("période non indemnisée", "fr", "périodes non indemnisées"),
    ("vente considérée comme faite", "fr", "ventes considérées comme faites"),
    ("lieu où tout se joue", "fr", "lieux où tout se joue"),
    ("loan repaid after the bank loan, at a higher rate", "en", "loans repaid after the bank loan, at a higher rate"),
])
def test_plural_of_a_noun_phrase(phrase, lang, plural):
    assert pluralize_phrase(phrase, lang) == plural


@pytest.mark.parametrize("text, expected", [
    ("Merci pour le feedback de lundi.", "Merci pour la rétroaction de lundi."),
    ("Ce meeting commence à neuf heures.", "Cette réunion commence à neuf heures."),
    ("J'attends l'email de confirmation.", "J'attends le courriel de confirmation."),
    ("Envoyez la deadline au client.", "Envoyez l'échéance au client."),
    ("Le challenge est grand.", "Le défi est grand."),
    ("Un target précis aide.", "Une cible précis aide."),  # the adjective is the writer's to agree
])
def test_the_determiner_follows_the_gender_of_the_suggestion(text, expected):
    found = [d for d in FR.lint(text).diagnostics if d.rule == "fr.peer-jargon.anglicismes"]
    assert found
    d = found[0]
    assert text[:d.span.start] + d.suggestions[0] + text[d.span.end:] == expected


def test_determiner_forms():
    from tonelint.agreement import french_determiner, split_gender

    assert split_gender("rétroaction (f)") == ("rétroaction", "f") and split_gender("retour") == ("retour", None)
    assert french_determiner("le", "f", "rétroaction") == "la "
    assert french_determiner("la", "f", "échéance") == "l'"
    assert french_determiner("Ce", "f", "réunion") == "Cette "
    assert french_determiner("ce", "m", "atelier") == "cet "
    assert french_determiner("du", "f", "cible") == "de la "


@pytest.mark.parametrize("determiner, gender, noun, expected", [
    ("le", "f", "hanche", "la "),      # aspirated h: no elision
    ("le", "m", "hasard", "le "),
    ("ce", "m", "hangar", "ce "),
    ("la", "f", "hauteur", "la "),
    ("le", "m", "hôpital", "l'"),      # mute h
    ("ce", "m", "hôtel", "cet "),
    ("la", "f", "héroïne", "l'"),
    ("La", "f", "entrée", "L'"),
    ("le", "m", "hall", "le "),        # a whole word: « hallucination » keeps its mute h
    ("le", "m", "hallucinogène", "l'"),
    ("le", "m", "hashtag", "le "),
    ("le", "m", "yaourt", "le "),      # y is a consonant here
    ("le", "f", "œuvre", "l'"),
])
def test_a_determiner_elides_before_a_vowel_or_a_mute_h_only(determiner, gender, noun, expected):
    from tonelint.agreement import french_determiner

    assert french_determiner(determiner, gender, noun) == expected


def test_a_noun_phrase_ending_like_a_verb_keeps_its_wording():
    """« approche crânienne » is a noun phrase listed with one head: its wording is not conjugated
    (« toucher » stays « toucher », never « touche »); « met en œuvre » is a verb phrase listed with
    its forms, and its wording follows the writer's person."""
    from tonelint.agreement import adapt

    assert adapt("toucher doux du crâne", "approche crânienne", frozenset({"approche crânienne"}), "fr", False) \
        == "toucher doux du crâne"
    verb_forms = frozenset({"mettre en œuvre", "met en œuvre", "mettent en œuvre", "mis en œuvre"})
    assert adapt("appliquer", "met en œuvre", verb_forms, "fr", False) == "applique"
    # a noun phrase listed in two numbers is not a verb: its -er head noun is never "conjugated"
    assert adapt("dossier de mission", "lettre de mission", frozenset({"lettre de mission", "lettres de mission"}),
                 "fr", False) == "dossier de mission"


def test_a_hyphenated_acronym_compound_is_not_a_capitalised_word():
    from tonelint.agreement import _case_like

    assert _case_like("standard format for online courses", "SCORM-compliant", False) == "standard format for online courses"
    assert _case_like("indicators", "Kpis", False) == "Indicators"  # a capitalised word stays capitalised


@pytest.mark.parametrize("article, word, expected", [
    ("a", "invoice", "an "), ("an", "plan", "a "), ("an", "unit", "a "), ("a", "hour", "an "),
    ("A", "estimate", "An "), ("an", "one-off fee", "a "), ("a", "umbrella", "an "),
])
def test_the_english_article_follows_the_wording(article, word, expected):
    from tonelint.agreement import english_article

    assert english_article(article, word) == expected


def test_a_french_term_of_several_words_in_the_plural_gets_a_plural_wording():
    """« fibrillations auriculaires » is the plural of « fibrillation auriculaire »: so is its wording;
    a wording with a relative clause keeps its number (its verb would not follow)."""
    from tonelint import Config, Engine

    def suggestion(text):
        return next(d.suggestions[0] for d in Engine(Config(lang="fr")).lint(text).diagnostics
                    if d.category == "peer-jargon")

    assert suggestion("Les fibrillations auriculaires sont fréquentes.") == "rythmes cardiaques irréguliers"
    assert suggestion("La fibrillation auriculaire est fréquente.").lower().endswith("rythme cardiaque irrégulier")
    assert suggestion("Les agents de mise en service vérifient tout.") == "expert indépendant qui vérifie les installations"


def test_a_listed_term_is_found_in_its_generated_plural():
    """Lexicons list terms by their lemma: "Roth conversion" also finds "Roth conversions", with a
    plural wording; a plural that is an everyday word of its own is not generated."""
    from tonelint import Config, Engine
    from tonelint.checks.substitution import _plural

    found = [d for d in Engine(Config(lang="en")).lint("We plan Roth conversions every year.").diagnostics
             if d.category == "peer-jargon"]
    assert [d.match for d in found] == ["Roth conversions"]
    assert found[0].suggestions[0].lower().startswith("moving savings into")
    assert _plural("cap rate", "en") == "cap rates" and _plural("client potentiel", "fr") == "clients potentiels"
    assert _plural("analytics", "en") == "" and _plural("2FA", "en") == ""

