"""`--format html`: one self-contained page a writer or a client can read.

Per draft: its text with the findings underlined in their dimension's colour (the card —
message, why, suggestions — shows on hover or keyboard focus, CSS only), the tone profile as
a small bar chart, readability per paragraph, and the findings as a list. With several files,
an index lists the worst first. No script, no network: a Content-Security-Policy forbids both,
and every piece of a draft is escaped (drafts are untrusted).
"""
from __future__ import annotations

from collections import Counter
from html import escape

from ..i18n import NOT_LINTED, capitalised, translator
from ..model import Severity

COLOURS = {"press-release": "#b03a2e", "self-promotion": "#b9770e", "peer-jargon": "#1f618d",
           "dialogue": "#7d3c98", "register": "#1e8449", "grammar": "#566573"}
_OTHER_COLOUR = "#566573"

LABELS = {
    "en": {
        "lang": "en", "title": "tonelint report", "files": "Files, most work needed first", "file": "file",
        "findings": "findings", "profile": "Tone profile", "readability": "Readability",
        "per_paragraph": "Readability per paragraph", "line": "line", "words": "words",
        "wps": "words per sentence", "score": "score", "draft": "Draft", "list": "Findings",
        "document": "About the whole draft", "why": "Why", "suggestions": "Suggestions",
        "none_found": "No findings.", "error": "Not linted", "notes": "Notes", "level": "level",
        "see_notes": "(see the notes)",
        "hint": "Hover over or tab to an underlined passage to read its finding.",
        "dimensions": {"press-release": "press release", "self-promotion": "self-promotion",
                       "peer-jargon": "peer jargon", "dialogue": "dialogue", "register": "register",
                       "grammar": "grammar"},
        "levels": {"none": "none", "some": "some", "strong": "strong", "present": "present", "missing": "missing"},
        "severities": {"suggestion": "suggestion", "warning": "warning", "error": "error"},
        "plural_from": 2, "plural_at_zero": True,
        "colon": ":", "quotes": ("“", "”"), "finding": "finding",
    },
    "fr": {
        "lang": "fr", "title": "Rapport tonelint", "files": "Fichiers, les plus à reprendre d'abord", "file": "fichier",
        "findings": "constats", "profile": "Profil de ton", "readability": "Lisibilité",
        "per_paragraph": "Lisibilité par paragraphe", "line": "ligne", "words": "mots",
        "wps": "mots par phrase", "score": "score", "draft": "Brouillon", "list": "Constats",
        "document": "Sur l'ensemble du texte", "why": "Pourquoi", "suggestions": "Suggestions",
        "none_found": "Aucun constat.", "error": "Non analysé", "notes": "Remarques", "level": "niveau",
        "see_notes": "(voir les remarques)",
        "hint": "Survolez un passage souligné, ou atteignez-le avec Tab, pour lire son constat.",
        "dimensions": {"press-release": "communiqué de presse", "self-promotion": "autopromotion",
                       "peer-jargon": "jargon de spécialiste", "dialogue": "dialogue", "register": "registre",
                       "grammar": "grammaire"},
        "levels": {"none": "aucun", "some": "quelques signes", "strong": "marqué", "present": "présent",
                   "missing": "absent"},
        "severities": {"suggestion": "suggestion", "warning": "avertissement", "error": "erreur"},
        "plural_from": 2, "plural_at_zero": False,  # « 0 erreur », « 1 erreur », « 2 erreurs »
        "colon": "\u00a0:", "quotes": ("«\u00a0", "\u00a0»"), "finding": "constat",
    },
}

_STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 60rem;
       padding: 1.5rem; color: #1c2833; background: #fdfefe; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; } h2 { font-size: 1.25rem; margin: 2.5rem 0 .5rem; word-break: break-all; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .25rem .6rem; text-align: left; }
th { border-bottom: 2px solid #d5d8dc; } td { border-bottom: 1px solid #eaeded; } td.n { text-align: right; }
.meta { color: #566573; margin: 0 0 1rem; } .error { color: #922b21; } .hint { color: #566573; font-size: .9rem; }
.chart { display: grid; grid-template-columns: 12rem 1fr 2.5rem 16rem; gap: .3rem .6rem; align-items: center; max-width: 44rem; }
.bar { height: .8rem; background: #eaeded; border-radius: .4rem; overflow: hidden; }
.bar span { display: block; height: 100%; border-radius: .4rem; }
.draft { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.9 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
         background: #fff; border: 1px solid #d5d8dc; border-radius: .4rem; padding: 1rem; }
.fw { position: relative; }
mark.f { background: color-mix(in srgb, var(--c) 14%, transparent); color: inherit; border-bottom: 3px solid var(--c);
         border-radius: 2px; cursor: help; }
mark.f:focus { outline: 2px solid var(--c); outline-offset: 1px; }
.card { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10; width: min(26rem, 80vw);
        white-space: normal; font: 14px/1.45 system-ui, sans-serif; background: #fff; color: #1c2833;
        border: 1px solid #aab7b8; border-left: 5px solid var(--c); border-radius: .3rem; padding: .5rem .7rem;
        box-shadow: 0 4px 14px rgba(0,0,0,.18); }
.fw:hover > .card, .fw:focus-within > .card { display: block; }
.card p { margin: .2rem 0; } .card .rule, .findings .rule { color: #566573; font-size: .85em; }
.sev { font-weight: 600; color: var(--c); }
ol.findings, ul.findings { padding-left: 1.5rem; } .findings li { margin: .5rem 0; } .findings p { margin: .1rem 0; }
.findings summary { color: #566573; font-size: .9em; cursor: pointer; }
ol.findings li::marker { color: var(--c); }
@media print { .card { display: none !important; } }
"""


def render_html(reports, rules: dict | None = None, lang: str | None = None) -> str:
    """The report page. `rules`: rule id -> Rule (titles and the "why"); `lang`: the page's
    language (default: the language most drafts were linted in)."""
    rules = rules or {}
    lang = lang if lang in LABELS else _page_language(reports)
    labels = LABELS[lang]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        # Nothing loads and nothing runs, whatever a draft holds.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(labels['title'])}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(labels['title'])}</h1>",
    ]
    if len(reports) > 1:
        parts.append(_index(reports, labels))
    for number, report in enumerate(reports, 1):
        parts.append(_document(report, f"d{number}", rules, labels))
    parts.append("</body></html>")
    return "\n".join(parts)


def _page_language(reports) -> str:
    langs = Counter(r.result.lang for r in reports if r.result is not None)
    return "fr" if langs and langs.most_common(1)[0][0] == "fr" else "en"


def _count(number: int, noun: str, labels) -> str:
    """« 0 erreur » but "0 errors": each language's plural."""
    plural = number >= labels["plural_from"] or (number == 0 and labels["plural_at_zero"])
    return f"{number} {escape(noun)}{'s' if plural else ''}"


def _colour(category: str, labels=None) -> str:
    """The category's colour as its pack declares it, else the report's own."""
    palette = (labels or {}).get("palette", {})
    return palette.get(category) or COLOURS.get(category, _OTHER_COLOUR)


def _with_categories(labels: dict, categories) -> dict:
    """The page's labels with the draft's categories (pack.yaml): their colours and, in the page's
    language, their titles."""
    if not categories:
        return labels
    return {**labels,
            "palette": {c.id: c.colour for c in categories},
            "dimensions": {**labels["dimensions"], **{c.id: c.title.get(labels["lang"], c.id) for c in categories}}}


def _not_linted(labels) -> str:
    """Why a draft has no profile, in the words the other outputs use (linter/locale)."""
    return f"{capitalised(translator(labels['lang']).gettext(NOT_LINTED))} {labels['see_notes']}."


def _dimensions(profile: dict) -> list[str]:
    """The profile's scored categories, in its order (the rule pack's)."""
    return [name for name, entry in profile.items()
            if name != "metrics" and isinstance(entry, dict) and "score" in entry and "level" in entry]


def _badness(report) -> int:
    if report.result is None or not report.result.linted:
        return -1
    profile = report.result.profile
    return sum(profile[name]["score"] for name in _dimensions(profile))


def _index(reports, labels) -> str:
    numbered = list(enumerate(reports, 1))
    ranked = sorted(numbered, key=lambda item: (-_badness(item[1]), item[1].path))
    dimensions = list(dict.fromkeys(name for r in reports if r.result is not None for name in _dimensions(r.result.profile)))
    head = "".join(f"<th>{escape(labels['dimensions'].get(name, name))}</th>" for name in dimensions)
    rows = []
    for number, report in ranked:
        link = f'<a href="#d{number}">{escape(report.path)}</a>'
        if report.result is None:
            rows.append(f'<tr><td>{link}</td><td class="error" colspan="{len(dimensions) + 1}">'
                        f"{escape(labels['error'])}: {escape(report.error or '')}</td></tr>")
            continue
        if not report.result.linted:  # its empty profile would read as a clean draft
            rows.append(f'<tr><td>{link}</td><td class="n">{len(report.result.diagnostics)}</td>'
                        f'<td class="error" colspan="{max(len(dimensions), 1)}">{escape(labels["error"])}</td></tr>')
            continue
        profile = report.result.profile
        cells = "".join(f'<td class="n">{profile.get(name, {}).get("score", "–")}</td>' for name in dimensions)
        rows.append(f'<tr><td>{link}</td><td class="n">{len(report.result.diagnostics)}</td>{cells}</tr>')
    return (f"<nav><h2>{escape(labels['files'])}</h2><table><thead><tr><th>{escape(labels['file'])}</th>"
            f"<th>{escape(labels['findings'])}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></nav>")


def _document(report, anchor: str, rules: dict, labels) -> str:
    title = f'<h2 id="{anchor}">{escape(report.path)}</h2>'
    if report.result is None:
        return f'<section>{title}<p class="error">{escape(labels["error"])}: {escape(report.error or "")}</p></section>'
    result = report.result
    labels = _with_categories(labels, getattr(result, "categories", ()))
    counts = Counter(d.severity for d in result.diagnostics)
    severities = ", ".join(_count(counts[s], labels["severities"][s.label], labels) for s in reversed(Severity))
    parts = [f"<section>{title}", f'<p class="meta">{escape(result.lang)} · {result.words} '
             f"{escape(labels['words'])} · {severities}</p>"]
    if report.notices:
        notes = "".join(f"<li>{escape(n)}</li>" for n in report.notices)
        # Open when they say why the draft was not judged: that is then all the page has to say.
        opened = "" if result.linted else " open"
        parts.append(f"<details{opened}><summary>{escape(labels['notes'])}</summary><ul>{notes}</ul></details>")
    if result.linted:
        parts.append(_profile(result.profile, labels))
        parts.append(_readability(result.profile.get("metrics", {}), labels))
    else:
        parts.append(f'<p class="error">{escape(_not_linted(labels))}</p>')
    whole = [d for d in result.diagnostics if d.document_level]
    if whole:
        items = "".join(_finding_item(d, None, rules, labels) for d in whole)
        parts.append(f"<h3>{escape(labels['document'])}</h3><ul class=\"findings\">{items}</ul>")
    inline = [d for d in result.diagnostics if not d.document_level]
    parts.append(f"<h3>{escape(labels['draft'])}</h3>")
    if inline:
        parts.append(f'<p class="hint">{escape(labels["hint"])}</p>')
    parts.append(f'<div class="draft">{highlight(report.source, inline, anchor, rules, labels)}</div>')
    parts.append(f"<h3>{escape(labels['list'])}</h3>")
    if inline:
        items = "".join(_finding_item(d, f"{anchor}-f{i}", rules, labels) for i, d in enumerate(inline))
        parts.append(f'<ol class="findings">{items}</ol>')
    elif not whole:
        parts.append(f"<p>{escape(labels['none_found'])}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _profile(profile: dict, labels) -> str:
    rows = []
    for name in _dimensions(profile):
        entry = profile[name]
        score, level, found = entry.get("score", 0), entry.get("level", "none"), entry.get("findings", 0)
        label = labels["dimensions"].get(name, name)
        level_text = labels["levels"].get(level, level)
        rows.append(f"<span>{escape(label)}</span>"
                    f'<span class="bar" role="img" aria-label="{escape(label)}: {score}/100">'
                    f'<span style="width:{max(0, min(100, int(score)))}%;background:{_colour(name, labels)}"></span></span>'
                    f'<span class="n">{int(score)}</span>'
                    f"<span>{escape(level_text)} ({_count(found, labels['finding'], labels)})</span>")
    return f"<h3>{escape(labels['profile'])}</h3><div class=\"chart\">{''.join(rows)}</div>"


def _readability(metrics: dict, labels) -> str:
    if not metrics.get("words"):
        return ""
    head = (f"<h3>{escape(labels['readability'])}</h3><p>{escape(labels['score'])} "
            f"{float(metrics.get('score', 0)):.0f} ({escape(str(metrics.get('formula', '')))}), "
            f"{escape(str(metrics.get('words_per_sentence', '')))} {escape(labels['wps'])}</p>")
    rows = []
    for paragraph in metrics.get("paragraphs", []):
        score = paragraph.get("score")
        rows.append(f'<tr><td class="n">{int(paragraph.get("line", 0))}</td><td class="n">{int(paragraph.get("words", 0))}</td>'
                    f'<td class="n">{escape(str(paragraph.get("words_per_sentence", "")))}</td>'
                    f'<td class="n">{"–" if score is None else f"{float(score):.0f}"}</td></tr>')
    if not rows:
        return head
    return (head + f"<details><summary>{escape(labels['per_paragraph'])}</summary><table><thead><tr>"
            f"<th>{escape(labels['line'])}</th><th>{escape(labels['words'])}</th><th>{escape(labels['wps'])}</th>"
            f"<th>{escape(labels['score'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></details>")


def _card_body(d, rules: dict, labels, where: str = "", folded: bool = False) -> str:
    """Message, why, suggestions and rule id of a finding. `where`: a link put first (the
    list); `folded`: the why behind a disclosure (the list repeats it for every finding)."""
    rule = rules.get(d.rule)
    parts = [f'<p>{where}<span class="sev">{escape(labels["severities"][d.severity.label])}</span> '
             f"{escape(d.message)}</p>"]
    if d.suggestions:
        opening, closing = labels["quotes"]
        shown = ", ".join(f"{opening}{escape(s)}{closing}" for s in d.suggestions[:5])
        parts.append(f"<p><b>{escape(labels['suggestions'])}{labels['colon']}</b> {shown}</p>")
    why = getattr(rule, "description", "") if rule is not None else ""
    if why and folded:
        parts.append(f"<details><summary>{escape(labels['why'])}</summary><p>{escape(why)}</p></details>")
    elif why:
        parts.append(f"<p><b>{escape(labels['why'])}{labels['colon']}</b> {escape(why)}</p>")
    parts.append(f'<p class="rule">{escape(d.rule)}</p>')
    return "".join(parts)


def _finding_item(d, target: str | None, rules: dict, labels) -> str:
    where = f'<a href="#{target}">{d.line}:{d.column}</a> ' if target else ""
    return f'<li style="--c:{_colour(d.category, labels)}">{_card_body(d, rules, labels, where, folded=True)}</li>'


def highlight(source: str, diagnostics, anchor: str, rules: dict | None = None, labels=None) -> str:
    """The source, escaped, with each stretch covered by findings in a <mark> (and its card).
    Overlapping findings split the text at every span boundary: each stretch lists the
    findings over it. Offsets are code points of the source, as the engine gives them."""
    rules, labels = rules or {}, labels or LABELS["en"]
    length = len(source)
    spans = [(max(0, min(d.span.start, length)), max(0, min(d.span.end, length)), i, d)
             for i, d in enumerate(diagnostics)]
    spans = [s for s in spans if s[1] > s[0]]
    cuts = sorted({0, length, *(s[0] for s in spans), *(s[1] for s in spans)})
    out, first_mark = [], set()
    for start, end in zip(cuts, cuts[1:]):
        over = [s for s in spans if s[0] <= start and end <= s[1]]
        text = escape(source[start:end], quote=False)
        if not over:
            out.append(text)
            continue
        over.sort(key=lambda s: (-s[3].severity, s[2]))
        lead = over[0][3]
        ids = [s[2] for s in over]
        # The first stretch of a finding carries its anchor (the list links to it).
        anchors = [i for i in ids if i not in first_mark]
        first_mark.update(anchors)
        mark_id = f' id="{anchor}-f{anchors[0]}"' if anchors else ""
        extra = "".join(f'<span id="{anchor}-f{i}"></span>' for i in anchors[1:])
        card_id = f"{anchor}-c{start}"
        cards = "".join(_card_body(s[3], rules, labels) for s in over)
        out.append(f'{extra}<span class="fw" style="--c:{_colour(lead.category, labels)}"><mark class="f" tabindex="0"{mark_id} '
                   f'aria-describedby="{card_id}" data-rules="{escape(" ".join(s[3].rule for s in over))}">{text}</mark>'
                   f'<span class="card" role="tooltip" id="{card_id}">{cards}</span></span>')
    return "".join(out)
