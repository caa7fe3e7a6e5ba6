"""Benchmark drafts written for tonelint (no third-party text): realistic blog
paragraphs mixing client-focused sentences with the faults the rules target."""
from __future__ import annotations

import random

FR = [
    "Vous vous demandez combien coûte une toiture neuve, et c'est normal.",
    "Tout dépend de la pente, des matériaux et de l'état du bois sous les bardeaux.",
    "Je passe chez vous, je regarde, et je vous donne un prix clair avant de commencer.",
    "Nous sommes fiers d'annoncer l'ouverture de notre nouveau bureau sur la Rive-Sud.",
    "Notre équipe chevronnée offre un service inégalé depuis plus de vingt ans.",
    "Les demandes sont traitées en quarante-huit heures par notre service à la clientèle.",
    "Il convient de vérifier vos factures dans le cadre de votre abonnement annuel.",
    "Inscrivez-vous à notre newsletter pour recevoir nos meilleurs conseils.",
    "Un bon comptable vous aide à garder plus d'argent à la fin de l'année.",
    "Gardez vos reçus dans une même boîte, et notez vos dépenses chaque mois.",
    "Si le bois est sain, on garde la structure ; sinon, je vous montre les photos.",
    "Le référencement naturel (SEO) prend du temps, mais il vous amène des clients fidèles.",
    "Acme, chef de file en solutions clé en main, consolide sa position sur le marché.",
    "Avez-vous déjà comparé le coût d'un site fait maison et d'un site fait par un pro ?",
    "La plupart des restaurants que j'accompagne passaient deux soirs par mois sur la paie.",
    "Contactez-nous dès aujourd'hui pour obtenir votre soumission gratuite !",
    "La séance photo dure une heure, et vous choisissez vos images le lendemain.",
    "Obtenez des backlinks de qualité et améliorez votre taux de conversion.",
    "Votre CRM doit parler à votre site, sinon vous perdez des demandes.",
    "Écrivez-moi si vous avez une question : je réponds à chaque message.",
]
EN = [
    "You may wonder what a new roof costs, and that is a fair question.",
    "It depends on the slope, the materials and the state of the wood under the shingles.",
    "I come over, I look, and I give you a clear price before any work starts.",
    "We are thrilled to announce the opening of our new office downtown.",
    "Our award-winning team delivers unparalleled service with state-of-the-art tools.",
    "Requests are processed within two days by our customer care team.",
    "In order to save time, we utilize a number of simple tools prior to each project.",
    "Sign up for our newsletter to get our best tips every month.",
    "A good accountant helps you keep more money at the end of the year.",
    "Keep your receipts in one box and note your expenses every month.",
    "If the wood is sound, we keep the frame; if not, I show you the photos.",
    "Search engine optimization (SEO) takes time, but it brings loyal clients.",
    "Acme, the leading provider of turnkey solutions, strengthens its position.",
    "Have you ever compared a home-made website with one built by a professional?",
    "Most of the restaurants I work with spent two evenings a month on payroll.",
    "Call us today and request your free quote!",
    "The photo session lasts an hour, and you pick your images the next day.",
    "Get quality backlinks and improve your conversion rate fast.",
    "Your CRM should talk to your website, or you lose requests.",
    "Write to me if you have a question: I answer every message.",
]


def make_draft(lang: str, words: int, seed: int = 0) -> str:
    """A Markdown draft of about `words` words: a title and paragraphs of 3-6 sentences."""
    rng = random.Random(seed)
    bank = FR if lang == "fr" else EN
    title = "# " + ("Ce que coûte vraiment une toiture" if lang == "fr" else "What a roof really costs")
    paragraphs, count = [title], 0
    while count < words:
        sentences = [rng.choice(bank) for _ in range(rng.randint(3, 6))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"
