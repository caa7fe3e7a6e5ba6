"""An acronym right after the name it shortens, without brackets, is explained (glosses.follows_its_name)."""
import pytest

from linter.glosses import follows_its_name


@pytest.mark.parametrize("text, acronym", [
    ("Le prix a été remis à la Société de Paysage de Tunisie SOPAT, représentée par son gérant.", "SOPAT"),
    ("Selon l'Autorité des marchés financiers AMF, le dossier est complet.", "AMF"),
    ("la Banque Internationale Arabe de Tunisie BIAT", "BIAT"),
    ("Watch for Business Email Compromise BEC attempts.", "BEC"),
    ("the opening of Points East Veterinary Emergency Hospital (\"PEVEH\") on Monday", "PEVEH"),
    ("members of the Irish Society of Chartered Physiotherapists ISCP", "ISCP"),
    ("We read Google Analytics GA4 reports.", "GA4"),
    ("the sale of Global Solutions\nLimited (\"GSL\"), its subsidiary", "GSL"),  # a wrapped line
])
def test_the_name_before_explains_the_acronym(text, acronym):
    assert follows_its_name(text, text.index(acronym), acronym)


@pytest.mark.parametrize("text, acronym", [
    ("Small Business Owners Need SBA Loans.", "SBA"),  # "Business" opens with no letter of it
    ("The Complete Guide To Modern Search Engines SEO", "SEO"),
    ("Notre Équipe SEO vous répond.", "SEO"),
    ("Our Cloud Services API is documented.", "API"),
    ("Pour le suivi, Cerner votre CRM.", "CRM"),  # a name does not run across a comma
    ("Check your DSCR before you buy.", "DSCR"),
    ("Prenez Rendez-vous en Ligne RDV", "RDV"),
    ("Quand Sophie a vu son KPI, elle a souri.", "KPI"),
    ("Business Email\n\nCompromise BEC", "BEC"),  # nor across paragraphs
])
def test_other_capitalised_words_do_not(text, acronym):
    assert not follows_its_name(text, text.index(acronym), acronym)
