"""Evidence, then verdict; mention versus use; lemma-generated forms."""
from __future__ import annotations

import pytest

from tonelint import Config, Engine
from tonelint.config import config_from_dict
from tonelint.inflect import french_adjective_forms, verb_forms
from tonelint.model import Severity
from tonelint.rulepack import RuleError
from tonelint.verdict import read_pack_settings

FR = Engine(Config(lang="fr"))
EN = Engine(Config(lang="en"))


def tone(result, category):
    return [d for d in result.diagnostics if d.category == category]


def test_one_weak_signal_is_a_suggestion():
    result = FR.lint("Vous cherchez un comptable ? Je suis un leader mondial de la bonne humeur. Écrivez-moi.")
    found = tone(result, "press-release")
    assert found and all(d.severity == Severity.SUGGESTION for d in found)
    verdict = result.profile["press-release"]["verdict"]
    assert verdict["severity"] == "suggestion" and verdict["strength"] < verdict["threshold"]


def test_evidence_past_the_threshold_makes_warnings():
    result = FR.lint("Nous sommes fiers d'annoncer notre partenariat. Acme, leader mondial de l'emballage, grandit.")
    found = tone(result, "press-release")
    assert len(found) >= 2 and all(d.severity == Severity.WARNING for d in found)
    assert result.profile["press-release"]["verdict"]["severity"] == "warning"


def test_the_same_words_repeated_count_once():
    one = EN.lint("Our plan is a turnkey solution. Ask me anything.")
    three = EN.lint("Our plan is a turnkey solution. A turnkey solution, yes. A turnkey solution again.")
    assert one.verdicts["press-release"].evidence == three.verdicts["press-release"].evidence
    # nor do its plural, its case or its spacing
    forms = FR.lint("Une focale longue aplatit le visage. Les focales longues aussi. Un 85mm ou un 85 mm ?")
    single = FR.lint("Une focale longue aplatit le visage. Un 85 mm aussi.")
    assert forms.verdicts["peer-jargon"].evidence == single.verdicts["peer-jargon"].evidence > 0
    # nor does the determiner a finding takes along when its suggestion changes gender
    determiners = FR.lint("Le bornage fixe la limite. Le coût du bornage varie. Demandez un bornage, l'infogérance aussi.")
    bare = FR.lint("Le bornage fixe la limite. L'infogérance aussi.")
    assert {d.match.lower() for d in determiners.diagnostics if d.category == "peer-jargon"} >= {"le bornage", "du bornage"}
    assert determiners.verdicts["peer-jargon"].evidence == bare.verdicts["peer-jargon"].evidence > 0
    # nor do the words of one family (« passion », « passionnés »)
    family = FR.lint("Chez nous, tout le monde est passionné. Nous travaillons avec passion pour vous.")
    word = FR.lint("Chez nous, tout le monde est passionné. Nous travaillons pour vous.")
    assert family.verdicts["self-promotion"].evidence == word.verdicts["self-promotion"].evidence > 0
    # nor do the variants of one glossary term (« déplafonnement », « un déplafonnement du loyer »)
    variants = FR.lint("Le bailleur tente un déplafonnement du loyer. Le déplafonnement est encadré.")
    one_variant = FR.lint("Le bailleur tente un déplafonnement. Le loyer est encadré.")
    assert len([d for d in variants.diagnostics if d.category == "peer-jargon"]) == 2
    assert variants.verdicts["peer-jargon"].evidence == one_variant.verdicts["peer-jargon"].evidence > 0
    # …while two terms that share a wording are two ("friction rate" and "static pressure")
    two_terms = EN.lint("Check the friction rate first. Then measure the static pressure.")
    one_term = EN.lint("Check the friction rate first. Then measure the friction rate again.")
    assert two_terms.verdicts["peer-jargon"].evidence > one_term.verdicts["peer-jargon"].evidence > 0
    # …and a term and its plural are one, even where the wording's plural is irregular
    plural = FR.lint("La juridiction compétente tranche. Les juridictions compétentes aussi.")
    singular = FR.lint("La juridiction compétente tranche. Rien de plus.")
    assert plural.verdicts["peer-jargon"].evidence == singular.verdicts["peer-jargon"].evidence > 0


def test_self_reference_alone_never_earns_a_self_promotion_warning():
    text = ("Nous avons ouvert en 1998. Nous livrons nos commandes le mardi. Nous fermons nos portes en août. "
            "Notre atelier et nos outils sont à Laval. Nos horaires changent en hiver.\n\n") * 4
    result = FR.lint(text)
    assert tone(result, "self-promotion")
    assert all(d.severity == Severity.SUGGESTION for d in tone(result, "self-promotion"))


def test_hints_piled_up_are_no_self_promotion_verdict():
    """"we", "our" and an exclamation mark can reach the threshold together, but none of them is a
    claim: the verdict needs one finding of the dimension's `min_signal` strength."""
    from tonelint.model import Diagnostic, Span
    from tonelint.verdict import VerdictModel, judge

    def finding(rule, start, word, strength):
        return Diagnostic(rule, "self-promotion", Severity.SUGGESTION, "", Span(start, start + len(word)),
                          match=word, strength=strength)

    hints = [finding("we-document", 0, "we", 0.6), finding("we-more-than-you", 10, "our", 0.6),
             finding("exclamation", 20, "!", 0.5)]
    model = VerdictModel(threshold=1.5, repeat_decay=0.75, min_signal=0.75)
    verdict = judge(hints, 100, {"self-promotion": model})["self-promotion"]
    assert verdict.evidence >= verdict.required and not verdict.passed
    with_claim = judge(hints + [finding("self-praise", 30, "award-winning", 1.0)], 100,
                       {"self-promotion": model})["self-promotion"]
    assert with_claim.passed
    assert judge(hints, 100, {"self-promotion": VerdictModel(threshold=1.5)})["self-promotion"].passed


def test_unclaimed_claims_of_three_kinds_make_a_verdict_hints_never_do():
    """Three different claim rules, each weighing half because nobody in the paragraph owns the claim
    (an award, "the only network", a superlative), are a pattern: `min_variety` lets them pass
    `min_signal`. Hints ("we", "!") never count towards it, whatever their number."""
    from tonelint.model import Diagnostic, Span
    from tonelint.verdict import RuleWeighting, VerdictModel, judge

    def finding(rule, start, word, strength):
        return Diagnostic(rule, "self-promotion", Severity.SUGGESTION, "", Span(start, start + len(word)),
                          match=word, strength=strength)

    weightings = {"awards": RuleWeighting(strength=1.0), "first-and-only": RuleWeighting(strength=1.0),
                  "superlatives": RuleWeighting(strength=1.0), "we-document": RuleWeighting(strength=0.4),
                  "exclamation": RuleWeighting(strength=0.5)}
    model = {"self-promotion": VerdictModel(threshold=1.4, repeat_decay=0.75, min_signal=0.75, min_variety=3)}
    claims = [finding("awards", 0, "won", 0.5), finding("first-and-only", 10, "the only", 0.5),
              finding("superlatives", 30, "finest", 0.5)]
    assert judge(claims, 100, model, weightings)["self-promotion"].passed
    assert not judge(claims[:2], 100, model, weightings)["self-promotion"].passed
    hints = [finding("we-document", 40, "we", 0.4), finding("exclamation", 50, "!", 0.5)]
    two_claims_and_hints = judge(claims[:2] + hints + [finding("awards", 60, "finalist", 0.5)], 100, model, weightings)
    assert two_claims_and_hints["self-promotion"].evidence >= 1.4 and not two_claims_and_hints["self-promotion"].passed


def test_a_rule_may_weigh_its_repeats_as_much_as_its_first_finding():
    """A release cited once is a source; cited again, the text is written from it: the citing
    rule sets its own repeat_decay (1), the dimension's (0.75) is for everything else."""
    once = FR.lint("L'usine ouvrira en mai, indique le groupe dans un communiqué. Les embauches commencent en avril.")
    twice = FR.lint("L'usine ouvrira en mai, indique le groupe dans un communiqué. Les embauches commencent "
                    "en avril, ajoute le communiqué.")
    assert once.verdicts["press-release"].evidence == 1 and not once.verdicts["press-release"].passed
    assert twice.verdicts["press-release"].evidence == 2 and twice.verdicts["press-release"].passed
    english = EN.lint("The plant opens in May, the firm said in a statement. Hiring starts in April, "
                      "the statement added.")
    assert english.verdicts["press-release"].passed
    from tonelint.model import Diagnostic, Span
    from tonelint.verdict import RuleWeighting, VerdictModel, judge

    cues = [Diagnostic("cite", "press-release", Severity.SUGGESTION, "", Span(i * 10, i * 10 + 5),
                       match=f"cue {i}", strength=1.0) for i in range(3)]
    model = {"press-release": VerdictModel(threshold=2, repeat_decay=0.75)}
    assert judge(cues, 100, model)["press-release"].evidence == pytest.approx(1 + 0.75 + 0.5625)
    assert judge(cues, 100, model, {"cite": RuleWeighting(max_strength=2, repeat_decay=1)})["press-release"].evidence == 2


JARGON = ("Notre offre d'infogérance couvre le cloud hybride et la protection contre les rançongiciels. "
          "Nous répondons en une heure.")


def test_a_draft_that_explains_its_terms_needs_more_evidence_of_jargon():
    """Two definitions or more (« qu'est-ce qu'un… », « c'est-à-dire ») make a draft written for
    lay readers: the same terms are tips there, warnings in a draft that explains nothing."""
    plain = FR.lint(JARGON)
    explaining = FR.lint(JARGON + " Qu'est-ce qu'un plan de secours ? C'est-à-dire la marche à suivre "
                                  "quand tout s'arrête.")
    assert plain.verdicts["peer-jargon"].passed
    assert explaining.verdicts["peer-jargon"].evidence == plain.verdicts["peer-jargon"].evidence
    assert explaining.verdicts["peer-jargon"].required == pytest.approx(1.5 * plain.verdicts["peer-jargon"].required)
    assert tone(explaining, "peer-jargon") and all(d.severity == Severity.SUGGESTION
                                                   for d in tone(explaining, "peer-jargon"))
    also_named = FR.lint(JARGON + " Le COP représente le rendement de la pompe, appelé aussi coefficient.")
    assert also_named.verdicts["peer-jargon"].required == pytest.approx(1.5 * plain.verdicts["peer-jargon"].required)
    # one definition is not yet an explaining draft
    once = FR.lint(JARGON + " Qu'est-ce qu'un plan de secours ? La marche à suivre quand tout s'arrête.")
    assert once.verdicts["peer-jargon"].required == plain.verdicts["peer-jargon"].required


EN_JARGON = ("Your PPC account needs branded keywords, a lower cost-per-click and a clean ad group. "
             "We check the broad match terms first.")


def test_an_english_draft_that_explains_its_terms_needs_more_evidence_of_jargon():
    plain = EN.lint(EN_JARGON)
    explaining = EN.lint(EN_JARGON + " PPC stands for pay-per-click. A broad match, in other words, "
                                     "lets Google pick similar searches.")
    assert explaining.verdicts["peer-jargon"].required == pytest.approx(1.5 * plain.verdicts["peer-jargon"].required)
    # "means" alone is too common a word to tell an explaining draft
    meaning = EN.lint(EN_JARGON + " It means work. That means time.")
    assert meaning.verdicts["peer-jargon"].required == plain.verdicts["peer-jargon"].required


def test_a_release_needs_more_evidence_of_self_promotion():
    """In a release, the organisation's praise is the release's voice: self-promotion is raised by the
    press-release verdict, judged first whatever the order of the pack."""
    from tonelint.verdict import VerdictModel, VerdictRaise, judge
    from tonelint.model import Diagnostic, Span

    def finding(category, start, strength):
        d = Diagnostic(rule=f"x.{category}.r{start}", category=category, severity=Severity.WARNING, message="",
                       span=Span(start, start + 3), match=f"w{start:02d}")
        d.strength = strength
        return d

    models = {"self-promotion": VerdictModel(threshold=1, raised_when=VerdictRaise("press-release", 2)),
              "press-release": VerdictModel(threshold=2)}
    praise = [finding("self-promotion", 0, 1.5)]
    alone = judge(praise, 100, models)
    assert alone["self-promotion"].passed and alone["self-promotion"].required == 1
    release = judge(praise + [finding("press-release", 10, 2)], 100, models)
    assert release["press-release"].passed
    assert release["self-promotion"].required == 2 and not release["self-promotion"].passed
    assert list(release) == list(models)


def test_a_threshold_raise_counts_its_cue_across_blocks():
    import re

    from tonelint.verdict import ThresholdRaise

    raise_ = ThresholdRaise(re.compile(r"\bmeans\b"), min=2, factor=2)
    assert raise_.applies(["It means this.", "It means that."])
    assert not raise_.applies(["It means this."]) and not raise_.applies([])


def test_two_french_announcements_make_a_release():
    """Each distinct announcement of the French rule weighs as much as the first (its own
    repeat_decay): a text announcing two winners is a release; one announcement is a hint."""
    one = FR.lint("La société Dupont a remporté le trophée de l'innovation. Bravo à toute l'équipe.")
    two = FR.lint("La société Dupont a remporté le trophée de l'innovation. La société Martin a été sacrée "
                  "entreprise de l'année.")
    assert not one.verdicts["press-release"].passed
    assert two.verdicts["press-release"].passed


def test_prices_are_no_prize():
    """« nos prix » are prices: no self-praise, however many times the draft talks about them."""
    result = FR.lint("Nos prix sont affichés à l'entrée. Notre prix comprend la pose et le transport.")
    assert not tone(result, "self-promotion") or all(d.match.lower() != "prix" for d in tone(result, "self-promotion"))


def test_self_praise_with_self_reference_is_a_warning():
    result = EN.lint("We are the best agency in town. Our award-winning team delivers exceptional results. "
                     "We are a world-class studio.")
    assert any(d.severity == Severity.WARNING for d in tone(result, "self-promotion"))


@pytest.mark.parametrize("text", [
    "Avoid buzzwords like “we are thrilled to announce” and “world-class”: say what changed for the reader.",
    "Bannissez la langue de bois : « leader mondial », « solution clé en main » ne disent rien.",
])
def test_mentions_are_suggestions_and_weigh_nothing(text):
    engine = FR if "«" in text else EN
    result = engine.lint(text)
    found = tone(result, "press-release")
    assert found and all(d.severity == Severity.SUGGESTION for d in found)
    assert result.verdicts["press-release"].evidence == 0


@pytest.mark.parametrize("text, mentioned", [
    # « cliché » is also a photograph or an X-ray in French: the trade post that talks about one uses its words
    ("Après la prise du cliché, contrôlez les cols de l'ilium, les lignes trochantériennes et le plan sagittal.", False),
    ("Sur les clichés radiographiques, les cols de l'ilium, les lignes trochantériennes et le plan sagittal comptent.", False),
    # the worn-out phrase: the sentence talks about words
    ("Les clichés comme les cols de l'ilium, les lignes trochantériennes et le plan sagittal lassent.", True),
    ("Les clichés qui reviennent : les cols de l'ilium, les lignes trochantériennes et le plan sagittal.", True),
    ("Prenez trois clichés de face : les cols de l'ilium, les lignes trochantériennes et le plan sagittal.", False),
])
def test_a_french_cliche_is_a_cue_only_as_a_worn_out_phrase(text, mentioned):
    rare = [d for d in FR.lint(text).diagnostics if d.rule == "fr.peer-jargon.vocabulaire-rare"]
    assert rare and all(d.mention is mentioned for d in rare)


def test_examples_introduced_by_a_colon_are_mentions():
    text = "Here are phrases like these, seen in every news feed:\n\n- We are thrilled to announce\n- a world-class leader"
    result = EN.lint(text, "markdown")
    assert tone(result, "press-release") and all(d.mention for d in tone(result, "press-release"))


def test_such_as_with_its_example_already_given_introduces_no_examples():
    """"such as:" introduces the list below; "conditions such as device compliance:" gave its example,
    and its colon introduces something else: a trade term on the next line is still used."""
    intro = "Add users to this group to enforce conditions such as device compliance:\n\nConditional Access users\n\n"
    used = [d for d in EN.lint(intro + "The Conditional Access policy blocks sign-in.").diagnostics
            if d.match.lower() == "conditional access"]
    assert used and not any(d.mention for d in used)
    listed = [d for d in EN.lint("Avoid trade terms such as:\n\nConditional Access\n\nWrite for the reader.").diagnostics
              if d.match.lower() == "conditional access"]
    assert listed and all(d.mention for d in listed)


@pytest.mark.parametrize("engine, text, listed", [
    # a bare list of words after a line ending with a colon: the words a post discusses
    (EN, "An editor sent me the words he strikes out first:\n\nBest-of-breed, cutting edge, market leading, "
         "state-of-the-art, synergy, value-added and world class.", True),
    (FR, "Voici ce qu'un lecteur ne lit plus :\n\nincontournable, leader, innovant, synergie, "
         "clé en main et haut de gamme.", True),
    # the same words in a sentence after the colon, or a list with no colon before it, are used
    (EN, "Here is what we do:\n\nWe build state-of-the-art kitchens with a world class team for you.", False),
    (EN, "Our kitchens:\n\nBest-of-breed, cutting edge, state-of-the-art.", False),
    (EN, "We promise best-of-breed, cutting edge, market leading, state-of-the-art, world class work.", False),
])
def test_a_bare_list_of_words_after_a_colon_is_mentioned(engine, text, listed):
    found = [d for d in engine.lint(text, "markdown").diagnostics if d.category in ("self-promotion", "press-release")]
    assert found and all(d.mention is listed for d in found)


def test_quoted_trade_terms_are_mentions_unless_a_pack_says_otherwise():
    """Quotation marks make a mention (the labelling guideline: posts quote jargon to criticise
    it); `mention.quotes_still_count` lets a pack count a dimension's quoted words as used."""
    from tonelint.mention import MentionModel

    text = "Le « workflow » de la page est simple."
    result = FR.lint(text)
    jargon = [d for d in result.diagnostics if d.rule == "fr.peer-jargon.mots-anglais"]
    assert [d.match for d in jargon] == ["workflow"] and jargon[0].mention
    start = text.index("workflow")
    strict = MentionModel.from_spec({"quotes_still_count": ["peer-jargon"]})
    assert strict.is_mention(text, (0, len(text)), start, start + 8, category="peer-jargon") is False
    assert strict.is_mention(text, (0, len(text)), start, start + 8, category="press-release") is True


@pytest.mark.parametrize("text", [
    # a stray opening guillemet earlier in the paragraph: the later quotations still pair up
    "Pour ne pas faire « « die » notre cher Pivot, arrêtons de penser que « top » dit mieux que "
    "« très bien », « génial » ou « épatant ».",
    # a quotation inside another, the way French nests them
    "Sur notre site, le slogan « des soins “exceptionnels”, une équipe “passionnée” » ne dit rien au client.",
])
def test_quotations_pair_by_their_own_marks_not_as_straight_quotes(text):
    """Typographic marks say which one opens and which closes; read as straight quotes, one stray
    mark would pair every later mark of the paragraph the wrong way."""
    found = [d for d in FR.lint(text).diagnostics if d.category == "self-promotion"]
    assert len(found) >= 2 and all(d.mention for d in found)


@pytest.mark.parametrize("engine, text", [
    # straight and curly marks mixed, or curly ones that do not pair: read one after another, as straight ones
    (EN, "Stop calling your firm “world-class\" in every post."),
    (EN, "Stop calling your firm ”world-class” in every post."),
    (FR, "Dans notre équipe, le mot «exceptionnel\" revenait sans cesse."),
])
def test_marks_that_do_not_pair_are_read_as_straight_quotes(engine, text):
    found = [d for d in engine.lint(text).diagnostics if d.category == "self-promotion"]
    assert found and all(d.mention for d in found)


def test_a_quotation_inside_another_with_the_same_marks_belongs_to_it():
    """« …, que nos clients appellent « la brigade », est… », précise X: the praise after the inner
    quotation is still the speaker's (a quarter of its weight), not the author's."""
    text = ("« Notre équipe, que nos clients appellent « la brigade », est exceptionnelle et passionnée depuis "
            "vingt ans », précise Jean Roy, directeur.")
    weights = [d.strength for d in FR.lint(text).diagnostics if d.rule == "fr.self-promotion.eloge-de-soi"]
    assert weights and all(w == pytest.approx(0.25) for w in weights)


@pytest.mark.parametrize("text, term, quoted", [
    ("Checklists are full of tasks like 'check canonical tag setup' that cost you weeks.", "canonical tag", True),
    ("Don't chase 'backlinks' first: it's the reviews that bring calls.", "backlinks", True),
    # apostrophes inside words and a plural possessive open no quotation
    ("It's our clients' backlinks that count, and the crawl budget isn't yours to set.", "backlinks", False),
])
def test_straight_single_quotes_quote_apostrophes_do_not(text, term, quoted):
    result = EN.lint(text)
    found = [d for d in result.diagnostics if d.match == term]
    assert found and found[0].mention is quoted


def test_a_quoted_speech_is_a_use_not_a_mention():
    text = ("« Nous sommes fiers d'annoncer cette entente qui renforce notre position de chef de file "
            "dans toute la province », a déclaré Marie Roy, présidente d'Acme.")
    result = FR.lint(text)
    assert any(d.rule == "fr.press-release.fier-d-annoncer" and not d.mention for d in result.diagnostics)
    assert result.profile["press-release"]["verdict"]["severity"] == "warning"


@pytest.mark.parametrize("text", [
    "\u2018This merger lets us deliver unrivalled value,\u2019 said Juan Martinez, managing partner.",
    "'This merger lets us deliver unrivalled value for money,' said Juan Martinez, managing partner.",
    # a double quotation inside the single one belongs to it; a plural possessive closes nothing
    "'Clients call it \"the Leeds way\", and our service is unrivalled,' said Jane Roy, managing partner.",
    "\u2018Our customers\u2019 trust in our unrivalled service,\u2019 said Juan Martinez.",
])
def test_praise_in_a_single_quoted_speech_weighs_as_speech(text):
    """The British and Australian press quote speakers in single marks: their praise is theirs."""
    strengths = [d.strength for d in EN.lint(text).diagnostics if d.category == "self-promotion"]
    assert strengths and all(strength <= 0.25 for strength in strengths)
    # an apostrophe opens no quotation: "we don't say that lightly" is the writer's own praise
    assert [d.strength for d in EN.lint("Our team's service is unrivalled in Leeds, we don't say that lightly.").diagnostics
            if d.category == "self-promotion"] == [1.0]


def test_terms_heading_glossary_entries_are_discussed_but_a_pitch_s_headings_are_not():
    glossary = ("The terms you will meet.\n\n1. Demurrage:\n\nA fee for cargo left at the port.\n\n"
                "2. Freight Forwarder:\n\nThe firm that books your shipment.\n\n3. Containerization:\n\n"
                "Packing goods into standard boxes.")
    findings = [d for d in EN.lint(glossary).diagnostics if d.rule == "en.peer-jargon.trade-jargon"]
    assert findings and all(d.mention for d in findings)
    pitch = ("Why us.\n\n1. Award-winning service:\n\nWe won again.\n\n2. World-class team:\n\nOur staff.\n\n"
             "3. Unbeatable prices:\n\nAsk us.")
    assert any(not d.mention for d in EN.lint(pitch).diagnostics if d.category == "self-promotion")


def test_a_glossary_of_terms_over_their_definitions_is_about_its_terms():
    """Four terms or more, each alone on its line with its definition on the next: a glossary, whose
    terms (and the terms its definitions use) are discussed. Short lines over long ones that do not
    alternate so (a therapist's checklist) are no glossary."""
    glossary = ("Freight glossary\n"
                "Backhaul\nThe return trip of a truck after delivering a load, which reduces deadhead miles.\n"
                "Bobtail\nA tractor operating without a trailer attached to it.\n"
                "Demurrage\nA fee charged when cargo stays at the port too long.\n"
                "Cross-Docking\nUnloading freight from one truck straight onto another one.\n")
    findings = [d for d in EN.lint(glossary).diagnostics if d.category == "peer-jargon"]
    assert findings and all(d.mention for d in findings)
    checklist = ("START\nEarly restoration of full extension and quadriceps activation.\n"
                 "Closed-chain movements,\nbalance training,\nDemurrage and deadhead miles cost the carrier money every week.\n"
                 "Excessive knee flexion in stance\nFlat foot contact\n")
    assert any(not d.mention for d in EN.lint(checklist).diagnostics if d.category == "peer-jargon")


def test_every_headword_of_a_glossary_line_is_discussed():
    """A list of words to avoid, several to a line ("mail, email : mél."): each headword is talked about."""
    text = ("Tout le temps :\nslide : visuel, planche\nmail, email : mél. (le canal), courriel (le message)\n"
            "OPEX, CAPEX, EBITDA : budget de fonctionnement, investissement\nfocus, focusser : mettre l'accent\n")
    findings = [d for d in FR.lint(text).diagnostics if d.category == "peer-jargon" and d.match in ("email", "CAPEX", "focusser")]
    assert findings and all(d.mention for d in findings)


@pytest.mark.parametrize("engine, text, term, quoted", [
    # a short quotation that a speech verb attributes, after a comma or before a colon, is speech
    (FR, "« Notre force, c'est la souplesse », poursuit Loïc Roy, chef de projet.", "notre force", False),
    (FR, "Loïc Roy, chef de projet, précise : « Notre force, c'est la souplesse. »", "notre force", False),
    (EN, "\u201cOur team is world-class,\u201d said Jane Roe.", "world-class", False),
    (EN, "Jane Roe says: \u201cOur team is world-class.\u201d", "world-class", False),
    # without the comma, the verb says what the words do: they are talked about
    (EN, "\u201cWorld-class\u201d adds nothing to your pitch.", "World-class", True),
    (FR, "Évitez les formules comme « leader mondial » dans vos textes.", "leader mondial", True),
    # a pull quote or a testimonial signed with a name, on the next line or after a dash
    (FR, "“Notre force réside dans notre flexibilité”\nLoïc Van Durmen\nChef de projet", "notre force", False),
    (EN, "“A world-class team.” — Jane Doe, Leeds", "world-class", False),
    (EN, "Avoid “world-class” – Your readers skip it.", "world-class", True),
])
def test_a_short_quotation_attributed_to_a_speaker_is_speech(engine, text, term, quoted):
    found = [d for d in engine.lint(text).diagnostics if d.match.lower() == term.lower()]
    assert found and all(d.mention is quoted for d in found)


def test_words_mentioned_once_are_mentioned_wherever_they_come_back():
    """A post that quotes "I'm thrilled to announce" to mock it, then plays with the words
    unquoted, is still talking about them; a release that uses them is not helped by a quote."""
    mocking = ("I'm thrilled to announce\n\nActually, I have nothing to announce.\n\n"
               "Let's retire \u201cI'm thrilled to announce\u201d this year. Your reader does not care.\n\n"
               "Not even when you're thrilled to announce it.\n")
    result = EN.lint(mocking)
    found = [d for d in result.diagnostics if d.rule == "en.press-release.thrilled-to-announce"]
    assert len(found) == 3 and all(d.mention for d in found)
    assert result.profile["press-release"]["verdict"]["severity"] == "suggestion"
    unquoted = mocking.replace("\u201cI'm thrilled to announce\u201d", "the phrase")
    assert not any(d.mention for d in EN.lint(unquoted).diagnostics if d.rule == "en.press-release.thrilled-to-announce")
    release = ("Acme is thrilled to announce its merger with Beta. \u201cWe are thrilled to announce this deal "
               "with Beta, which brings our two teams together,\u201d said Jane Doe, CEO of Acme.")
    assert not any(d.mention for d in EN.lint(release).diagnostics)


def test_user_severity_wins_over_the_verdict():
    engine = Engine(config_from_dict({"lang": "fr", "severity": {"fr.press-release.cliches": "error"}}))
    result = engine.lint("Je suis un leader mondial de la bonne humeur.")
    assert all(d.severity == Severity.ERROR for d in result.diagnostics if d.rule == "fr.press-release.cliches")


def test_min_severity_applies_after_the_verdict():
    engine = Engine(Config(lang="fr", min_severity=Severity.WARNING))
    assert not tone(engine.lint("Je suis un leader mondial de la bonne humeur."), "press-release")


def test_speech_verbs_match_generated_forms():
    # « avait souligné » is nowhere in the lexicon: it is generated from « souligner ».
    result = FR.lint("« Nos ventes montent », avait souligné Paul Martin, fondateur de la firme.")
    assert any(d.rule == "fr.press-release.citation-dirigeant" and d.match.startswith("avait souligné")
               for d in result.diagnostics)


def test_inflection():
    assert {"a déclaré", "déclarent", "déclarait", "ont déclaré"} <= set(verb_forms("déclarer", "fr"))
    assert "annonçait" in verb_forms("annoncer", "fr")
    assert "s'est félicitée" in verb_forms("se féliciter", "fr")
    assert verb_forms("dire = dit|a dit", "fr") == ["a dit", "dire", "dit"]
    assert {"emphasized", "emphasizes"} <= set(verb_forms("emphasize", "en"))
    assert {"annonçons", "annoncera", "annoncerons", "annonceront"} <= set(verb_forms("annoncer", "fr"))
    assert {"annonça", "annoncèrent", "engagea"} <= set(verb_forms("annoncer", "fr") + verb_forms("engager", "fr"))
    assert {"octroie", "octroient", "octroiera", "octroyé", "octroyait"} <= set(verb_forms("octroyer", "fr"))
    # an e or é before one consonant opens before a silent ending; not before two (« présente »)
    assert {"révèle", "révèlent", "révélé", "révélait", "révélera"} <= set(verb_forms("révéler", "fr"))
    assert {"lève", "célèbrent"} <= set(verb_forms("lever", "fr") + verb_forms("célébrer", "fr"))
    assert "présente" in verb_forms("présenter", "fr") and "révéle" not in verb_forms("révéler", "fr")
    assert {"emphasizing", "seeing", "planning", "planned"} <= {
        *verb_forms("emphasize", "en"), *verb_forms("see", "en"), *verb_forms("plan", "en")}
    assert set(french_adjective_forms("exceptionnel")) == {"exceptionnel", "exceptionnelle", "exceptionnels",
                                                           "exceptionnelles"}
    assert "rigoureuse" in french_adjective_forms("rigoureux") and "primées" in french_adjective_forms("primé")
    assert set(french_adjective_forms("novateur")) == {"novateur", "novatrice", "novateurs", "novatrices"}
    assert "trompeuse" in french_adjective_forms("trompeur") and "supérieures" in french_adjective_forms("supérieur")
    assert "protectrice" in french_adjective_forms("protecteur") and "menteuse" in french_adjective_forms("menteur")


@pytest.mark.parametrize("pack, field", [
    ("verdict:\n  press-release: {per_100_words: 1}\n", "threshold"),
    ("verdict:\n  press-release: {threshold: -1}\n", "threshold"),
    ("verdict:\n  press-release: {threshold: 2, decay: 1}\n", "verdict.press-release"),
    ("verdict:\n  peer-jargon: {threshold: 2, raised_by: {min: 2}}\n", "verdict.peer-jargon.raised_by"),
    ("verdict:\n  peer-jargon: {threshold: 2, raised_by: {cue: '(', min: 2}}\n", "raised_by.cue"),
    ("verdict:\n  peer-jargon: {threshold: 2, raised_by: {cue: x, factor: 0.5}}\n", "raised_by.factor"),
    ("verdict:\n  peer-jargon: {threshold: 2, raised_by: {cue: x, min: 0}}\n", "raised_by.min"),
    ("verdict:\n  peer-jargon: {threshold: 2, raised_by: {cue: x, outside_quotes: 1}}\n", "raised_by.outside_quotes"),
    ("verdict:\n  self-promotion: {threshold: 2, min_variety: 2.5}\n", "min_variety"),
    ("verdict:\n  self-promotion: {threshold: 2, raised_when: {factor: 2}}\n", "raised_when"),
    ("verdict:\n  self-promotion: {threshold: 2, raised_when: {passes: self-promotion}}\n", "raised_when.passes"),
    ("verdict:\n  self-promotion: {threshold: 2, raised_when: {passes: press-release, factor: 0.5}}\n", "raised_when.factor"),
    ("verdict:\n  self-promotion: {threshold: 2, min_variety: -1}\n", "min_variety"),
    ("mention: [a]\n", "mention"),
    ("mention:\n  topics:\n    peer-jargon: {cue: jargon, not_after: 3}\n", "mention.topics.peer-jargon"),
    ("mention:\n  topics:\n    peer-jargon: {cue: jargon, after: sans}\n", "mention.topics.peer-jargon"),
    ("mention:\n  announcements: the following words\n", "mention.announcements"),
    ("mention:\n  examples: [3]\n", "mention.examples"),
])
def test_bad_pack_settings_name_the_field(tmp_path, pack, field):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "pack.yaml").write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError, match=field):
        read_pack_settings("fr", [tmp_path])


@pytest.mark.parametrize("pack", [
    "verdict:\n  self-promotion: {threshold: 2, raised_when: {passes: no-such-thing}}\n",
    # a dimension with no verdict model can never pass
    "verdict:\n  self-promotion: {threshold: 2, raised_when: {passes: dialogue}}\n",
    # one step only: the dimension that raises is judged on its own evidence
    "verdict:\n  self-promotion: {threshold: 2, raised_when: {passes: press-release}}\n"
    "  press-release: {threshold: 2, raised_when: {passes: peer-jargon}}\n",
])
def test_a_verdict_raise_names_a_dimension_judged_on_its_own(tmp_path, pack):
    from tonelint.rulepack import builtin_rules_dir
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "pack.yaml").write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError, match="raised_when.passes"):
        read_pack_settings("fr", [builtin_rules_dir(), tmp_path])


def test_a_post_about_press_releases_quotes_them():
    text = ("Un communiqué de presse efficace tient en une page. Votre communiqué doit avoir un titre clair. "
            "Évitez d'ouvrir votre communiqué ainsi : Acme est fière d'annoncer le lancement de sa solution "
            "clé en main, a déclaré Marie Roy, présidente d'Acme.")
    result = FR.lint(text)
    found = tone(result, "press-release")
    assert found and all(d.mention and d.severity == Severity.SUGGESTION for d in found)
    # The same release phrases without the talk about releases are a release.
    release = FR.lint("Acme est fière d'annoncer le lancement de sa solution clé en main, "
                      "a déclaré Marie Roy, présidente d'Acme.")
    assert any(d.severity == Severity.WARNING for d in tone(release, "press-release"))


@pytest.mark.parametrize("engine, advice, claims", [
    ("en", "Four words you should never write. Don't use these words in your proposals: they are vague terms "
           "that raise your reader's suspicions. Stop using these phrases today. ",
     "We are the premier training company. Our award-winning team is a leading provider of world-class "
     "revolutionary courses."),
    ("fr", "Quatre mots à ne plus écrire. N'allez pas utiliser ces mots dans vos offres : ce sont des termes creux "
           "qui éveillent la méfiance du lecteur. Bannissez ces formules dès aujourd'hui. ",
     "Nous sommes le chef de file du secteur. Notre équipe primée offre un service exceptionnel et "
     "une expertise inégalée."),
])
def test_a_post_about_word_choice_quotes_the_self_praise_it_warns_against(engine, advice, claims):
    engine = {"fr": FR, "en": EN}[engine]
    assert engine.lint(claims).profile["self-promotion"]["verdict"]["severity"] == "warning"
    found = tone(engine.lint(advice + claims), "self-promotion")
    assert found and all(d.mention and d.severity == Severity.SUGGESTION for d in found)


@pytest.mark.parametrize("engine, relay", [
    ("fr", "Le résultat a augmenté de 20 %, indique le Groupe dans un communiqué. Les ventes ont progressé, "
           "ajoute le communiqué. Selon le communiqué, « nous sommes fiers d'annoncer une année record », "
           "a déclaré Marie Roy, présidente d'Acme."),
    # a blog that reproduces a release under its header; « ont communiqué » is the verb, not a release
    ("fr", "Nous reprenons ici le communiqué de presse de la Fédération.\n\nCommuniqué de presse\n\n15 juin 2016\n\n"
           "Les 72 lycées qui ont communiqué leurs résultats enregistrent d'excellentes performances. "
           "« Nous sommes fiers de ces résultats », a déclaré Marie Roy, présidente de la Fédération."),
    ("en", "Profit rose 20%, the group said in a press release. Sales grew, according to the press release. "
           "“We are thrilled to announce a record year,” Jane Doe, CEO of Acme, said in the press release."),
    # the citing words may be long ("confirmed yesterday in a joint")
    ("en", "Profit rose, the group confirmed yesterday in a joint press release. Sales grew, the bank confirmed "
           "yesterday in a joint press release. The deal closes in May, the two confirmed yesterday in a joint "
           "press release. “We are thrilled to announce a record year,” said Jane Doe, CEO of Acme."),
])
def test_a_relay_that_cites_its_release_is_not_about_releases(engine, relay):
    found = tone((FR if engine == "fr" else EN).lint(relay), "press-release")
    # a source cited, not a topic discussed: the release's own conventions (outside quotation marks) count
    framed = [d for d in found if d.rule.endswith(("communique-cite", "release-cited", "citation-dirigeant",
                                                    "citation-attribuee", "executive-quote", "attributed-quote"))]
    assert framed and not any(d.mention for d in framed)
    assert any(d.severity == Severity.WARNING for d in found)


def test_a_post_about_jargon_quotes_it():
    jargon = ("On vous promet des leads qualifiés sur tous les devices, un funnel optimisé et un reporting "
              "avec des KPI en temps réel.")
    about = ("Ce charabia a un vernis d'expertise. " + jargon + " Les anglicismes et la novlangue des "
             "agences ne disent rien : parlez français à vos clients.")
    found = tone(FR.lint(about), "peer-jargon")
    assert found and all(d.mention and d.severity == Severity.SUGGESTION for d in found)
    # The same terms in a post that does not talk about jargon are jargon.
    assert any(d.severity == Severity.WARNING for d in tone(FR.lint(jargon), "peer-jargon"))
    # A promise of no jargon talks about the writer, not about words: its terms are still used.
    promise = ("No jargon, ever. We are jargon-free, without the jargon of other firms. Your EBITDA, "
               "working capital and accrual basis drive the loan covenants.")
    assert any(d.severity == Severity.WARNING for d in tone(EN.lint(promise), "peer-jargon"))


def test_lexicon_macros_expand_and_give_anchor_words(tmp_path):
    from tonelint.checks.base import CompileContext, expand_lexicon_macros
    from tonelint.rulepack.schema import Rule
    (tmp_path / "fr" / "lexicons").mkdir(parents=True)
    (tmp_path / "fr" / "lexicons" / "verbes.txt").write_text("déclarer\ndire = dit|a dit\n", encoding="utf-8")
    (tmp_path / "fr" / "lexicons" / "titres.txt").write_text("{président|présidente-directrice générale}\n",
                                                               encoding="utf-8")
    rule = Rule(id="fr.x.y", lang="fr", category="x", slug="y", path="y.yaml", title="", kind="existence",
                severity=Severity.WARNING, message="", description="", match={})
    ctx = CompileContext("fr", None, [tmp_path])
    pattern, anchors = expand_lexicon_macros(rule, "{{verbs:verbes.txt}} {{lexicon!:titres.txt}} {{lexicon:titres.txt}}",
                                             ctx, "match.regex")
    assert anchors == [frozenset({"déclare", "déclarent", "déclarons", "déclarait", "déclaraient", "déclaré", "déclarer",
                                  "déclarera", "déclareront", "déclarerons", "déclara", "déclarèrent", "dit", "dire"}),
                       frozenset({"président", "générale"})]
    import re
    assert re.fullmatch(pattern, "a déclaré présidente-directrice générale président")
    assert expand_lexicon_macros(rule, "{{lexicon:titres.txt}}", ctx, "match.regex")[1] == []


def test_a_pattern_macro_inlines_a_shared_regular_expression(tmp_path):
    from tonelint.checks.base import CompileContext, expand_lexicon_macros
    from tonelint.rulepack.schema import Rule, RuleError
    lexicons = tmp_path / "en" / "lexicons"
    lexicons.mkdir(parents=True)
    (lexicons / "shared.txt").write_text("planet\n{town|city}\n", encoding="utf-8")
    (lexicons / "ours.pattern").write_text("# whose 'our'\n\\bour\\b(?!\\s+{{lexicon:shared.txt}})\n\\bwe\\b\n[#]1\n", encoding="utf-8")
    (lexicons / "nested.pattern").write_text("{{pattern:ours.pattern}}\n", encoding="utf-8")
    rule = Rule(id="en.x.y", lang="en", category="x", slug="y", path="y.yaml", title="", kind="existence",
                severity=Severity.WARNING, message="", description="", match={})
    ctx = CompileContext("en", None, [tmp_path])
    pattern, anchors = expand_lexicon_macros(rule, "{{pattern:ours.pattern}} team", ctx, "match.regex")
    import re
    assert anchors == [] and re.search(pattern, "our team") and re.search(pattern, "we team")
    assert re.search(pattern, "#1 team")  # a '#' inside an expression is no comment
    assert not re.search(pattern, "our city team")
    for bad in ("{{pattern!:ours.pattern}}", "{{pattern:nested.pattern}}", "{{pattern:missing.pattern}}"):
        with pytest.raises(RuleError):
            expand_lexicon_macros(rule, bad, ctx, "match.regex")


def test_our_community_is_no_owner_of_the_praise_beside_it():
    def strengths(text):
        return [d.strength for d in EN.lint(text).diagnostics if d.category == "self-promotion"]

    assert strengths("Our community is lucky: the lake is world-class.") == [0.5]
    assert strengths("Our team is lucky: the lake is world-class.") == [1.0]


def test_the_author_named_in_the_third_person_praises_itself():
    text = ("Metro Law has recovered more than $500 million for victims. Metro Law offers exceptional "
            "service to every client. Call us about your case.")
    result = EN.lint(text)
    rules = {r for d in tone(result, "self-promotion") for r in (d.rule, *(a["rule"] for a in d.also))}
    assert rules & {"en.self-promotion.company-praise", "en.self-promotion.self-praise"}
    assert result.profile["self-promotion"]["verdict"]["severity"] == "warning"


def test_praise_without_an_owner_in_its_paragraph_weighs_less():
    # A winner's "cutting-edge" tower in an awards release may be a third party's; "our" makes it ours.
    def strength(text):
        return [d.strength for d in EN.lint(text).diagnostics if d.rule == "en.self-promotion.superlatives"]

    assert strength("The hotel tower uses cutting-edge methods.") == [0.5]
    assert strength("Our hotel tower uses cutting-edge methods.") == [1.0]
    assert strength("Metro Law is fast. Metro Law is local.\n\nMetro Law uses cutting-edge methods.") == [1.0]
    assert strength("The firm uses cutting-edge methods.") == [1.0]
    assert strength("The hotel uses cutting-edge methods in the US.") == [0.5]  # "US" is no "us"
    # The paragraph, not the sentence, says whose praise it is.
    assert strength("We build towers. They use cutting-edge methods.\n\nThe hotel is cutting-edge too.") == [1.0, 0.5]
    # The same in French, and for a claim to be first.
    french = [d.strength for d in FR.lint("La clinique propose des soins révolutionnaires.\n\nNos soins sont "
                                        "révolutionnaires aussi.").diagnostics if d.rule == "fr.self-promotion.superlatifs"]
    assert french == [0.5, 1.0]
    first = [d.strength for d in EN.lint("It was the first bakery in Ohio.\n\nWe are the first bakery in Ohio.").diagnostics
             if d.rule == "en.self-promotion.first-and-only"]
    assert first == [0.5, 1.0]
    # The solo practitioner is the business: "I" and « je » own the praise too.
    assert strength("I use cutting-edge methods for every portrait.") == [1.0]
    solo = [d.strength for d in FR.lint("J'offre des soins révolutionnaires.").diagnostics
            if d.rule == "fr.self-promotion.superlatifs"]
    assert solo == [1.0]


def test_author_names_from_about_heading_and_repeated_subjects():
    from tonelint.selfnames import author_names
    texts = ["About Acme Roofing", "Acme Roofing fixes roofs. We answer fast. Acme Roofing is local.", "Today we rest."]
    starts = [[0], [0, 26, 43], [0]]
    assert author_names("en", texts, starts) == ["Acme Roofing"]
    assert author_names("en", ["Today is sunny. Today is warm."], [[0, 16]]) == []  # an everyday word
    # "I" is capitalised by grammar: "Do I" opening FAQ questions names nobody
    assert author_names("en", ["Do I need a permit? Do I pay a deposit?"], [[0, 20]]) == []
    # The house a page welcomes its reader to, when the organisation speaks in the text
    assert author_names("en", ["Welcome to Acme Dental! We care for your smile."], [[0]]) == ["Acme Dental"]
    assert author_names("fr", ["Bienvenue chez Boulangerie Roy. Nos pains sont faits main."], [[0]]) == ["Boulangerie Roy"]
    assert author_names("en", ["Welcome to Lisbon, the city of light.", "Flights to the US are cheap."], [[0], [0]]) == []
    assert author_names("en", ["Welcome to Lisbon.", "Trams.", "Trams.", "We loved it."], [[0], [0], [0], [0]]) == []
    assert author_names("en", ["Welcome to the Club. We meet on Mondays."], [[0]]) == []  # an everyday word


def test_author_name_under_a_bare_about_heading():
    from tonelint.selfnames import author_names
    # the heading alone, the name opening the paragraph below it (or the next line)
    assert author_names("en", ["About us", "Harbour Lane Bakery is a family firm."], [[0], [0]]) == ["Harbour Lane Bakery"]
    assert author_names("fr", ["À propos\nAtelier Morin fabrique des meubles."], [[0]]) == ["Atelier Morin"]
    # an everyday word opening the paragraph is no name; a heading that says more is not bare
    assert author_names("en", ["About", "The shop opened in 1990."], [[0], [0]]) == []
    assert author_names("en", ["About our prices", "Harbour Lane Bakery is cheap."], [[0], [0]]) == []


def test_author_name_where_we_speak_from():
    from tonelint.selfnames import author_names
    # "At X, we" / « Chez X, nous »: the writer speaks from inside X
    assert author_names("en", ["At Harbour Lane Bakery, we bake at dawn."], [[0]]) == ["Harbour Lane Bakery"]
    assert author_names("en", ["Here at Brightpath we answer fast."], [[0]]) == ["Brightpath"]
    assert author_names("fr", ["Chez Atelier Morin, nous fabriquons des meubles."], [[0]]) == ["Atelier Morin"]
    # a place that is no organisation of the writer's ("at Christmas, we") is an everyday word
    assert author_names("en", ["At Christmas, we close early."], [[0]]) == []
    # someone else's place, without "we", names nobody
    assert author_names("fr", ["Chez Atelier Morin, les meubles sont chers."], [[0]]) == []


def test_the_same_words_from_two_rules_are_one_piece_of_evidence():
    one = EN.lint("Our team gives exceptional service.")
    flagged = [d for d in tone(one, "self-promotion") if "exceptional" in d.match]
    assert len(flagged) == 1 and flagged[0].also  # superlative and self-praise: one finding, two reasons
    assert one.verdicts["self-promotion"].evidence == pytest.approx(flagged[0].strength, abs=0.41)


def test_one_problem_one_finding():
    """« KPI » is trade jargon and an unexplained acronym: one finding with both reasons, counted once."""
    result = FR.lint("Suivez le KPI chaque semaine.")
    at_kpi = [d for d in result.diagnostics if d.match == "KPI"]
    assert len(at_kpi) == 1
    rules = {at_kpi[0].rule, *(a["rule"] for a in at_kpi[0].also)}
    assert rules == {"fr.peer-jargon.jargon-de-metier", "fr.peer-jargon.sigles"}
    assert all(a["message"] for a in at_kpi[0].also)
    assert at_kpi[0].to_dict()["also"]
    assert result.profile["peer-jargon"]["findings"] == 1
    for selected in (FR.lint("Suivez le KPI chaque semaine.", select=("fr.peer-jargon.sigles",)),
                     Engine(Config(lang="fr", select=("fr.peer-jargon.sigles",))).lint("Suivez le KPI chaque semaine.")):
        # shown as the selected rule's finding, the other reason kept, at the same place
        assert [(d.rule, d.match, d.line, d.column) for d in selected.diagnostics] == [
            ("fr.peer-jargon.sigles", "KPI", 1, 11)]
        assert [a["rule"] for a in selected.diagnostics[0].also] == ["fr.peer-jargon.jargon-de-metier"]
        assert selected.profile["peer-jargon"]["findings"] == 1


def test_findings_of_different_dimensions_stay_apart():
    result = FR.lint("Nous sommes fiers d'annoncer notre nouveau KPI. Nous sommes les meilleurs, les plus rapides.")
    categories = [d.category for d in result.diagnostics]
    assert categories.count("press-release") >= 1 and categories.count("peer-jargon") >= 1


def test_a_client_focused_post_the_repository_owns_gets_no_tone_warning():
    from pathlib import Path

    text = (Path(__file__).resolve().parent / "data" / "prose-fr.txt").read_text(encoding="utf-8")
    result = FR.lint(text)
    assert not [d for d in result.diagnostics if d.category in ("press-release", "self-promotion", "peer-jargon")
                and d.severity >= Severity.WARNING]
    assert result.profile["dialogue"]["level"] == "present"


def test_mention_checks_do_not_rescan_the_paragraph_for_each_finding():
    import time

    def cost(repeats: int) -> float:
        text = "Un leader mondial de la solution clé en main, " * repeats  # one long line, many findings
        engine = Engine(Config(lang="fr"))
        engine.lint("Un leader mondial.")
        start = time.perf_counter()
        engine.lint(text)
        return time.perf_counter() - start

    small, large = min(cost(200) for _ in range(2)), min(cost(2000) for _ in range(2))
    assert large / small < 25, (small, large)  # 10x the text: near-linear, far from 100x


@pytest.mark.parametrize("fmt, text", [
    ("text", "« Toit réparé en un jour, merci ! »\nJulie Roy, Lévis\n\n« Une équipe à l'écoute. »\n\nMarc Roy, propriétaire, Café Roy"),
    ("markdown", "« Toit réparé en un jour, merci ! »\nJulie Roy, Lévis\n\n« Une équipe à l'écoute. »\n\n— Marc Roy"),
    ("html", "<p>« Toit réparé en un jour, merci ! »<br>Julie Roy, Lévis</p><p>« Une équipe à l'écoute. »</p><p>Marc Roy, propriétaire</p>"),
])
def test_testimonials_signed_on_their_own_line(fmt, text):
    """A quotation signed on the next line (same paragraph, <br>, or the next paragraph) is a
    testimonial: two of them are a testimonial-driven pitch."""
    result = FR.lint(text, fmt)
    signed = [d.match for d in result.diagnostics if d.rule == "fr.self-promotion.temoignages"]
    assert len(signed) == 2 and all(m.split()[-1] in ("Lévis", "Roy", "propriétaire") for m in signed)


def test_a_sentence_after_a_quotation_is_no_signature():
    text = "Ma mère disait : « Mesure deux fois. »\nMarc Roy, mon voisin, pense la même chose depuis des années et il a raison."
    assert not [d for d in FR.lint(text).diagnostics if d.rule == "fr.self-promotion.temoignages"]
    # a soft line break that is not in the source (one line) signs nothing
    one_line = "« Une équipe à l'écoute. » Marc Roy, propriétaire"
    assert not [d for d in FR.lint(one_line, "markdown").diagnostics if d.rule == "fr.self-promotion.temoignages"]


@pytest.mark.parametrize("text, explained", [
    ("La dette senior correspond à un prêt classique. Vous remboursez la dette senior en premier.", True),
    ("A canonical tag is a line that names the main address of a page. Add a canonical tag to each page.", True),
    ("Le maillage interne désigne les liens entre vos propres pages.\n\nSoignez votre maillage interne.", True),
    # « est » + a participle is no definition
    ("Le maillage interne est négligé sur votre site. Revoyez le maillage interne.", False),
    # a glossary entry: the term alone on its line, the definition on the next one
    ("A short glossary\nBounce Rate\nThe share of visitors who leave after one page.\nWatch your bounce rate.", True),
    # a question or a heading announces the definition
    ("Qu'est-ce que la liasse fiscale 2033 ?\nUn formulaire de déclaration. Déposez la liasse fiscale en mai.", True),
    ("What is a canonical tag?\nIt names the main address of a page. Add a canonical tag to each page.", True),
    ("Définition du maillage interne\nLes liens entre vos pages. Soignez votre maillage interne.", True),
    # a question that only uses the term asks nothing about it
    ("Pourquoi revoir le maillage interne ?\nSoignez votre maillage interne.", False),
    ("Qu'est-ce que le maillage interne change pour vous ?\nSoignez votre maillage interne.", False),
    ("What is the working capital doing this year?\nWatch your working capital.", False),
    ("A loan uses the definition of working capital from your bank. Watch your working capital.", False),
    # a glossary laid out as headings and paragraphs: the term (or its two names) heads a section
    # whose paragraph opens like a definition
    ("Petit lexique\n\nTaux de rebond ou taux de sortie\n\nC'est la part des visiteurs qui repartent aussitôt.\n\n"
     "Surveillez votre taux de rebond.", True),
    ("Petit lexique\n\nLe maillage interne :\n\nIl s'agit des liens entre vos propres pages.\n\nSoignez le maillage interne.", True),
    ("A glossary\n\nBounce rate (or exit rate)\n\nIt is the share of visitors who leave after one page.\n\n"
     "Watch your bounce rate.", True),
    # a heading that uses the term in a phrase, or a paragraph that does not define it
    ("Pourquoi le taux de rebond grimpe\n\nLe mois dernier, vos visites ont doublé.\n\nSurveillez votre taux de rebond.", False),
    ("A glossary\n\nBounce rate\n\nWe checked it last week.\n\nWatch your bounce rate.", False),
    # a parenthesis that only gives the acronym introduces a short form; it explains nothing
    ("A gift counts as one of your potentially exempt transfers (PETs) for seven years.", False),
    ("Le maillage interne (MI) compte pour Google.", False),
    # the acronym between the term and its definition: still a definition
    ("A bounce rate (BR) is the share of visitors who leave after one page. Watch your bounce rate.", True),
    ("Le maillage interne (MI) désigne les liens entre vos pages. Soignez le maillage interne.", True),
])
def test_a_term_the_draft_defines_is_explained_everywhere(text, explained):
    engine = EN if text.startswith(("A ", "What")) else FR
    jargon = [d for d in engine.lint(text).diagnostics if d.rule.endswith(("jargon-de-metier", "trade-jargon"))]
    assert (not jargon) is explained


@pytest.mark.parametrize("lang, text, explained", [
    # a question of its own sentence within a paragraph, the term's complement before the mark
    ("en", "Your solicitor may mention a Part 36 offer. So what is a Part 36 offer? It settles a claim.", True),
    ("fr", "Votre notaire parle de servitude. Mais qu'est-ce qu'une servitude de passage ? Un droit de passer.", True),
    ("en", "You filed it. So what is the working capital doing this year? Watch your working capital.", False),
    # the term names what the sentence has just described in plain words
    ("en", "Pain under the kneecap when running is what's commonly known as runner's knee; clinically, this is "
           "called patellofemoral pain syndrome.", True),
    ("fr", "Le droit de passer chez le voisin pour rejoindre la rue, c'est ce qu'on appelle une servitude de passage.", True),
    ("en", "We treated your patellofemoral pain syndrome last week.", False),
    # an acronym closing a bracket after its long form, itself after the plain words: explained for
    # the whole draft; a bracket of acronyms that spell nothing before them explains nothing
    ("fr", "Fixez la durée d'interruption admissible (Recovery Time Objective ou RTO) et la perte de données "
           "admissible (Recovery Point Objective, RPO). Le RTO comme le RPO dépendent de votre secteur.", True),
    ("fr", "Vos obligations (RTO, RPO) changent. Le RTO dépend du secteur.", False),
    # the question may open the draft; a trade term sharing its bracket with its acronym glosses the words before
    ("en", "So what is a Part 36 offer? It settles a claim before trial.", True),
    ("en", "Decide how much data you can afford to lose (Recovery Point Objective, RPO) with us.", True),
])
def test_a_term_asked_about_or_named_after_its_description_is_explained(lang, text, explained):
    engine = EN if lang == "en" else FR
    jargon = [d for d in engine.lint(text).diagnostics if d.rule.endswith(("jargon-de-metier", "trade-jargon"))]
    assert (not jargon) is explained


@pytest.mark.parametrize("text, explained", [
    # a bracket of short forms that begin the words before it: « la sphère (PWR/SPH) »
    ("L'ordonnance donne la sphère (PWR/SPH) de chaque œil, puis l'addition (ADD).", True),
    ("L'ordonnance suit les règles (PWR/SPH) de chaque pays.", False),
])
def test_a_bracket_of_abbreviations_of_the_words_before_explains_them(text, explained):
    acronyms = {d.match for d in FR.lint(text).diagnostics if d.rule == "fr.peer-jargon.sigles"}
    assert ("SPH" not in acronyms) is explained


def test_headwords_of_a_list_of_words_are_discussed():
    text = ("Words to think twice about\nUnique: it usually isn't. Prove it\nCutting edge: as above\n"
            "Revolutionary: are you changing society?\nSynergy: sounds like a body spray")
    result = EN.lint(text)
    assert result.verdicts["self-promotion"].evidence == 0
    assert all(d.mention for d in tone(result, "self-promotion"))
    # one "Term: comment" line is no list; a release's contact lines stay its frame
    single = EN.lint("Cutting edge: that is what our award-winning team delivers, every day.")
    assert not any(d.mention for d in tone(single, "self-promotion"))
    release = EN.lint("The plant opens in May.\n\nMedia contact: Jane Doe\nPhone: 555-0100\nEmail: jane@example.com")
    assert any(d.rule == "en.press-release.release-header" and not d.mention for d in release.diagnostics)


@pytest.mark.parametrize("engine, text", [
    ("en", "I binned hundreds of releases.\n\nNever, ever, say the following things in your PR or to the journalist… "
           "you'll be spiked!\nCutting-edge\nGoing the extra mile\nExclusive\nEnd user\nTrending\nHigh profile\n"
           "Solutions\nValue-added\nDisruptive\nSynergy\nMission\nWorld-class\nInnovative\n\nUse plain English."),
    ("fr", "Évitez les expressions suivantes dans vos billets !\nSolution clé en main\nLeader mondial\nChef de file"
           "\n\nÉcrivez simplement."),
    # the same announcement ending with a colon
    ("en", "I binned hundreds of releases.\n\nNever, ever, say the following things in your PR:\nCutting-edge\n"
           "Value-added\nSynergy\nWorld-class\n\nUse plain English."),
])
def test_a_list_a_line_announces_without_a_colon_is_examples(engine, text):
    """"Never say the following things…" announces a list of words to avoid, colon or not, however
    long the list: its items are quoted, not written."""
    result = (EN if engine == "en" else FR).lint(text)
    found = tone(result, "press-release")
    assert found and all(d.mention for d in found)
    assert result.verdicts["press-release"].evidence == 0


@pytest.mark.parametrize("engine, text", [
    ("en", "Their full banned list is even longer – here it is, in order of disgust:\n\nLeverage\n\nSynergies\n\n"
           "Paradigm shift\n\nBest in class\n\nThere are some familiar stinkers there."),
    ("fr", "Voici notre liste noire :\n\nLeader mondial\n\nSolution clé en main\n\nSynergies\n\nÀ vous d'écrire simplement."),
])
def test_a_banned_list_is_examples(engine, text):
    """A colon line that introduces a list of banned words ("banned list", « liste noire ») quotes its items."""
    result = (EN if engine == "en" else FR).lint(text)
    found = tone(result, "press-release")
    assert found and all(d.mention for d in found)


def test_a_release_list_without_an_announcement_is_still_release():
    text = "Acme opens a plant in May.\nWorld-class\nValue-added\nSynergy\n\nThe plant employs 40 people."
    assert not any(d.mention for d in tone(EN.lint(text), "press-release"))


@pytest.mark.parametrize("engine, glossary", [
    ("en", "Our glossary\n\nSEER - Seasonal Energy Efficiency Ratio, how efficient a cooling system is over a year.\n\n"
           "Air Flow - The movement of air.\n\nBTU - British Thermal Unit: the heat that warms a pound of water by one degree."),
    ("fr", "Petit lexique\n\nTVA – Taxe sur la valeur ajoutée, payée par le client final.\n\n"
           "Bilan – La photo de ce que l'entreprise possède et doit.\n\nURSSAF – L'organisme qui collecte les cotisations."),
])
def test_a_glossary_of_term_dash_definition_lines_is_no_dateline(engine, glossary):
    result = (EN if engine == "en" else FR).lint(glossary)
    datelines = [d for d in result.diagnostics if d.rule.endswith(".dateline")]
    assert all(d.mention for d in datelines) and result.verdicts["press-release"].evidence == 0
    # The first entry counts the lines after it: a list is a list from its first line.
    one_dateline = (EN if engine == "en" else FR).lint(glossary.split("\n\n", 2)[1] + "\n\nThe rest of the post.")
    assert [d for d in one_dateline.diagnostics if d.rule.endswith(".dateline") and not d.mention]


def test_a_signature_line_followed_by_more_lines_of_the_paragraph():
    text = "« Toit réparé en un jour ! »\nJulie Roy, Lévis\nElle a fait refaire sa toiture en mars."
    signed = [d.match for d in FR.lint(text).diagnostics if d.rule == "fr.self-promotion.temoignages"]
    assert signed == ["Julie Roy, Lévis"]


@pytest.mark.parametrize("engine, hint, other", [
    ("fr", "« Le chantier avance bien », a déclaré Jean Tremblay.",
     "« Nous sommes fiers de ce nouveau bâtiment pour la ville. »"),
    ("en", "\"The site is ready,\" said Jane Doe.", "\"We are delighted to open our doors to the town.\""),
    ("en", "The plant opens in May, the firm said in a press release.",
     "\"We are delighted to open our doors to the town,\" the manager added."),
])
def test_one_weak_release_hint_is_a_suggestion_and_two_conventions_are_a_release(engine, hint, other):
    linter = EN if engine == "en" else FR
    alone = linter.lint(hint)
    assert not alone.verdicts["press-release"].passed  # journalists attribute quotes and cite releases too
    assert linter.lint(f"{hint} {other}").verdicts["press-release"].passed


def test_adjective_forms_read_back_to_the_adjective():
    from tonelint.inflect import adjective_forms

    assert "admiratif" in adjective_forms("admiratives", "fr")
    assert "entrepreneurial" in adjective_forms("entrepreneuriales", "fr")
    assert "transitoire" in adjective_forms("transitoirement", "fr")
    assert "reliable" in adjective_forms("reliably", "en")
    # a plural alone, a verb form: not guessed from endings (the lemma tables know them)
    assert not adjective_forms("redirections", "fr") & {"redirection"}
    assert adjective_forms("footings", "en") == frozenset() and adjective_forms("rectifying", "en") == frozenset()


def test_praise_in_someone_s_quoted_speech_weighs_less():
    """A director's praise of the firm relayed in quotation marks is the release's voice: press-release
    evidence, and only a little self-promotion; the same words in the author's own sentence weigh fully."""
    def strengths(engine, text, category="self-promotion"):
        return [d.strength for d in engine.lint(text).diagnostics if d.category == category and not d.mention]

    own = strengths(EN, "Our world-leading team of engineers builds bridges.")
    quoted = strengths(EN, "“Our world-leading team of engineers builds bridges,” said Jane Roy, the director.")
    assert own and quoted and max(quoted) == pytest.approx(max(own) * 0.25)
    # a statement that goes on in the next paragraph, still open, is still speech
    story = ("Jane Roy, the director, said: “We doubled our sales this year.\n\n"
             "“Our world-leading team of engineers builds bridges.")
    assert max(strengths(EN, story)) <= 0.25
    # French too, with the speaker going on in a paragraph of its own or after « …, assure-t-elle. »
    french = strengths(FR, "« Notre équipe exceptionnelle bâtit des ponts », a déclaré Jeanne Roy, directrice.")
    assert french and max(french) == pytest.approx(0.25)
    follow_up = ("« Nous modernisons l'usine », explique Jeanne Roy, directrice.\n\n"
                 "« Nous avons une équipe exceptionnelle et nous sommes reconnus partout au pays. »")
    assert max(strengths(FR, follow_up)) <= 0.25
    goes_on = "Le lait vient d'ici, assure-t-elle. « Nous avons deux marques numéro 1 au Canada. »"
    assert max(strengths(FR, goes_on)) <= 0.25
    no_comma = "« Nous avons une collaboration exceptionnelle. » déclare Stéphane Lefebvre, président."
    assert max(strengths(FR, no_comma)) <= 0.25
    # a quotation captioned by its speaker and their role, then a colon
    captioned = "La parole à Olivier Huart, PDG du groupe TDF : « Nous avons une équipe exceptionnelle. »"
    assert max(strengths(FR, captioned)) <= 0.25
    motto = "Chez Acme Conseil, notre promesse : « Nous avons une équipe exceptionnelle. »"
    assert max(strengths(FR, motto)) == 1.0
    # a statement that fills its paragraph is speech; a short quoted phrase alone in its paragraph is a mention
    statement = ("We build bridges.\n\n“Our world-leading engineers have built bridges on every continent "
                 "for forty years.”")
    assert 0 < max(strengths(EN, statement)) <= 0.25
    phrase = [d for d in EN.lint("We build bridges.\n\n“World-leading bridge builders.”").diagnostics
              if d.category == "self-promotion" and "world-leading" in d.match.lower()]
    assert phrase and all(d.mention and d.strength == 0 for d in phrase)
    # a quotation nobody speaks ("“World-class” adds nothing") is a mention or the author's words
    assert max(strengths(EN, "We say our service is “world-class” and our team is world-leading.")) == 1.0


def test_praise_in_a_quotation_presented_as_client_feedback_weighs_fully():
    """A testimonial the firm publishes is its own praise: a quotation led by "we got this feedback…:"
    weighs fully, the same quotation attributed in a news story weighs as speech."""
    quote = "“I'd like to say how impressive it is: we have an exceptional team,” said Jane Roy."
    testimonial = "Today we got this feedback from a client, and we wanted to share it:\n\n" + quote
    news = "The firm opened a second office in Leeds in March.\n\n" + quote
    strength = lambda text: max(d.strength for d in EN.lint(text).diagnostics if d.rule == "en.self-promotion.self-praise")
    assert strength(testimonial) > strength(news) and strength(news) == pytest.approx(0.25)
    fr_quote = "« Nous avons une grande expertise et une équipe passionnée », dit Jeanne Roy."
    fr_strength = lambda text: max(d.strength for d in FR.lint(text).diagnostics if d.rule == "fr.self-promotion.eloge-de-soi")
    assert fr_strength("Voici un témoignage que nous a laissé une cliente :\n\n" + fr_quote) > \
        fr_strength("Le cabinet a ouvert un deuxième bureau en mars.\n\n" + fr_quote)


def test_a_rule_may_weigh_fully_inside_quoted_speech():
    """A client's recommendation is the point of the quotation a firm publishes: its rule sets
    `speech_weight: 1`, while self-praise in someone's quoted speech weighs a quarter."""
    news = "The firm opened a second office in Leeds.\n\n“We have an exceptional team. I would highly recommend them,” said Jane Roy."
    weights = {d.rule: d.strength for d in EN.lint(news).diagnostics if d.category == "self-promotion"}
    assert weights["en.self-promotion.self-praise"] == pytest.approx(0.25)
    assert weights["en.self-promotion.client-recommendation"] == pytest.approx(0.75)


def test_a_writer_who_says_i_outside_quotations_needs_more_release_evidence():
    """A release is impersonal: a feature whose author says « je » and quotes a company's president is
    no release on that quotation alone; the same quotation in an impersonal text is release evidence.
    « je » inside the quotation does not count."""
    quote = ("« Nous choisissons des projets spéciaux », a déclaré Marcel Letourneau, président de l'entreprise. "
             "« Tout devait être fait en six semaines », explique-t-il.")
    feature = "J'ai découvert Chambois il y a quelques mois, et leur style a suscité mon intérêt.\n\n" + quote
    impersonal = "Chambois fabrique du mobilier depuis vingt ans.\n\n" + quote
    quoted_i = "Chambois fabrique du mobilier.\n\n« Je crois que mon équipe est prête », a déclaré Marcel Letourneau, président."
    assert FR.lint(impersonal).verdicts["press-release"].passed
    assert not FR.lint(feature).verdicts["press-release"].passed
    verdict = FR.lint(quoted_i).verdicts["press-release"]
    assert verdict.required == pytest.approx(2.0)
    # « Mon » capitalised inside a sentence opens a name (the company Mon Technicien), not the writer's « mon »
    named = "Mon Technicien et la Ville de Laval, deux lauréats, ont reçu le prix remis à Mon Technicien.\n\n" + quote
    assert FR.lint(named).verdicts["press-release"].required == pytest.approx(2.0)
    assert FR.lint("Mon avis : voilà. Ma conclusion est simple.\n\n" + quote).verdicts["press-release"].required \
        == pytest.approx(4.0)
    story = ("I met the team last spring and my notes say it all.\n\n"
             "“We pick special projects,” said Marcel Letourneau, the company's president. “Six weeks,” he added.")
    assert EN.lint(story).verdicts["press-release"].required == pytest.approx(4.0)


def test_a_draft_that_declares_itself_a_release_keeps_the_release_threshold():
    """« Communiqué de presse » on a line of its own cancels the first-person raise: a minister's
    statement in the first person, issued as a release, is one; the same statement without it is not."""
    statement = ("J'ai rencontré nos habitants cette semaine et je tiens à remercier chacun.\n\n"
                 "Le niveau de risque a été réévalué.")
    assert FR.lint(statement).verdicts["press-release"].required == pytest.approx(4.0)
    assert FR.lint("Communiqué de presse\n\n" + statement).verdicts["press-release"].required == pytest.approx(2.0)
    story = "I met the team last spring and my notes say it all.\n\nThe plant opens in May."
    assert EN.lint(story).verdicts["press-release"].required == pytest.approx(4.0)
    assert EN.lint("PRESS RELEASE\n\n" + story).verdicts["press-release"].required == pytest.approx(2.0)
    # a line that only mentions releases is no declaration
    assert EN.lint("Press releases: a guide\n\n" + story).verdicts["press-release"].required == pytest.approx(4.0)


def test_a_writer_who_asks_questions_needs_more_release_evidence():
    """A release states, a feature asks: questions in the writer's own words (not in a quotation) raise
    the press-release threshold as « je » does."""
    quote = "« Nous choisissons des projets spéciaux », a déclaré Marcel Letourneau, président de l'entreprise."
    feature = "Un prix change-t-il la donne ? Les retombées sont-elles réelles ?\n\n" + quote
    quoted_questions = "Chambois fabrique du mobilier.\n\n« Pourquoi pas ? Et pourquoi pas nous ? », a déclaré Marcel Letourneau, président."
    assert FR.lint(feature).verdicts["press-release"].required == pytest.approx(4.0)
    assert FR.lint(quoted_questions).verdicts["press-release"].required == pytest.approx(2.0)
    story = "Do awards matter? Are the benefits real?\n\n“We pick special projects,” said Marcel Letourneau, the company's president."
    assert EN.lint(story).verdicts["press-release"].required == pytest.approx(4.0)


def test_a_spokesperson_quoted_by_pronoun_weighs_half():
    """"He said: “…”" right after an introduction by title is the release's mechanics, but the pronoun
    may point at someone else: half the strength of a quotation by name, so it is no verdict alone."""
    by_name = EN.lint("Jane Doe, CEO of Acme, opened the plant.\n\n“Nice plant,” Doe said.")
    by_pronoun = EN.lint("Jane Doe, CEO of Acme, opened the plant.\n\nShe said: “Nice plant.”")
    strength = lambda result: [d.strength for d in result.diagnostics if d.rule == "en.press-release.introduced-spokesperson"]
    assert strength(by_name) == [2.0] and strength(by_pronoun) == [1.0]
    assert by_pronoun.profile["press-release"]["verdict"]["severity"] == "suggestion"


def test_rare_words_alone_give_at_most_their_rule_s_cap():
    """A grower's « sarclage, paillis, bleuetière » are rare words, not a jargon verdict: the rare-term
    rule gives a draft at most its `max_strength` (2), below the 2.75 a jargon warning needs."""
    text = ("Nous faisons le désherbage par sarclage et paillis. La bleuetière et la framboisière donnent bien. "
            "Le binage, le buttage et l'éclaircissage occupent nos matinées. Les tuteurs et les drageons aussi.")
    rare = [d.strength for d in FR.lint(text).diagnostics if d.rule == "fr.peer-jargon.vocabulaire-rare"]
    verdict = FR.lint(text).verdicts["peer-jargon"]
    assert sum(rare) > 2 and verdict.evidence <= 2 and not verdict.passed


@pytest.mark.parametrize("engine, text, fmt, strength", [
    # the items under a heading about the company describe it without repeating "we"
    (FR, "Pourquoi nous choisir ?\n\nPlombiers qualifiés avec plus de 15 ans d'expérience\n\nDevis gratuit", "text", 0.75),
    (FR, "## Notre équipe\n\n- Plombiers qualifiés avec plus de 15 ans d'expérience\n- Devis gratuit\n", "markdown", 0.75),
    (EN, "<h2>Why choose us?</h2><ul><li>Certified fitters</li><li>Trusted by over 500 families in Leeds</li></ul>",
     "html", 0.75),
    # a heading that is not about the company, or none, leaves the claim unowned
    (FR, "Comment choisir un plombier ?\n\nUn artisan avec plus de 15 ans d'expérience\n\nUn devis écrit", "text", None),
    (EN, "Certified fitters\n\nTrusted by over 500 families in Leeds", "text", None),
    # a short sentence that ends its line with a colon introduces the list below it
    (EN, "So how are we faring? Here's my checklist:\n\n- Highly skilled engineers\n- Over 500 families served\n",
     "markdown", 0.75),
    # a pronoun joined to an imperative in the heading is no self-reference
    (FR, "Déridons-nous\n\nOn sent que c'est du sérieux, un service de qualité.", "text", None),
    # a short list item is no heading: the one below it is not in its section
    (FR, "- Notre équipe\n- Plus de 15 ans d'expérience\n", "markdown", None),
])
def test_a_heading_about_the_company_owns_the_claims_of_its_section(engine, text, fmt, strength):
    praise = [d for d in engine.lint(text, fmt).diagnostics
              if d.rule in ("fr.self-promotion.eloge-de-soi", "en.self-promotion.self-praise")]
    assert {d.strength for d in praise} == ({strength} if strength else set())


@pytest.mark.parametrize("weight", ["-0.5", "'half'", "true"])
def test_a_bad_without_context_weight_names_the_field(tmp_path, weight):
    rule = tmp_path / "fr" / "self-promotion" / "prix.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text("title: Prix\nkind: cooccurrence\nseverity: warning\nmessage: m\ndescription: d\n"
                    "match:\n  context: [nous]\n  target: [prix]\n  without_context: " + weight + "\n"
                    "examples:\n  incorrect: ['[[prix]] que nous aimons']\n  correct: ['Un mot.']\n", encoding="utf-8")
    (tmp_path / "fr" / "pack.yaml").write_text("name: t\n", encoding="utf-8")
    with pytest.raises(RuleError, match="prix.yaml: field 'match.without_context'"):
        Engine(Config(lang="fr", rule_dirs=(tmp_path,))).lint("Le prix.", "text")


@pytest.mark.parametrize("text, voiced, quoted", [
    # speech in single marks, curly or straight, is someone else's voice
    ("‘That means a cheaper loan,’ said Ann. It means less.", "It means less.", "That means"),
    ("'That means a cheaper loan,' said Ann. It means less.", "It means less.", "That means"),
    # a double quotation inside a single one belongs to it
    ("‘We call it \"the stack\", which means our tools,’ she said.", "she said.", "which means"),
    # apostrophes and a plural possessive quote nothing
    ("Australia’s rules mean our customers’ trust matters.", "customers’ trust matters", None),
])
def test_the_writers_own_voice_leaves_out_single_quotations(text, voiced, quoted):
    """Cues that raise a threshold (a draft that explains its terms) count in the writer's voice only:
    `outside_quotations` blanks quotations the same way the mention and speech scanners read them."""
    from tonelint.mention import outside_quotations
    own = outside_quotations(text)
    assert len(own) == len(text) and voiced in own
    assert quoted is None or quoted not in own
