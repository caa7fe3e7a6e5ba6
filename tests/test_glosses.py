"""What counts as explained in place: an acronym after the name it shortens, a sentence that defines the term (glosses)."""
import re

import pytest

from tonelint.glosses import defines, follows_its_name


@pytest.mark.parametrize("text, acronym", [
    ("Le prix a été remis à la Société de Paysage de Tunisie SOPAT, représentée par son gérant.", "SOPAT"),
    ("Selon l'Autorité des marchés financiers AMF, le dossier est complet.", "AMF"),
    ("la Banque Internationale Arabe de Tunisie BIAT", "BIAT"),
    ("Watch for Business Email Compromise BEC attempts.", "BEC"),
    ("the opening of Points East Veterinary Emergency Hospital (\"PEVEH\") on Monday", "PEVEH"),
    ("members of the Irish Society of Chartered Physiotherapists ISCP", "ISCP"),
    ("Customer Relationship Management, CRM, keeps track of clients.", "CRM"),
    ("Watch your Search Engine Optimization SEO score.", "SEO"),
    ("the sale of Global Solutions\nLimited (\"GSL\"), its subsidiary", "GSL"),  # a wrapped line
    ("held in a warehouse called a Container Freight Station or CFS until release", "CFS"),  # "or" before it
    ("Un Plan de Continuité d'Activité ou PCA protège l'entreprise.", "PCA"),
])
def test_the_name_before_explains_the_acronym(text, acronym):
    assert follows_its_name(text, text.index(acronym), acronym)


@pytest.mark.parametrize("text, acronym", [
    ("Small Business Owners Need SBA Loans.", "SBA"),  # "Owners" and "Need" open with no letter of it
    ("We offer Engine Optimization SEO", "SEO"),  # the name must open with the acronym's first letter
    ("Please Read PR", "PR"),  # two capitalised words spell any two letters
    ("The Complete Guide To Modern Search Engines SEO", "SEO"),
    ("Notre Équipe SEO vous répond.", "SEO"),
    ("Our Cloud Services API is documented.", "API"),
    ("Pour le suivi, Cerner votre CRM.", "CRM"),  # a name does not run across a comma
    ("Check your DSCR before you buy.", "DSCR"),
    ("Prenez Rendez-vous en Ligne RDV", "RDV"),
    ("Quand Sophie a vu son KPI, elle a souri.", "KPI"),
    ("Business Email\n\nCompromise BEC", "BEC"),  # nor across paragraphs
    ("Customers who Pay Late or PL get a letter.", "PL"),  # "or" does not lift the three-letter minimum
    ("Keep Maintenance Records or else CMR fines follow.", "CMR"),  # only "or" itself may come between
])
def test_other_capitalised_words_do_not(text, acronym):
    assert not follows_its_name(text, text.index(acronym), acronym)


@pytest.mark.parametrize("text, term", [
    # the term and its acronym joined by "or", or an aside between commas, before the verb
    ("The TPLO or Tibial Plateau Leveling Osteotomy is a knee surgery for dogs.", "TPLO"),
    ("The TPLO or Tibial Plateau Leveling Osteotomy is a knee surgery for dogs.", "Tibial Plateau Leveling Osteotomy"),
    ("The cranial cruciate ligament (CrCL), or anterior cruciate ligament (ACL) in humans, is a stabilizing "
     "ligament in the knee.", "cranial cruciate ligament"),
    ("Le PER ou plan d'épargne retraite est un produit d'épargne.", "plan d'épargne retraite"),
    ("Le PER est l'un des produits d'épargne retraite.", "PER"),
    ("The TPLO or Tibial Plateau Leveling Osteotomy is one of the most common surgeries on dogs.", "TPLO"),
    # the term names, in apposition, what the sentence has just described
    ("L'externalisation fait l'objet d'un contrat spécifique, appelé contrat d'infogérance, qui définit la prestation.",
     "infogérance"),
    ("The outside firm runs your servers under a separate contract, known as a managed-services agreement.",
     "managed-services"),
    # a statement announces what the terms mean, the terms right after it
    ("Avant de comparer, rappelons ce que sont usufruit et nue-propriété.", "nue-propriété"),
    ("Avant de comparer, rappelons ce que sont usufruit et nue-propriété.", "usufruit"),
    ("Voyons d'abord ce qu'on entend par mise en demeure.", "mise en demeure"),
    ("Before we compare them, let's look at what a usufruct is.", "usufruct"),
    # the name right after the noun it names
    ("Le flou d'arrière-plan (des flous appelés bokeh) isole le sujet.", "bokeh"),
    ("Cargo waits in a warehouse called a cross-dock until release.", "cross-dock"),
    ("A surface defect known as a weld line can appear.", "weld line"),
    # what happens, or a summary of it
    ("Thermal bridging happens when a wall meets a window and the insulation breaks.", "Thermal bridging"),
    ("A cold bridge can be basically summarised as the heat loss where two elements join.", "cold bridge"),
    ("Le pont thermique se produit quand deux parois se rejoignent.", "pont thermique"),
    # what the term is of may stand between it and the verb
    ("La nue-propriété d'un bien consiste à en avoir la propriété mais pas l'usage.", "nue-propriété"),
    ("The APR of a loan is the yearly cost of borrowing.", "APR"),
    # a French term's qualifying adjective may follow it, in the definition and in the question
    ("La due diligence juridique est l'audit que mène l'acheteur.", "due diligence"),
    ("Qu'est-ce que la due diligence juridique ?\nC'est l'audit que mène l'acheteur.", "due diligence"),
])
def test_a_sentence_that_defines_the_term(text, term):
    start = text.index(term)
    assert defines(text, start, start + len(term))


@pytest.mark.parametrize("text, term", [
    ("The CRM is one of the best investments you can make.", "CRM"),  # a judgement
    ("Le PER est l'un des meilleurs placements.", "PER"),
    ("Your CRM is a good start.", "CRM"),  # the term does not open the sentence
    ("Depth of field is one of the most annoying settings.", "Depth of field"),  # a ranking
    ("Le poste est l'un des plus gros de votre budget.", "poste"),
    # "or" joins two names only when one is the other's acronym
    ("A churn rate or a bounce rate is a number you watch.", "bounce rate"),
    ("Call your broker or backlinks are the next thing to fix.", "backlinks"),
    # a name or a summons in apposition is no naming of what came before
    ("Paul Roy, appelé à témoigner, a parlé de l'infogérance.", "infogérance"),
    # the verb "call" is no naming
    ("Le client a appelé infogérance son contrat.", "infogérance"),
    # « ce que sont » followed by something else than the terms
    ("Voici ce que sont les avantages fiscaux du démembrement pour vous.", "démembrement"),
    ("Ask what the usufruct costs you.", "usufruct"),
    # a word after the term that is no adjective before a definition: a judgement still
    ("La due diligence coûte cher et reste l'une des étapes clés.", "due diligence"),
])
def test_a_judgement_or_a_mere_use_is_no_definition(text, term):
    start = text.index(term)
    assert not defines(text, start, start + len(term))


def test_a_word_of_the_family_of_an_explained_term_is_explained():
    """« usufruitier » once « usufruit » is defined; an unrelated term sharing a short prefix is not."""
    from tonelint.engine import Engine
    from tonelint.config import Config

    text = ("L'usufruit est le droit de jouir d'un bien sans en être propriétaire. "
            "Le bien revient ensuite à l'usufruitier puis au nu-propriétaire.")
    flagged = {d.match.lower() for d in Engine(Config(lang="fr")).lint(text).diagnostics if d.category == "peer-jargon"}
    assert "usufruitier" not in " ".join(flagged) and any("nu-propriétaire" in m for m in flagged)


def test_a_term_explained_in_place_once_is_explained_for_the_draft():
    """An acronym's bracket and then a gloss explain the term; the reader has learnt it for the
    earlier and later uses too. An acronym's bracket alone says nothing of what the term is."""
    from tonelint.engine import Engine
    from tonelint.config import Config

    def flagged(text):
        return [d.match for d in Engine(Config(lang="en")).lint(text).diagnostics if d.category == "peer-jargon"]

    explained = ("A complete plan covers endpoint detection and response and backups.\n\n"
                 "Best practice is endpoint detection and response (EDR) — software that watches each laptop.")
    assert not any("endpoint" in m.lower() for m in flagged(explained))
    bare = "A complete plan covers endpoint detection and response (EDR) and backups."
    assert any("endpoint" in m.lower() for m in flagged(bare))


@pytest.mark.parametrize("check, text, term", [
    # a term offered in parentheses as another name
    ("is_gloss_itself", "Il peut être opportun de mener un audit (ou due diligence) avant la signature.", "due diligence"),
    ("is_gloss_itself", "Sign a short letter first (or LOI) before the audit.", "LOI"),
    # a field named before a definition still lets the sentence open with the term
    ("defines", "In photography, bokeh is the aesthetic quality of the blur.", "bokeh"),
    ("defines", "En droit, l'usufruit est le droit d'utiliser un bien.", "usufruit"),
])
def test_a_term_is_explained_where_it_stands(check, text, term):
    from tonelint import glosses
    start = text.index(term)
    assert getattr(glosses, check)(text, start, start + len(term))


def test_a_parenthesis_that_opens_with_or_but_goes_on_is_no_gloss():
    from tonelint.glosses import is_gloss_itself
    text = "Use a model (or due diligence checklists from your bank) before you buy."
    start = text.index("due diligence")
    assert not is_gloss_itself(text, start, start + len("due diligence"))


def test_an_acronym_explained_below_its_first_use_is_explained():
    """A post names its acronyms in the opening and explains each below: the reader learns them."""
    from tonelint.engine import Engine
    from tonelint.config import Config

    def flagged(text):
        return [d.match for d in Engine(Config(lang="fr")).lint(text).diagnostics if d.category == "peer-jargon"]

    later = ("Voici ce que recouvrent les notions de PCX et de PRX.\n\n"
             "Le PCX (plan de continuité) garde l'activité en marche. Le PRX (plan de reprise) la redémarre.")
    assert flagged(later) == []
    never = "Voici ce que recouvrent les notions de PCX et de PRX."
    assert set(flagged(never)) == {"PCX", "PRX"}
    bracket = "La certification HACCP [analyse des dangers et maîtrise des points critiques] est exigée."
    assert flagged(bracket) == []


@pytest.mark.parametrize("text, term", [
    ("Check your DSCR (or LTV) before you buy.", "LTV"),             # a second acronym explains neither
    ("Use a model (or due diligence, which is long) first.", "due diligence"),
])
def test_a_parenthesis_with_or_that_offers_no_plain_name_is_no_gloss(text, term):
    from tonelint.glosses import is_gloss_itself
    start = text.index(term)
    assert not is_gloss_itself(text, start, start + len(term))


@pytest.mark.parametrize("text, term, explained", [
    ("La certification HACCP [analyse des dangers] est exigée.", "HACCP", True),
    ("Your DSCR [1] is too low.", "DSCR", False),                      # a footnote
    ("Sign the NDA [see below] first.", "NDA", False),                  # a cross-reference
])
def test_a_square_bracket_glosses_only_with_words(text, term, explained):
    from tonelint.glosses import explained_after
    assert explained_after(text, text.index(term) + len(term)) is explained


def test_a_company_the_text_partners_with_can_still_be_the_author():
    from tonelint.selfnames import author_names
    texts = ["Why partner with Acme Consulting? Acme Consulting has unmatched expertise. Acme Consulting answers fast."]
    starts = [[0, texts[0].index("Acme Consulting has"), texts[0].index("Acme Consulting answers")]]
    assert author_names("en", texts, starts) == ["Acme Consulting"]
    acquired = ["Greenwood announces the acquisition of Hudson Roofing. Hudson Roofing has grown. Hudson Roofing hires."]
    starts = [[0, acquired[0].index("Hudson Roofing has"), acquired[0].index("Hudson Roofing hires")]]
    assert author_names("en", acquired, starts) == []


@pytest.mark.parametrize("lang, text, name", [
    ("fr", "En 2022, elles créent JAMES AVOCATS, un cabinet moderne. Véritable partenaire, JAMES AVOCATS les accompagne.",
     "JAMES AVOCATS"),
    ("en", "Why a boutique firm? The Johnston Law Firm is a small firm. No claim was ever made against the Johnston Law Firm.",
     "Johnston Law Firm"),
])
def test_a_firm_named_by_its_business_form_is_the_author_after_one_sentence(lang, text, name):
    from tonelint.selfnames import author_names
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]]
    assert author_names(lang, [text], starts) == [name]


def test_a_firm_with_its_legal_form_in_small_letters_after_a_long_opening_is_the_author():
    from tonelint.selfnames import author_names
    text = ("Malgré les cycles économiques, les changements de propriétaire, Marc Cossette inc. vient de franchir cette étape. "
            "Une des forces de Marc Cossette inc. est sa souplesse.")
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", text)]]
    assert author_names("fr", [text], starts) == ["Marc Cossette"]


def test_a_firm_named_once_is_not_the_author():
    from tonelint.selfnames import author_names
    text = "Ask around. Smith & Associates is one option. Compare quotes."
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]]
    assert author_names("en", [text], starts) == []


@pytest.mark.parametrize("person", ["Mr. Verghese", "Mme Roy", "Dr Patel"])
def test_a_person_named_with_a_title_is_not_the_author(person):
    from tonelint.selfnames import author_names
    text = f"Acme named a new director. {person} is a seasoned leader. {person} joined the group in 2021."
    starts = [[0, text.index(f"{person} is"), text.index(f"{person} joined")]]
    assert author_names("en", [text], starts) == []


@pytest.mark.parametrize("lang, text", [
    ("fr", "C'est à Montélimar que l'atelier s'installe. Montélimar est une ville dynamique. Montélimar a changé."),
    ("en", "Our shop is in Houston. Houston is a big city. Houston has changed."),
])
def test_a_place_the_text_puts_things_in_is_not_the_author(lang, text):
    from tonelint.selfnames import author_names
    name = "Montélimar" if lang == "fr" else "Houston"
    first, second = text.index(f"{name} est" if lang == "fr" else f"{name} is"), text.index(f"{name} a " if lang == "fr" else f"{name} has")
    assert author_names(lang, [text], [[0, first, second]]) == []


def test_a_french_elision_that_opens_sentences_is_no_name():
    from tonelint.selfnames import author_names
    text = "C’est une belle journée. C’est la fête. L’entreprise grandit. L’entreprise recrute. L’Oréal vend. L’Oréal achète."
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]]
    assert author_names("fr", [text], starts) == ["L’Oréal"]


@pytest.mark.parametrize("lang, word", [("en", "Our SOC"), ("fr", "L’usufruit"), ("en", "Fees")])
def test_words_that_open_sentences_without_naming_anyone_are_no_author(lang, word):
    from tonelint.selfnames import author_names
    text = f"{word} is listed below. {word} is due in May. Ask about it."
    starts = [[0, text.index(f"{word} is due")]]
    assert author_names(lang, [text], starts) == []


def test_a_one_word_name_is_written_with_its_capital_inside_a_sentence():
    from tonelint.selfnames import author_names
    text = "Scotiabank opened a branch. Scotiabank hires. Clients of Scotiabank are happy."
    starts = [[0, text.index("Scotiabank hires"), text.index("Clients")]]
    assert author_names("en", [text], starts) == ["Scotiabank"]


@pytest.mark.parametrize("text, name", [
    ("Joe's Plumbing fixes leaks. Joe's Plumbing answers fast. Call Joe's Plumbing today.", "Joe's Plumbing"),
    ("Zentro builds reports. Zentro is fast. Build a report in Zentro with Zentro's help.", "Zentro"),
])
def test_a_company_named_as_english_speakers_do_stays_the_author(text, name):
    from tonelint.selfnames import author_names
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]]
    assert author_names("en", [text], starts) == [name]


@pytest.mark.parametrize("lang, text, names", [
    # the name is the subject after the sentence's opening phrase, not its first word
    ("en", "Today, Hale & Moss represents families. From wills to trusts, Hale & Moss plays a part.", ["Hale & Moss"]),
    ("fr", "Depuis 1998, Atelier Brun accompagne les PME. Avec ses clients, Atelier Brun construit.", ["Atelier Brun"]),
    # a person after the opening phrase is no organisation, nor is a list of names with no verb after
    ("en", "In 1928, Mr. Hale opened an office. Later, Mr. Hale retired.", []),
])
def test_the_author_may_be_named_after_the_sentences_opening_phrase(lang, text, names):
    from tonelint.selfnames import author_names
    starts = [[0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]]
    assert author_names(lang, [text], starts) == names


def test_an_unspaced_em_dash_then_a_determiner_glosses():
    from tonelint.glosses import explained_after
    text = "The enemy is index bloat—a sprawling index full of duplicates."
    assert explained_after(text, text.index("bloat") + len("bloat"))
    assert not explained_after("Fix the bloat—now.", len("Fix the bloat"))


def test_a_defined_term_is_learnt_in_the_plural_too():
    from tonelint import Config, Engine
    draft = ("Crawl Budgets Explained\n\nGoogle gives each site a finite attention span known as the crawl budget. "
             "Small sites rarely run out of it.")
    found = [d.match for d in Engine(Config(lang="en")).lint(draft, "markdown", "en").diagnostics
             if d.rule == "en.peer-jargon.trade-jargon"]
    assert found == []


def test_a_double_hyphen_dash_glosses_like_a_dash():
    from tonelint.glosses import explained_after
    text = "Churn rates --or the share of customers who cancel-- matter."
    assert explained_after(text, text.index("rates") + len("rates"))


def test_credentials_after_a_byline_name_are_no_jargon():
    from tonelint import Config, Engine
    draft = "by Duncan B. Will, CPA/ABV/CFF, CFE\n\nYour clients need a plan before the new standard applies."
    found = [d.match for d in Engine(Config(lang="en")).lint(draft, "markdown", "en").diagnostics
             if d.rule == "en.peer-jargon.unexplained-acronym"]
    assert found == []


def test_an_acronym_explained_in_the_plural_is_learnt_in_the_singular():
    from tonelint import Config, Engine
    draft = "Agencies track KPIs (key performance indicators) every month. The new KPI is how fast customers start using the service."
    found = [d.match for d in Engine(Config(lang="en")).lint(draft, "markdown", "en").diagnostics
             if d.category == "peer-jargon"]
    assert found == []
